using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>Removes a link between two issues (from both sides).</summary>
    [Cmdlet(VerbsCommon.Remove, "IssueLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveIssueLinkCommand : LinkCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateIssueKey]
        public string Issue { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        protected override void ProcessRecord()
        {
            var issue = Issue.Trim();
            var id = Id;
            if (ShouldProcess("issue link " + id + " of " + issue, "Remove"))
            {
                RunSilently(issue, (backend, context) => backend.RemoveIssueLinkAsync(issue, id, context));
            }
        }
    }
}
