using System.Linq;
using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>Lists the open connections of this session; the default one has IsDefault set.</summary>
    [Cmdlet(VerbsCommon.Get, "IssueTrackerConnection")]
    [OutputType(typeof(IssueTrackerConnection))]
    public sealed class GetIssueTrackerConnectionCommand : ModuleCmdlet
    {
        /// <summary>Names to list; wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var all = Connections.All;
            if (Name == null)
            {
                WriteObject(all, enumerateCollection: true);
                return;
            }

            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = all.Where(c => pattern.IsMatch(c.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(ErrorRecords.Failure(Http.ApiErrorKind.NotFound, "ConnectionNotFound",
                        "There is no connection named '" + name + "'. Get-IssueTrackerConnection lists the open ones.", name));
                }

                WriteObject(matches, enumerateCollection: true);
            }
        }
    }
}
