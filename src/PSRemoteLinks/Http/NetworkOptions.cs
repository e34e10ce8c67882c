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

        /// <summary>The highest -ThrottleLimit: the most requests one cmdlet keeps in flight on a connection.</summary>
        public const int MaxThrottleLimit = 128;

        /// <summary>
        /// Keep-alive connections the connection's pool may open to the server: as many as a cmdlet at the highest
        /// -ThrottleLimit has requests in flight, so no request queues for a socket (Windows PowerShell's default is 2).
        /// The throttle, not the pool, is what limits concurrency.
        /// </summary>
        public int MaxConnections { get; set; } = MaxThrottleLimit;
    }
}
