using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Gets the links between an issue and other issues, each read from that issue's side; with -Recurse or -Depth,
    /// walks them breadth-first across issues.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IssueLink")]
    [OutputType(typeof(IssueLink))]
    public sealed class GetIssueLinkCommand : LinkCmdletBase
    {
        private readonly Dictionary<ILinkBackend, Func<IssueLink, bool>> _filters = new Dictionary<ILinkBackend, Func<IssueLink, bool>>();
        private LinkWalk? _walk;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateIssueKey]
        public string[] Issue { get; set; } = Array.Empty<string>();

        /// <summary>Follows the links from issue to issue, breadth-first.</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        /// <summary>How many links away from a given issue to read issues (implies -Recurse); 0 reads only the given issues.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Depth { get; set; }

        /// <summary>Only links with these phrases from the issue's side are written (and, with -Recurse, followed).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RelationshipCompleter))]
        public string[]? Relationship { get; set; }

        private bool Walks => Recurse.IsPresent || MyInvocation.BoundParameters.ContainsKey(nameof(Depth));

        protected override void ProcessRecord()
        {
            if (Walks)
            {
                // Every given issue is a start (depth 0), so the walk begins once all the input has arrived.
                var backend = ResolveConnection().Backend;
                FilterFor(backend);
                _walk ??= new LinkWalk(this, ThrottleLimit, MyInvocation.BoundParameters.ContainsKey(nameof(Depth)) ? Depth : (int?)null, FilterFor);
                foreach (var issue in Each(Issue))
                {
                    _walk.AddStart(backend, issue.Trim());
                }

                return;
            }

            if (!MyInvocation.ExpectingInput)
            {
                ExpectTotal(Issue.Length);
            }

            foreach (var issue in Each(Issue))
            {
                var key = issue.Trim();
                if (Relationship == null)
                {
                    Run(key, (backend, context) => backend.GetIssueLinksAsync(key, context));
                }
                else
                {
                    var filter = FilterFor(ResolveConnection().Backend)!;
                    Run(key, async (backend, context) =>
                        (await backend.GetIssueLinksAsync(key, context).ConfigureAwait(false)).Where(filter).ToList());
                }
            }
        }

        protected override void EndProcessing()
        {
            if (_walk != null)
            {
                _walk.Run();
                return;
            }

            base.EndProcessing();
        }

        /// <summary>-Relationship resolved once per connection, before any link is read; a phrase the service does not know stops the command.</summary>
        private Func<IssueLink, bool>? FilterFor(ILinkBackend backend)
        {
            if (Relationship == null)
            {
                return null;
            }

            if (!_filters.TryGetValue(backend, out var filter))
            {
                try
                {
                    filter = RunNow(context => backend.RelationshipFilterAsync(Relationship.Select(r => r.Trim()).ToList(), context));
                }
                catch (ApiException ex)
                {
                    ThrowTerminatingError(ErrorRecords.From(ex, string.Join(", ", Relationship)));
                }

                _filters.Add(backend, filter!);
            }

            return filter;
        }
    }
}
