using System.Linq;
using System.Management.Automation;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Changes the named fields of a Jira remote link; every other field keeps its stored value.
    /// An empty string or $null clears an optional field. A field given as a script block is evaluated for each
    /// piped link. Yandex Tracker cannot update external links.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "RemoteIssueLink", SupportsShouldProcess = true)]
    [OutputType(typeof(RemoteIssueLink))]
    public sealed class SetRemoteIssueLinkCommand : PipedLinkCmdletBase
    {
        private static readonly RemoteLinkField[] UrlFields =
        {
            RemoteLinkField.Url, RemoteLinkField.IconUrl, RemoteLinkField.StatusIconUrl, RemoteLinkField.StatusIconLink,
        };

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [TrimIssueKey]
        [ValidateIssueKey]
        public string Issue { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        // Every field takes pipeline input by property name only so that PowerShell evaluates a script block given for
        // it per piped link (delay-bind: -Title { $_.Title + '!' }). A value PowerShell binds from the piped link's own
        // property is never used (see PipedLinkCmdletBase.Named): it could silently undo a change made since the read.
        // Values are checked per link in ProcessRecord rather than by validation attributes, so an error comes in
        // the link's place and a stored value a piped link carries cannot fail binding.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? Url { get; set; }

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

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? GlobalId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? Relationship { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
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

        /// <summary>-Resolved marks the link resolved; -Resolved:$false marks it open again.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter Resolved { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
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
        [RefuseScriptBlock]
        public string? StatusIconLink { get; set; }

        // New-RemoteIssueLink's Tracker fields are accepted too, so a script written for either service binds and
        // gets the service's own answer: Jira refuses them as Tracker's, Tracker cannot update a link at all.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? Key { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [RefuseScriptBlock]
        public string? Origin { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter Backlink { get; set; }

        /// <summary>Write the updated link to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>A bad URL typed on the command line is one error before anything is read, not one per piped link.</summary>
        protected override void BeginProcessing()
        {
            var typed = MyInvocation.BoundParameters;
            foreach (var field in UrlFields)
            {
                if (typed.TryGetValue(field.ToString(), out var value) && ValidateAbsoluteUrlAttribute.Problem(value, requireHttp: false) is string problem)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new ParameterBindingException("Cannot validate argument on parameter '" + field + "'. " + problem),
                        "ParameterArgumentValidationError", ErrorCategory.InvalidData, value));
                }
            }
        }

        protected override void ProcessRecord()
        {
            var issue = Issue;
            var id = Id;
            if (RefusedAsWrongKind<IssueLink>("an issue link", "Remote links to change come from Get-RemoteIssueLink."))
            {
                return;
            }

            var changes = RemoteLinkParameters.Named(MyInvocation.BoundParameters, Named);
            var target = "remote link " + id + " on " + issue;
            if (!changes.Fields.Any())
            {
                WriteWarning("Set-RemoteIssueLink: no field to change was given for " + target + ".");
                return;
            }

            // A script block's result is checked here, per link, so its error comes in that link's place.
            foreach (var field in changes.Among(UrlFields))
            {
                if (ValidateAbsoluteUrlAttribute.Problem(changes.Text(field), requireHttp: false) is string problem)
                {
                    Refuse(issue, ApiException.InvalidInput("-" + field + " for " + target + ": " + problem + " The link was not changed."));
                    return;
                }
            }

            if (!ShouldProcess(target, "Update " + RemoteLinkChangeText.Describe(changes, name => OldValue(name, issue, id))))
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

        /// <summary>A field's value as the piped link showed it, when the piped object is the very link being changed.</summary>
        private (bool Known, object? Value) OldValue(string field, string issue, long id)
        {
            var pipedIssue = PipedValue(nameof(Issue), out var hasIssue) as string;
            var pipedId = PipedValue(nameof(Id), out var hasId);
            if (!hasIssue || !hasId || !string.Equals(pipedIssue?.Trim(), issue, System.StringComparison.OrdinalIgnoreCase)
                || !LanguagePrimitives.Equals(pipedId, id))
            {
                return (false, null);
            }

            var value = PipedValue(field, out var known);
            return (known, value);
        }
    }
}
