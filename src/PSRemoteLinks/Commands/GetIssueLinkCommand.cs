using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>Gets the links between an issue and other issues, each read from that issue's side.</summary>
    [Cmdlet(VerbsCommon.Get, "IssueLink")]
    [OutputType(typeof(IssueLink))]
    public sealed class GetIssueLinkCommand : LinkCmdletBase
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateIssueKey]
        public string[] Issue { get; set; } = System.Array.Empty<string>();

        protected override void ProcessRecord()
        {
            if (!MyInvocation.ExpectingInput)
            {
                ExpectTotal(Issue.Length);
            }

            foreach (var issue in Each(Issue))
            {
                var key = issue.Trim();
                Run(key, (backend, context) => backend.GetIssueLinksAsync(key, context));
            }
        }
    }
}
