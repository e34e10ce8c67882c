using System.Management.Automation;

namespace PSRemoteLinks.Commands
{
    /// <summary>Lists the kinds of issue link the connection's service offers, with their phrases.</summary>
    [Cmdlet(VerbsCommon.Get, "IssueLinkType")]
    [OutputType(typeof(IssueLinkType))]
    public sealed class GetIssueLinkTypeCommand : LinkCmdletBase
    {
        protected override void ProcessRecord() =>
            Run("link types", (backend, context) => backend.GetIssueLinkTypesAsync(context));
    }
}
