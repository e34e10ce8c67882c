using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>Gets an issue's remote links: all of them, one by id, or (Jira) one by global id.</summary>
    [Cmdlet(VerbsCommon.Get, "RemoteIssueLink", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(RemoteIssueLink))]
    public sealed class GetRemoteIssueLinkCommand : LinkCmdletBase
    {
        private const string AllSet = "All";
        private const string ByIdSet = "ById";
        private const string ByGlobalIdSet = "ByGlobalId";

        /// <summary>Issue keys (or ids).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [TrimIssueKey]
        [ValidateIssueKey]
        public string[] Issue { get; set; } = System.Array.Empty<string>();

        /// <summary>The id of one remote link.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>Jira: the global id of one remote link.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByGlobalIdSet)]
        [ValidateNotNullOrEmpty]
        [ValidateGlobalId]
        public string? GlobalId { get; set; }

        protected override void ProcessRecord()
        {
            if (!MyInvocation.ExpectingInput)
            {
                ExpectTotal(Issue.Length);
            }

            foreach (var issue in Each(Issue))
            {
                switch (ParameterSetName)
                {
                    case ByIdSet:
                        var id = Id;
                        Run(issue, async (backend, context) => TrackerLinkView.Tag(await backend.GetRemoteLinkAsync(issue, id, context).ConfigureAwait(false)));
                        break;
                    case ByGlobalIdSet:
                        var globalId = GlobalId!;
                        Run(issue, async (backend, context) => TrackerLinkView.Tag(await backend.GetRemoteLinkByGlobalIdAsync(issue, globalId, context).ConfigureAwait(false)));
                        break;
                    default:
                        Run(issue, async (backend, context) => TrackerLinkView.Tag(await backend.GetRemoteLinksAsync(issue, context).ConfigureAwait(false)));
                        break;
                }
            }
        }
    }
}
