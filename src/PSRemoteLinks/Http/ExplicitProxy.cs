using System;
using System.Net;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// The proxy given with -Proxy, used for every request of the connection. <see cref="WebProxy"/> may bypass
    /// loopback and local addresses on its own; an administrator who names a proxy means it.
    /// </summary>
    internal sealed class ExplicitProxy : IWebProxy
    {
        private readonly Uri _address;

        public ExplicitProxy(Uri address) => _address = address;

        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => _address;

        public bool IsBypassed(Uri host) => false;
    }
}
