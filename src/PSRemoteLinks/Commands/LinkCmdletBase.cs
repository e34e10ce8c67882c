using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Base of every data cmdlet: -Connection (also taken from piped objects, so a link goes back to the
    /// connection it came from), -ThrottleLimit, and the in-order runner that does the work.
    /// </summary>
    public abstract class LinkCmdletBase : ModuleCmdlet
    {
        private InOrderRunner? _runner;

        /// <summary>The connection to use; by default the last one made.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public IssueTrackerConnection? Connection { get; set; }

        /// <summary>How many requests may be in flight at once for piped or array input (1 = strictly sequential).</summary>
        [Parameter]
        [ValidateRange(1, 128)]
        public int ThrottleLimit { get; set; } = 4;

        private InOrderRunner Runner => _runner ?? (_runner = new InOrderRunner(this, ThrottleLimit));

        protected override void EndProcessing() => _runner?.FinishAll();

        /// <summary>The connection for the current item: -Connection (given or piped), else the default.</summary>
        internal IssueTrackerConnection ResolveConnection()
        {
            var connection = Connection ?? Connections.Default;
            if (connection == null)
            {
                ThrowTerminatingError(ErrorRecords.NoConnection());
            }

            if (connection!.IsDisposed)
            {
                ThrowTerminatingError(ErrorRecords.ClosedConnection(connection));
            }

            return connection;
        }

        internal void ExpectTotal(int total)
        {
            if (total > 1)
            {
                Runner.ExpectedTotal = total;
            }
        }

        /// <summary>Queues one item's work; its results are written when its turn comes.</summary>
        internal void Run<T>(object target, Func<ILinkBackend, CallContext, Task<T>> work)
        {
            var backend = ResolveConnection().Backend;
            Runner.Start(target, async context =>
            {
                var result = await work(backend, context).ConfigureAwait(false);
                return result is IEnumerable many && !(result is string) ? many : new object?[] { result };
            });
        }

        /// <summary>Queues one item's work that has no output.</summary>
        internal void RunSilently(object target, Func<ILinkBackend, CallContext, Task> work)
        {
            var backend = ResolveConnection().Backend;
            Runner.Start(target, async context =>
            {
                await work(backend, context).ConfigureAwait(false);
                return Array.Empty<object>();
            });
        }

        internal bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        internal static IEnumerable<string> Each(string[]? values) => values ?? Array.Empty<string>();
    }
}
