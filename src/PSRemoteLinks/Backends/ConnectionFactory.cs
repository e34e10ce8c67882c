using System;
using System.Threading.Tasks;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Backends
{
    /// <summary>
    /// What a Connect cmdlet needs from a service: where requests go, how they authenticate, and how a failed
    /// verification is explained in that service's terms. One per service (<c>Jira/JiraConnectionFactory</c>,
    /// <c>Tracker/TrackerConnectionFactory</c>), so no cmdlet builds a URL, an auth header or an org header.
    /// </summary>
    internal abstract class ConnectionFactory
    {
        public abstract TrackerKind Kind { get; }

        /// <summary>The address the connection shows (and the Connect cmdlet checks for https), without a trailing slash.</summary>
        public abstract Uri Address { get; }

        /// <summary>The connection's name when -Name is not given.</summary>
        public abstract string DefaultName { get; }

        /// <summary>Extra detail the connection shows (Tracker's org header); null when there is none.</summary>
        public virtual string? Organization => null;

        /// <summary>Builds the connection's backend over its own HTTP pipeline and handler.</summary>
        public ILinkBackend Create(NetworkOptions network)
        {
            var settings = Settings();
            settings.Network = network;
            // A proxy may echo its credentials back in an error page, like a server its token.
            settings.Secrets.Add(network.ProxyCredential?.Password ?? string.Empty);
            return CreateBackend(new HttpPipeline(settings, HandlerFactory.Create(network)));
        }

        /// <summary>Checks the credentials, explaining a failure in this service's terms; returns who the service says we are.</summary>
        public async Task<string> VerifyAsync(ILinkBackend backend, CallContext context)
        {
            try
            {
                return await backend.VerifyAsync(context).ConfigureAwait(false);
            }
            catch (ApiException error)
            {
                throw Explain(error);
            }
        }

        /// <summary>The API root, auth header, extra headers and secrets of the connection.</summary>
        protected abstract PipelineSettings Settings();

        protected abstract ILinkBackend CreateBackend(HttpPipeline pipeline);

        /// <summary>A failed verification, said in this service's terms (default: as the HTTP layer said it).</summary>
        protected virtual ApiException Explain(ApiException error) => error;

        internal static string DefaultNameOf(Uri uri) => uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port;
    }
}
