using System.Management.Automation;
using PSRemoteLinks.Backends;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Adds a remote link to an issue and emits it as stored. On Jira, with -GlobalId, it creates or updates
    /// (running it twice leaves one link). On Yandex Tracker it links an object of a registered application.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "RemoteIssueLink", SupportsShouldProcess = true, DefaultParameterSetName = JiraSet)]
    [OutputType(typeof(RemoteIssueLink))]
    public sealed class NewRemoteIssueLinkCommand : LinkCmdletBase
    {
        private const string JiraSet = "Jira";
        private const string TrackerSet = "Tracker";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateIssueKey]
        public string Issue { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateAbsoluteUrl]
        public string? Url { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        [Parameter(ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? Summary { get; set; }

        /// <summary>Jira: identifies the link for upserts (at most 255 characters).</summary>
        [Parameter(ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ValidateGlobalId]
        public string? GlobalId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? Relationship { get; set; }

        [Parameter(ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ValidateAbsoluteUrl]
        public string? IconUrl { get; set; }

        [Parameter(ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? IconTitle { get; set; }

        [Parameter(ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? ApplicationType { get; set; }

        [Parameter(ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? ApplicationName { get; set; }

        /// <summary>Jira: show the link as resolved (struck through).</summary>
        [Parameter(ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        public SwitchParameter Resolved { get; set; }

        [Parameter(ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ValidateAbsoluteUrl]
        public string? StatusIconUrl { get; set; }

        [Parameter(ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? StatusIconTitle { get; set; }

        [Parameter(ParameterSetName = JiraSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ValidateAbsoluteUrl]
        public string? StatusIconLink { get; set; }

        /// <summary>Tracker: the object's key in the external application.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TrackerSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Key { get; set; }

        /// <summary>Tracker: the application id (see GET /v2/applications).</summary>
        [Parameter(Mandatory = true, ParameterSetName = TrackerSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OriginCompleter))]
        public string? Origin { get; set; }

        /// <summary>Tracker: ask the application to link back to the issue.</summary>
        [Parameter(ParameterSetName = TrackerSet)]
        public SwitchParameter Backlink { get; set; }

        protected override void ProcessRecord()
        {
            var issue = Issue.Trim();
            var values = RemoteLinkParameters.From(MyInvocation.BoundParameters);
            var what = Title ?? Key ?? Url;
            if (!ShouldProcess(issue, "Add remote link '" + what + "'"))
            {
                return;
            }

            Run(issue, (backend, context) => backend.NewRemoteLinkAsync(issue, values, context));
        }
    }
}
