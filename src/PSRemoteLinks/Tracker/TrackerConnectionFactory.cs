using System;
using System.Collections.Generic;
using System.Net.Http.Headers;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Tracker
{
    /// <summary>
    /// A Yandex Tracker connection: API v2 or v3 below the service address, the organisation in X-Org-ID (Yandex 360
    /// for Business) or X-Cloud-Org-ID (Yandex Cloud Organization), and "OAuth token" or (IAM) "Bearer token".
    /// </summary>
    internal sealed class TrackerConnectionFactory : ConnectionFactory
    {
        public static readonly Uri DefaultUri = new Uri("https://api.tracker.yandex.net");
        private static readonly string[] Versions = { "v2", "v3" };

        private readonly Uri _root;
        private readonly string _version;
        private readonly string _orgHeader;
        private readonly string _org;
        private readonly AuthenticationHeaderValue _authorization;
        private readonly string _token;

        /// <param name="uri">The service address; one copied with its API version (".../v3") names the version too.</param>
        /// <param name="apiVersion">"v2" or "v3" when given explicitly (it wins over a version in the address); null for the default.</param>
        /// <param name="cloudOrganization">True for a Yandex Cloud Organization id, false for a Yandex 360 one.</param>
        public TrackerConnectionFactory(Uri uri, string? apiVersion, string organization, bool cloudOrganization, string token, bool iamToken)
        {
            var address = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            var version = (apiVersion ?? "v2").ToLowerInvariant();
            foreach (var known in Versions)
            {
                if (address.EndsWith("/" + known, StringComparison.OrdinalIgnoreCase))
                {
                    address = address.Substring(0, address.Length - known.Length - 1);
                    version = apiVersion == null ? known : version;
                }
            }

            _root = new Uri(address + "/");
            _version = version;
            _org = organization;
            _orgHeader = cloudOrganization ? "X-Cloud-Org-ID" : "X-Org-ID";
            _token = token;
            _authorization = new AuthenticationHeaderValue(iamToken ? "Bearer" : "OAuth", token);
            Address = new Uri(_root.AbsoluteUri.TrimEnd('/'));
        }

        public override TrackerKind Kind => TrackerKind.YandexTracker;

        public override Uri Address { get; }

        public override string DefaultName => "tracker-" + _org;

        public override string? Organization => _orgHeader + ": " + _org;

        protected override PipelineSettings Settings()
        {
            var settings = new PipelineSettings("Yandex Tracker", new Uri(_root, _version + "/")) { Authorization = _authorization };
            settings.Secrets.Add(_token);
            settings.Headers.Add(new KeyValuePair<string, string>(_orgHeader, _org));
            // Labels and display names are localized; English keeps messages readable (logic never depends on them).
            settings.Headers.Add(new KeyValuePair<string, string>("Accept-Language", "en"));
            return settings;
        }

        protected override ILinkBackend CreateBackend(HttpPipeline pipeline) => new TrackerBackend(pipeline);

        /// <summary>
        /// Tracker answers a valid token with an organisation it does not know (or one linked the other way) with 403
        /// "Organization is not available, not ready or not found": the cause is the organisation id or its kind, not
        /// a permission.
        /// </summary>
        protected override ApiException Explain(ApiException error)
        {
            if (error.StatusCode != 403)
            {
                return error;
            }

            var other = _orgHeader == "X-Org-ID" ? "-CloudOrgId (a Yandex Cloud Organization)" : "-OrgId (a Yandex 360 for Business organisation)";
            return ErrorResponses.Explained(error, "OrganizationNotFound",
                "Check the organisation id " + _org + " (" + _orgHeader + "): Tracker does not know it for this token. The id is shown in Tracker under "
                + "Administration > Organizations; an organisation linked the other way needs " + other + " instead.");
        }
    }
}
