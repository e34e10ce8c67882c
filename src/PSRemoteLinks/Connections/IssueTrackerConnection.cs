using System;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Connections;
using PSRemoteLinks.Http;

namespace PSRemoteLinks
{
    /// <summary>
    /// An open connection to one Jira site or one Tracker organisation. It shows where and as whom, never how:
    /// the credentials live only inside its HTTP pipeline, as a ready-made header.
    /// </summary>
    public sealed class IssueTrackerConnection : IDisposable
    {
        internal IssueTrackerConnection(string name, TrackerKind kind, Uri uri, ILinkBackend backend)
        {
            Name = name;
            Kind = kind;
            Uri = uri;
            Backend = backend;
            backend.Attach(this);
        }

        public string Name { get; }

        public TrackerKind Kind { get; }

        /// <summary>The address requests go to (for Jira through the Atlassian gateway, the full /ex/jira/{cloudId} base).</summary>
        public Uri Uri { get; }

        /// <summary>Who the server says we are (empty when verification was skipped).</summary>
        public string? User { get; internal set; }

        /// <summary>True for the connection data cmdlets use when -Connection is not given.</summary>
        public bool IsDefault => Store?.Default == this;

        /// <summary>Extra detail for a Tracker connection: the org header in use.</summary>
        public string? Organization { get; internal set; }

        internal ILinkBackend Backend { get; }

        /// <summary>How the connection reaches the network (proxy, TLS), for requests outside its own pipeline: link checks.</summary>
        internal NetworkOptions? Network { get; set; }

        internal ConnectionStore? Store { get; set; }

        internal bool IsDisposed { get; private set; }

        /// <summary>The connection that took this one's name (a later Connect with the same -Name), which closed this one.</summary>
        internal IssueTrackerConnection? ReplacedBy { get; set; }

        public override string ToString() => Kind + " '" + Name + "' at " + Uri + (string.IsNullOrEmpty(User) ? string.Empty : " as " + User);

        public void Dispose()
        {
            if (!IsDisposed)
            {
                IsDisposed = true;
                Backend.Dispose();
            }
        }
    }
}
