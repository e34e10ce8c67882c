using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.Connections;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// What every PSRemoteLinks cmdlet shares: a cancellation that Ctrl+C (StopProcessing) triggers and that reaches
    /// every request in flight, and blocking on async work only here, at the cmdlet boundary.
    /// </summary>
    public abstract class ModuleCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private bool _disposed;

        internal CancellationToken Cancellation => _stopping.Token;

        internal static ConnectionStore Connections => ConnectionStore.Current;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // The engine disposes a command without stopping it when the pipeline ends early (a terminating error
            // downstream, Select-Object -First): work still in flight is cancelled here rather than left running.
            _stopping.Cancel();
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Runs one call to completion on the pipeline thread, writing its log lines after it.</summary>
        internal T RunNow<T>(Func<CallContext, Task<T>> call)
        {
            var log = new ItemLog();
            var context = log.ContextFor(LogStreams.For(this), Cancellation);
            try
            {
                return call(context).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                log.WriteTo(this);
            }
        }
    }
}
