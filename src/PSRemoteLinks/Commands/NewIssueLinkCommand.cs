using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Links two issues so that "Issue Relationship LinkedIssue" holds, e.g.
    /// <c>New-IssueLink A-1 -LinkedIssue B-2 -Relationship blocks</c> makes A-1 block B-2. Emits the new link.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IssueLink", SupportsShouldProcess = true)]
    [OutputType(typeof(IssueLink))]
    public sealed class NewIssueLinkCommand : LinkCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateIssueKey]
        public string Issue { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateIssueKey]
        public string LinkedIssue { get; set; } = string.Empty;

        /// <summary>The phrase from Issue's side: a Jira link type name or phrase, or one of Tracker's nine values.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RelationshipCompleter))]
        public string Relationship { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var issue = Issue.Trim();
            var linked = LinkedIssue.Trim();
            var relationship = Relationship.Trim();
            if (!ShouldProcess(issue, "Link: " + issue + " " + relationship + " " + linked))
            {
                return;
            }

            Run(issue, (backend, context) => backend.NewIssueLinkAsync(issue, linked, relationship, context));
        }
    }
}
