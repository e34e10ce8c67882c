using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Changes the named fields of a Jira remote link; every other field keeps its stored value.
    /// An empty string or $null clears an optional field. Yandex Tracker cannot update external links.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "RemoteIssueLink", SupportsShouldProcess = true)]
    [OutputType(typeof(RemoteIssueLink))]
    public sealed class SetRemoteIssueLinkCommand : LinkCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateIssueKey]
        public string Issue { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        // The fields come from the command line only: values piped from an earlier read could silently undo
        // someone else's change made since.
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateAbsoluteUrl]
        public string? Url { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? Summary { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [ValidateGlobalId]
        public string? GlobalId { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? Relationship { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [ValidateAbsoluteUrl]
        public string? IconUrl { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? IconTitle { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? ApplicationType { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? ApplicationName { get; set; }

        /// <summary>-Resolved marks the link resolved; -Resolved:$false marks it open again.</summary>
        [Parameter]
        public SwitchParameter Resolved { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [ValidateAbsoluteUrl]
        public string? StatusIconUrl { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? StatusIconTitle { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [ValidateAbsoluteUrl]
        public string? StatusIconLink { get; set; }

        // New-RemoteIssueLink's Tracker fields are accepted too, so a script written for either service binds and
        // gets the service's own answer: Jira refuses them as Tracker's, Tracker cannot update a link at all.
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Key { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Origin { get; set; }

        [Parameter]
        public SwitchParameter Backlink { get; set; }

        /// <summary>Write the updated link to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var issue = Issue.Trim();
            var id = Id;
            var changes = RemoteLinkParameters.From(MyInvocation.BoundParameters);
            var fields = RemoteLinkParameters.Describe(changes);
            if (fields.Length == 0)
            {
                WriteWarning("Set-RemoteIssueLink: no field to change was given for remote link " + id + " on " + issue + ".");
                return;
            }

            if (!ShouldProcess("remote link " + id + " on " + issue, "Update " + fields))
            {
                return;
            }

            var passThru = PassThru.IsPresent;
            Run(issue, async (backend, context) =>
            {
                var updated = await backend.UpdateRemoteLinkAsync(issue, id, changes, context).ConfigureAwait(false);
                return passThru ? new object[] { updated } : System.Array.Empty<object>();
            });
        }
    }
}
