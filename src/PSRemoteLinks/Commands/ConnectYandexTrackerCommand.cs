using System;
using System.Management.Automation;
using System.Net.Http.Headers;
using System.Security;
using PSRemoteLinks.Http;
using PSRemoteLinks.Tracker;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Connects to a Yandex Tracker organisation: Yandex 360 (-OrgId, header X-Org-ID) or Yandex Cloud
    /// (-CloudOrgId, header X-Cloud-Org-ID), with an OAuth token or (Cloud only) an IAM token.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "YandexTracker", DefaultParameterSetName = OrgIdSet)]
    [OutputType(typeof(IssueTrackerConnection))]
    public sealed class ConnectYandexTrackerCommand : ConnectCommandBase
    {
        private const string OrgIdSet = "OrgId";
        private const string CloudOrgIdSet = "CloudOrgId";
        private const string DefaultUri = "https://api.tracker.yandex.net";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>A Yandex 360 for Business organisation id (sent as X-Org-ID).</summary>
        [Parameter(Mandatory = true, ParameterSetName = OrgIdSet)]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(@"^\S+$")]
        public string? OrgId { get; set; }

        /// <summary>A Yandex Cloud Organization id (sent as X-Cloud-Org-ID).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CloudOrgIdSet)]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(@"^\S+$")]
        public string? CloudOrgId { get; set; }

        /// <summary>OAuth (default; "Authorization: OAuth token") or IAM ("Bearer token", Cloud organisations only).</summary>
        [Parameter]
        [ValidateSet("OAuth", "IAM")]
        public string TokenType { get; set; } = "OAuth";

        [Parameter]
        [ValidateAbsoluteUrl(RequireHttp = true)]
        public Uri Uri { get; set; } = new Uri(DefaultUri);

        [Parameter]
        [ValidateSet("v2", "v3")]
        public string ApiVersion { get; set; } = "v2";

        protected override void ProcessRecord()
        {
            var iam = string.Equals(TokenType, "IAM", StringComparison.OrdinalIgnoreCase);
            if (iam && ParameterSetName != CloudOrgIdSet)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-TokenType IAM works only with -CloudOrgId: Yandex Tracker accepts IAM tokens for Yandex Cloud organisations only. Use an OAuth token with -OrgId."),
                    "IamTokenNeedsCloudOrgId", ErrorCategory.InvalidArgument, TokenType));
            }

            // An address copied with its API version (".../v3") names the version too, unless -ApiVersion says otherwise.
            var address = Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            var version = ApiVersion.ToLowerInvariant();
            foreach (var known in new[] { "v2", "v3" })
            {
                if (address.EndsWith("/" + known, StringComparison.OrdinalIgnoreCase))
                {
                    address = address.Substring(0, address.Length - known.Length - 1);
                    version = MyInvocation.BoundParameters.ContainsKey(nameof(ApiVersion)) ? version : known;
                }
            }

            var root = new Uri(address + "/");
            CheckTransport(root);
            var settings = new PipelineSettings("Yandex Tracker", new Uri(root, version + "/"));
            var token = Reveal(Token!);
            settings.Authorization = new AuthenticationHeaderValue(iam ? "Bearer" : "OAuth", token);
            settings.Secrets.Add(token);
            var orgHeader = ParameterSetName == CloudOrgIdSet ? "X-Cloud-Org-ID" : "X-Org-ID";
            var org = ParameterSetName == CloudOrgIdSet ? CloudOrgId! : OrgId!;
            settings.Headers.Add(new System.Collections.Generic.KeyValuePair<string, string>(orgHeader, org));
            // Labels and display names are localized; English keeps messages readable (logic never depends on them).
            settings.Headers.Add(new System.Collections.Generic.KeyValuePair<string, string>("Accept-Language", "en"));

            var shown = new Uri(root.AbsoluteUri.TrimEnd('/'));
            Complete(Name ?? "tracker-" + org, TrackerKind.YandexTracker, shown, settings, pipeline => new TrackerBackend(pipeline), orgHeader + ": " + org);
        }
    }
}
