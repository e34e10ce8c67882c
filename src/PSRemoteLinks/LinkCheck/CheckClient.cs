using System;
using System.Net.Http;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.LinkCheck
{
    /// <summary>
    /// The HttpClient that asks links' hosts. It is not the connection's: it carries no Authorization header, no
    /// cookies and no client certificate, and follows no redirect by itself. Only how the connection reaches the
    /// network applies: its proxy (with the proxy's own credentials) and its certificate check.
    /// </summary>
    internal static class CheckClient
    {
        private static readonly string UserAgent = "PSRemoteLinks/" + typeof(CheckClient).Assembly.GetName().Version?.ToString(3) + " (link check)";

        public static HttpClient Create(NetworkOptions? connection, bool skipCertificateCheck)
        {
            var options = new NetworkOptions
            {
                Proxy = connection?.Proxy,
                ProxyCredential = connection?.ProxyCredential,
                ProxyUseDefaultCredentials = connection?.ProxyUseDefaultCredentials ?? false,
                NoProxy = connection?.NoProxy ?? false,
                SkipCertificateCheck = skipCertificateCheck || (connection?.SkipCertificateCheck ?? false),
                Certificate = null, // the client certificate proves who we are to the tracker, never to a link's host
            };

            // HandlerFactory turns off automatic redirects and cookies, and sets no server credentials.
            var client = new HttpClient(HandlerFactory.Create(options), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "*/*");
            return client;
        }
    }
}
