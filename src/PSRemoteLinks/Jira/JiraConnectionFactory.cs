using System;
using System.Net.Http.Headers;
using System.Text;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Jira
{
    /// <summary>
    /// A Jira connection: a site root or a server with a context path, or a Cloud site through the Atlassian
    /// gateway ({gateway}/ex/jira/{cloudId}); REST v2 below it; HTTP Basic (user + API token or password) or a
    /// Bearer token (Data Center personal access token, OAuth 2.0 access token).
    /// </summary>
    internal sealed class JiraConnectionFactory : ConnectionFactory
    {
        /// <summary>Where -CloudId sends requests when -Uri is not given.</summary>
        public static readonly Uri Gateway = new Uri("https://api.atlassian.com");

        private readonly Uri _base;
        private readonly string? _cloudId;
        private AuthenticationHeaderValue? _authorization;
        private string[] _secrets = Array.Empty<string>();

        /// <param name="uri">The site, the server with its context path, or (with <paramref name="cloudId"/>) the gateway; null means the Atlassian gateway.</param>
        public JiraConnectionFactory(Uri? uri, string? cloudId)
        {
            _cloudId = cloudId;
            var site = BaseOf(uri ?? Gateway);
            _base = cloudId == null ? site : ThroughGateway(site, cloudId);
            Address = new Uri(_base.AbsoluteUri.TrimEnd('/'));
        }

        public override TrackerKind Kind => TrackerKind.Jira;

        public override Uri Address { get; }

        public override string DefaultName => _cloudId ?? DefaultNameOf(_base);

        /// <summary>HTTP Basic: a user name or e-mail address with an API token or password.</summary>
        public JiraConnectionFactory WithBasic(string user, string password)
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
            _authorization = new AuthenticationHeaderValue("Basic", encoded);
            _secrets = new[] { password, encoded };
            return this;
        }

        /// <summary>A Bearer token: a Data Center personal access token or an OAuth 2.0 access token.</summary>
        public JiraConnectionFactory WithBearer(string token)
        {
            _authorization = new AuthenticationHeaderValue("Bearer", token);
            _secrets = new[] { token };
            return this;
        }

        protected override PipelineSettings Settings()
        {
            var settings = new PipelineSettings("Jira", new Uri(_base, "rest/api/2/")) { Authorization = _authorization };
            foreach (var secret in _secrets)
            {
                settings.Secrets.Add(secret);
            }

            return settings;
        }

        protected override ILinkBackend CreateBackend(HttpPipeline pipeline) => new JiraBackend(pipeline);

        /// <summary>
        /// A 404 for /myself means no Jira REST API lives at that address: most often a server whose Jira runs
        /// under a context path (https://host/jira) was given as its root, and the web server answered with its own
        /// HTML 404 page.
        /// </summary>
        protected override ApiException Explain(ApiException error)
        {
            if (error.StatusCode != 404)
            {
                return error;
            }

            var hint = _cloudId == null
                ? "No Jira REST API answers at " + Address + ". Check -Uri: if Jira runs under a context path, include it (for example https://host/jira)."
                : "The gateway knows no Jira site with cloud id " + _cloudId + ". Check -CloudId, and -Uri if you gave one.";
            return ErrorResponses.Explained(error, "JiraNotFoundAtUri", hint);
        }

        /// <summary>{gateway}/ex/jira/{cloudId}/; a -Uri that already ends in that path is taken as it is.</summary>
        private static Uri ThroughGateway(Uri gateway, string cloudId)
        {
            var sitePath = "ex/jira/" + cloudId + "/";
            return gateway.AbsolutePath.EndsWith("/" + sitePath, StringComparison.OrdinalIgnoreCase)
                ? gateway
                : new Uri(gateway.AbsoluteUri + sitePath);
        }

        // "https://host/jira" and "https://host/jira/" both mean the context path /jira.
        private static Uri BaseOf(Uri uri)
        {
            var text = uri.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }
    }
}
