using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace PSRemoteLinks.Http
{
    /// <summary>How one connection reaches its server: proxy, TLS, timeouts, retries. Applied to that connection's handler only.</summary>
    internal sealed class NetworkOptions
    {
        public Uri? Proxy { get; set; }

        public NetworkCredential? ProxyCredential { get; set; }

        public bool ProxyUseDefaultCredentials { get; set; }

        public bool NoProxy { get; set; }

        public bool SkipCertificateCheck { get; set; }

        public X509Certificate2? Certificate { get; set; }

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        public int MaximumRetryCount { get; set; } = 4;

        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>Connections kept open to the server; sized for bulk work with a high -ThrottleLimit.</summary>
        public int MaxConnections { get; set; } = 64;
    }
}
