using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Verbose and debug lines of one item's calls, collected on whatever thread the calls ran and written later
    /// from the pipeline thread (PowerShell forbids Write* from other threads).
    /// </summary>
    internal sealed class ItemLog
    {
        private readonly ConcurrentQueue<(bool Debug, string Text)> _lines = new ConcurrentQueue<(bool, string)>();

        /// <summary>A context whose lines for a stream nobody will see are dropped at once instead of queued and written.</summary>
        public CallContext ContextFor(LogStreams streams, RetryProgress retries, CancellationToken cancellation) =>
            new CallContext(
                cancellation,
                streams.Verbose ? text => _lines.Enqueue((false, text)) : (Action<string>?)null,
                streams.Debug ? text => _lines.Enqueue((true, text)) : (Action<string>?)null,
                retries.Report);

        public void WriteTo(Cmdlet cmdlet)
        {
            while (_lines.TryDequeue(out var line))
            {
                if (line.Debug)
                {
                    cmdlet.WriteDebug(line.Text);
                }
                else
                {
                    cmdlet.WriteVerbose(line.Text);
                }
            }
        }
    }
}
