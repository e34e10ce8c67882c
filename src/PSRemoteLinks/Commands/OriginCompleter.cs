using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PSRemoteLinks.Commands
{
    /// <summary>Completes -Origin with the connection's registered applications (Yandex Tracker).</summary>
    public sealed class OriginCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionSource.Complete(wordToComplete, fakeBoundParameters, (backend, context) => backend.GetOriginsAsync(context));
    }
}
