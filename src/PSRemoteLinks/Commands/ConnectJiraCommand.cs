using System;
using System.Management.Automation;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using PSRemoteLinks.Http;
using PSRemoteLinks.Jira;

namespace PSRemoteLinks.Commands
{
    /// <summary>Connects to a Jira Cloud site or a Jira Data Center server (REST API v2).</summary>
    [Cmdlet(VerbsCommunications.Connect, "Jira", DefaultParameterSetName = CredentialSet)]
    [OutputType(typeof(IssueTrackerConnection))]
    public sealed class ConnectJiraCommand : ConnectCommandBase
    {
        private const string CredentialSet = "Credential";
        private const string PersonalAccessTokenSet = "PersonalAccessToken";
        private const string CloudCredentialSet = "CloudIdCredential";
        private const string CloudAccessTokenSet = "CloudIdAccessToken";
        private static readonly Uri Gateway = new Uri("https://api.atlassian.com");

        /// <summary>The site root (https://acme.atlassian.net) or a server with a context path (https://host/jira).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PersonalAccessTokenSet)]
        [Parameter(Position = 0, ParameterSetName = CloudCredentialSet)]
        [Parameter(Position = 0, ParameterSetName = CloudAccessTokenSet)]
        [ValidateNotNull]
        [ValidateAbsoluteUrl(RequireHttp = true)]
        public Uri? Uri { get; set; }

        /// <summary>User name or e-mail address with password or API token (HTTP Basic).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = CredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = CloudCredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>A Data Center personal access token (Bearer).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PersonalAccessTokenSet)]
        [ValidateNotNull]
        public SecureString? PersonalAccessToken { get; set; }

        /// <summary>The Jira Cloud site's cloud id: requests go through the Atlassian gateway, {Uri}/ex/jira/{CloudId}.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CloudCredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = CloudAccessTokenSet)]
        [ValidatePattern("^[A-Za-z0-9-]+$")]
        public string? CloudId { get; set; }

        /// <summary>An OAuth 2.0 access token (Bearer), with -CloudId.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CloudAccessTokenSet)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        protected override void ProcessRecord()
        {
            var site = BaseOf(Uri ?? Gateway);
            var shown = CloudId == null ? site : ThroughGateway(site, CloudId);
            CheckTransport(shown);

            var settings = new PipelineSettings("Jira", new Uri(shown, "rest/api/2/"));
            if (Credential != null)
            {
                var network = Credential.GetNetworkCredential();
                var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(Credential.UserName + ":" + network.Password));
                settings.Authorization = new AuthenticationHeaderValue("Basic", encoded);
                settings.Secrets.Add(network.Password);
                settings.Secrets.Add(encoded);
            }
            else
            {
                var token = Reveal((PersonalAccessToken ?? AccessToken)!);
                settings.Authorization = new AuthenticationHeaderValue("Bearer", token);
                settings.Secrets.Add(token);
            }

            var shownWithoutSlash = new Uri(shown.AbsoluteUri.TrimEnd('/'));
            Complete(Name ?? CloudId ?? DefaultName(shown), TrackerKind.Jira, shownWithoutSlash, settings, pipeline => new JiraBackend(pipeline));
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
