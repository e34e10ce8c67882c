using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Connections;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Shared by the completers that ask the connection for values: finds the connection the command line names
    /// (or the default), asks with a short time limit, and never lets a failure reach the prompt.
    /// </summary>
    internal static class CompletionSource
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);
        private static readonly char[] SpecialCharacters = { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '@', '#' };

        public static IEnumerable<CompletionResult> Complete(
            string wordToComplete, IDictionary fakeBoundParameters, Func<ILinkBackend, CallContext, Task<IReadOnlyList<string>>> values)
        {
            var connection = NamesConnection(fakeBoundParameters) ? ConnectionFrom(fakeBoundParameters) : ConnectionStore.Current.Default;
            if (connection == null || connection.IsDisposed)
            {
                return Array.Empty<CompletionResult>();
            }

            IReadOnlyList<string> candidates;
            try
            {
                using var timeout = new CancellationTokenSource(Limit);
                candidates = values(connection.Backend, new CallContext(timeout.Token)).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is ApiException || ex is OperationCanceledException)
            {
                return Array.Empty<CompletionResult>();
            }

            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return candidates
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, v))
                .ToList();
        }

        private static bool NamesConnection(IDictionary? bound) => bound != null && bound.Contains("Connection");

        /// <summary>
        /// The connection -Connection names on the command line: an object (a variable's value) or a name. One that
        /// cannot be found gives no connection rather than the default, whose values could belong to another service.
        /// </summary>
        private static IssueTrackerConnection? ConnectionFrom(IDictionary bound)
        {
            var value = bound["Connection"];
            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            return value is string name ? ConnectionStore.Current.Find(name.Trim('\'', '"', ' ')) : value as IssueTrackerConnection;
        }

        /// <summary>Quotes a value that the PowerShell parser would otherwise split or interpret.</summary>
        internal static string Quote(string value) =>
            value.IndexOfAny(SpecialCharacters) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;
    }
}
