using System;
using System.Management.Automation;
using System.Security;
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
            var factory = new JiraConnectionFactory(Uri, CloudId);
            CheckTransport(factory.Address);
            if (Credential != null)
            {
                factory.WithBasic(Credential.UserName, Credential.GetNetworkCredential().Password);
            }
            else
            {
                factory.WithBearer(Reveal((PersonalAccessToken ?? AccessToken)!));
            }

            Complete(Name ?? factory.DefaultName, factory);
        }
    }
}
