using System;
using System.Management.Automation;
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
        public Uri Uri { get; set; } = TrackerConnectionFactory.DefaultUri;

        [Parameter]
        [ValidateSet("v2", "v3")]
        public string ApiVersion { get; set; } = "v2";

        protected override void ProcessRecord()
        {
            var iam = string.Equals(TokenType, "IAM", StringComparison.OrdinalIgnoreCase);
            if (iam && ParameterSetName != CloudOrgIdSet)
            {
                ThrowTerminatingError(ErrorRecords.Failure(ApiErrorKind.InvalidArgument, "IamTokenNeedsCloudOrgId",
                    "-TokenType IAM works only with -CloudOrgId: Yandex Tracker accepts IAM tokens for Yandex Cloud organisations only. Use an OAuth token with -OrgId.",
                    TokenType));
            }

            var cloud = ParameterSetName == CloudOrgIdSet;
            var explicitVersion = MyInvocation.BoundParameters.ContainsKey(nameof(ApiVersion)) ? ApiVersion : null;
            var factory = new TrackerConnectionFactory(Uri, explicitVersion, cloud ? CloudOrgId! : OrgId!, cloud, Reveal(Token!), iam);
            CheckTransport(factory.Address);
            Complete(Name ?? factory.DefaultName, factory);
        }
    }
}
