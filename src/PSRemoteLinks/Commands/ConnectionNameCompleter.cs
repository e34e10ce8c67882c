using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSRemoteLinks.Connections;

namespace PSRemoteLinks.Commands
{
    /// <summary>Completes the names of this session's open connections.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ConnectionStore.Current.All
                .Where(c => c.Name.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(CompletionSource.Quote(c.Name), c.Name, CompletionResultType.ParameterValue, c.ToString()));
        }
    }
}
