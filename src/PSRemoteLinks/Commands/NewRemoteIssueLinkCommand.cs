using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Adds a remote link to an issue and emits it as stored. On Jira (-Url, -Title ...), with -GlobalId, it creates
    /// or updates (running it twice leaves one link). On Yandex Tracker (-Key, -Origin) it links an object of a
    /// registered application.
    /// </summary>
    /// <remarks>
    /// There are deliberately no Jira/Tracker parameter sets: a piped link has every property, null where its service
    /// has none, and PowerShell fails a record whose null property meets a mandatory or not-null parameter of the
    /// set it tries first. So Get-RemoteIssueLink | New-RemoteIssueLink could copy Jira links but not Tracker ones.
    /// Which fields are required is the connection's backend's call, made before any request.
    /// </remarks>
    [Cmdlet(VerbsCommon.New, "RemoteIssueLink", SupportsShouldProcess = true)]
    [OutputType(typeof(RemoteIssueLink))]
    public sealed class NewRemoteIssueLinkCommand : PipedLinkCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [TrimIssueKey]
        [ValidateIssueKey]
        public string Issue { get; set; } = string.Empty;

        /// <summary>Jira (required there): the link's target.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ValidateAbsoluteUrl]
        [RefuseScriptBlock]
        public string? Url { get; set; }

        /// <summary>Jira (required there): the text shown for the link.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? Title { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? Summary { get; set; }

        /// <summary>Jira: identifies the link for upserts (at most 255 characters).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ValidateGlobalId]
        [RefuseScriptBlock]
        public string? GlobalId { get; set; }

        /// <summary>Jira: any text ("mentioned in"); Tracker: one of its nine relationship values (default relates).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        [ArgumentCompleter(typeof(RemoteRelationshipCompleter))]
        public string? Relationship { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ValidateAbsoluteUrl]
        [RefuseScriptBlock]
        public string? IconUrl { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? IconTitle { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? ApplicationType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? ApplicationName { get; set; }

        /// <summary>Jira: show the link as resolved (struck through).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter Resolved { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ValidateAbsoluteUrl]
        [RefuseScriptBlock]
        public string? StatusIconUrl { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? StatusIconTitle { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ValidateAbsoluteUrl]
        [RefuseScriptBlock]
        public string? StatusIconLink { get; set; }

        /// <summary>Tracker (required there): the object's key in the external application.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? Key { get; set; }

        /// <summary>Tracker (required there): the application id (see GET /v2/applications).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(OriginCompleter))]
        [RefuseScriptBlock]
        public string? Origin { get; set; }

        /// <summary>Tracker: ask the application to link back to the issue (sent as ?backlink=true|false).</summary>
        [Parameter]
        public SwitchParameter Backlink { get; set; }

        protected override void ProcessRecord()
        {
            var issue = Issue;
            if (RefusedAsWrongKind<IssueLink>("an issue link", "Remote links to copy come from Get-RemoteIssueLink."))
            {
                return;
            }

            var values = RemoteLinkParameters.From(MyInvocation.BoundParameters, Named);
            var what = Title ?? Key ?? Url;
            if (!ShouldProcess(issue, "Add remote link '" + what + "'"))
            {
                return;
            }

            Run(issue, async (backend, context) => TrackerLinkView.Tag(await backend.NewRemoteLinkAsync(issue, values, context).ConfigureAwait(false)));
        }
    }
}
