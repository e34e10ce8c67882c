using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PSRemoteLinks.Emulator.Network;

/// <summary>Throwaway self-signed certificates for the HTTPS listeners and their clients.</summary>
internal static class TlsCertificates
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>Valid for 127.0.0.1, ::1 and localhost.</summary>
    public static X509Certificate2 CreateServer()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        return Create("CN=PSRemoteLinks Emulator (127.0.0.1)", ServerAuth, names.Build());
    }

    public static X509Certificate2 CreateClient(string subject) => Create(subject, ClientAuth, null);

    private static X509Certificate2 Create(string subject, string usage, X509Extension? subjectAlternativeNames)
    {
        // ECDSA P-256: a fraction of a millisecond to generate where RSA 2048 takes hundreds.
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(usage) }, false));
        if (subjectAlternativeNames is not null)
        {
            request.CertificateExtensions.Add(subjectAlternativeNames);
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // A round trip through PFX gives the key a form that SslStream accepts on every platform (Windows
        // refuses ephemeral keys for TLS).
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }
}
