using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Completes a remote link's -Relationship with the values the connection's service accepts (Tracker's nine);
    /// where any text goes (Jira) it offers nothing, and never file names.
    /// </summary>
    public sealed class RemoteRelationshipCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionSource.Complete(wordToComplete, fakeBoundParameters, (backend, context) => backend.GetRemoteLinkRelationshipsAsync(context));
    }
}
