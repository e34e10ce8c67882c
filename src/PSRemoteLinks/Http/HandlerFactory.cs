using System;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;

namespace PSRemoteLinks.Http
{
    /// <summary>Builds the one HTTP handler a connection owns, from its <see cref="NetworkOptions"/>.</summary>
    internal static class HandlerFactory
    {
        public static HttpClientHandler Create(NetworkOptions options)
        {
            var handler = new HttpClientHandler
            {
                // Redirects are followed by the pipeline itself, so credentials never travel to another host.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                MaxConnectionsPerServer = Math.Max(2, options.MaxConnections),
                SslProtocols = SslProtocols.None, // the operating system's default protocol choice
            };

            if (options.NoProxy)
            {
                handler.UseProxy = false;
            }
            else if (options.Proxy != null)
            {
                var proxy = new ExplicitProxy(options.Proxy);
                if (options.ProxyCredential != null)
                {
                    proxy.Credentials = options.ProxyCredential;
                }
                else if (options.ProxyUseDefaultCredentials)
                {
                    proxy.Credentials = CredentialCache.DefaultCredentials;
                }

                handler.Proxy = proxy;
                handler.UseProxy = true;
            }
            else if (options.ProxyCredential != null)
            {
                // No -Proxy: the system's or HTTPS_PROXY's proxy, with these credentials.
                handler.DefaultProxyCredentials = options.ProxyCredential;
            }
            else if (options.ProxyUseDefaultCredentials)
            {
                handler.DefaultProxyCredentials = CredentialCache.DefaultCredentials;
            }

            if (options.SkipCertificateCheck)
            {
                handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true;
            }

            if (options.Certificate != null)
            {
                handler.ClientCertificateOptions = ClientCertificateOption.Manual;
                handler.ClientCertificates.Add(options.Certificate);
            }

            return handler;
        }
    }
}
