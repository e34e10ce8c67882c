using System;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using PSRemoteLinks.Emulator.Network;

namespace PSRemoteLinks.Emulator;

/// <summary>The optional HTTPS listeners (<see cref="EmulatorOptions.EnableTls"/>): same app, self-signed certificate.</summary>
public sealed partial class EmulatorServer
{
    private readonly ConcurrentDictionary<string, byte> _acceptedClientCertificates = new(StringComparer.OrdinalIgnoreCase);
    private ListenOptions? _httpsListen;
    private ListenOptions? _mutualTlsListen;
    private int _clientCertificateCount;

    /// <summary>https://127.0.0.1:PORT/ with a self-signed certificate (see <see cref="ServerCertificate"/>); null unless EnableTls.</summary>
    public Uri? HttpsUri { get; private set; }

    /// <summary>https://127.0.0.1:PORT/ that requires a client certificate from <see cref="CreateClientCertificate"/>; null unless EnableTls.</summary>
    public Uri? MutualTlsUri { get; private set; }

    /// <summary>The server certificate of both HTTPS listeners (trust it by thumbprint); null unless EnableTls.</summary>
    public X509Certificate2? ServerCertificate { get; private set; }

    /// <summary>A new client certificate (with private key) that the mutual-TLS listener accepts.</summary>
    public X509Certificate2 CreateClientCertificate()
    {
        if (ServerCertificate is null)
        {
            throw new InvalidOperationException("Client certificates need EmulatorOptions.EnableTls = true.");
        }

        int number = Interlocked.Increment(ref _clientCertificateCount);
        X509Certificate2 certificate = TlsCertificates.CreateClient($"CN=PSRemoteLinks Emulator client {number}");
        _acceptedClientCertificates[Thumbprint(certificate)] = 0;
        return certificate;
    }

    partial void ConfigureTls(KestrelServerOptions kestrel)
    {
        if (!Options.EnableTls)
        {
            return;
        }

        X509Certificate2 certificate = ServerCertificate ??= TlsCertificates.CreateServer();
        kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            _httpsListen = listen;
            listen.UseHttps(certificate);
        });
        kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            _mutualTlsListen = listen;
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = certificate,
                ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                CheckCertificateRevocation = false,

                // Self-signed client certificates never chain; the thumbprint is the whole trust decision.
                ClientCertificateValidation = (client, _, _) => _acceptedClientCertificates.ContainsKey(Thumbprint(client)),
            });
        });
    }

    partial void AfterStart()
    {
        if (_httpsListen is not null && _mutualTlsListen is not null)
        {
            HttpsUri = new Uri($"https://127.0.0.1:{((IPEndPoint)_httpsListen.EndPoint).Port}/");
            MutualTlsUri = new Uri($"https://127.0.0.1:{((IPEndPoint)_mutualTlsListen.EndPoint).Port}/");
        }
    }

    partial void DisposeTls()
    {
        ServerCertificate?.Dispose();
    }

    private static string Thumbprint(X509Certificate2 certificate) =>
        certificate.GetCertHashString(HashAlgorithmName.SHA256);
}
