using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PSRemoteLinks.Commands
{
    /// <summary>Completes -Relationship with the phrases the connection's service accepts.</summary>
    public sealed class RelationshipCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionSource.Complete(wordToComplete, fakeBoundParameters, (backend, context) => backend.GetRelationshipPhrasesAsync(context));
    }
}
