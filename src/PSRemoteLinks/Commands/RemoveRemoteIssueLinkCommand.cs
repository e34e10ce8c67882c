using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>Removes a remote link of -Issue by id (checked to be a link of that issue first), or (Jira) by global id.</summary>
    [Cmdlet(VerbsCommon.Remove, "RemoteIssueLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
    public sealed class RemoveRemoteIssueLinkCommand : PipedLinkCmdletBase
    {
        private const string ByIdSet = "ById";
        private const string ByGlobalIdSet = "ByGlobalId";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [TrimIssueKey]
        [ValidateIssueKey]
        public string Issue { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>Jira: the global id of the link to remove.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByGlobalIdSet)]
        [ValidateNotNullOrEmpty]
        [ValidateGlobalId]
        public string? GlobalId { get; set; }

        protected override void ProcessRecord()
        {
            var issue = Issue;
            if (RefusedAsWrongKind<IssueLink>("an issue link", "Use Remove-IssueLink for issue links."))
            {
                return;
            }

            if (ParameterSetName == ByGlobalIdSet)
            {
                var globalId = GlobalId!;
                if (ShouldProcess("remote link with globalId '" + globalId + "' on " + issue, "Remove"))
                {
                    RunSilently(issue, (backend, context) => backend.RemoveRemoteLinkByGlobalIdAsync(issue, globalId, context));
                }

                return;
            }

            var id = Id;
            if (ShouldProcess("remote link " + id + " on " + issue, "Remove"))
            {
                RunSilently(issue, (backend, context) => backend.RemoveRemoteLinkAsync(issue, id, context));
            }
        }
    }
}
