using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Removes a link between two issues (from both sides), only when it is a link of -Issue: the backend checks that
    /// before deleting, because Jira's DELETE issueLink/{id} ignores issues.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IssueLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveIssueLinkCommand : PipedLinkCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [TrimIssueKey]
        [ValidateIssueKey]
        public string Issue { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        protected override void ProcessRecord()
        {
            var issue = Issue;
            var id = Id;
            if (RefusedAsWrongKind<RemoteIssueLink>("a remote link", "Use Remove-RemoteIssueLink for remote links."))
            {
                return;
            }

            if (ShouldProcess("issue link " + id + " of " + issue, "Remove"))
            {
                RunSilently(issue, (backend, context) => backend.RemoveIssueLinkAsync(issue, id, context));
            }
        }
    }
}
