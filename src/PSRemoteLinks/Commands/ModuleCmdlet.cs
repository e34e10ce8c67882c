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

        /// <summary>The progress line of retries waiting, shared by every item of this command.</summary>
        internal RetryProgress Retries { get; } = new RetryProgress();

        internal static ConnectionStore Connections => ConnectionStore.Current;

        /// <summary>The connection given, else the default; a terminating error when there is none or it was closed.</summary>
        internal IssueTrackerConnection UsableConnection(IssueTrackerConnection? given)
        {
            var connection = given ?? Connections.Default;
            if (connection == null)
            {
                StopWith(ErrorRecords.NoConnection());
            }

            if (connection!.IsDisposed)
            {
                StopWith(ErrorRecords.ClosedConnection(connection));
            }

            return connection;
        }

        /// <summary>Ends the command with a terminating error; a cmdlet with work under way writes it out first.</summary>
        private protected virtual void StopWith(ErrorRecord error) => ThrowTerminatingError(error);

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
            var context = log.ContextFor(LogStreams.For(this), Retries, Cancellation);
            try
            {
                var task = call(context);
                WaitForAny(new Task[] { task });
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                log.WriteTo(this);
                Retries.Complete(this);
            }
        }

        /// <summary>
        /// Blocks until one of <paramref name="tasks"/> ends, writing the progress line of any retry that starts
        /// waiting meanwhile. Ctrl+C ends the wait with an <see cref="OperationCanceledException"/>.
        /// </summary>
        internal int WaitForAny(Task[] tasks)
        {
            var waitFor = new Task[tasks.Length + 1];
            Array.Copy(tasks, waitFor, tasks.Length);
            while (true)
            {
                waitFor[tasks.Length] = Retries.Signal;
                var index = Task.WaitAny(waitFor, Cancellation);
                Retries.WriteTo(this);
                if (index < tasks.Length)
                {
                    return index;
                }
            }
        }
    }
}
