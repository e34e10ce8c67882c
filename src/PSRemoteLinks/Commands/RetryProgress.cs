using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// The progress line shown while a retry waits ("Waiting 2 s to retry GET ... : the connection failed ..."), so a
    /// wait is never silence. Waits are reported from whatever thread the request runs on; the pipeline thread,
    /// woken by <see cref="Signal"/>, writes them (PowerShell forbids Write* from other threads).
    /// </summary>
    internal sealed class RetryProgress
    {
        private static int _lastActivityId = 1 << 20;

        private readonly ConcurrentQueue<RetryWait> _waits = new ConcurrentQueue<RetryWait>();
        private readonly int _activityId = Interlocked.Increment(ref _lastActivityId) & int.MaxValue;
        private readonly object _lock = new object();
        private TaskCompletionSource<bool> _signal = NewSignal();
        private bool _shown;

        /// <summary>Completes when a wait has been reported since the pipeline thread last took the signal.</summary>
        public Task Signal
        {
            get
            {
                lock (_lock)
                {
                    return _signal.Task;
                }
            }
        }

        public void Report(RetryWait wait)
        {
            _waits.Enqueue(wait);
            TaskCompletionSource<bool> fired;
            lock (_lock)
            {
                fired = _signal;
                _signal = NewSignal();
            }

            fired.TrySetResult(true);
        }

        /// <summary>Writes the waits reported so far (pipeline thread only).</summary>
        public void WriteTo(Cmdlet cmdlet)
        {
            while (_waits.TryDequeue(out var wait))
            {
                cmdlet.WriteProgress(new ProgressRecord(_activityId, "Waiting to retry", wait.ToString())
                {
                    SecondsRemaining = (int)System.Math.Ceiling(wait.Wait.TotalSeconds),
                    CurrentOperation = wait.Method + " " + wait.Path,
                });
                _shown = true;
            }
        }

        /// <summary>Removes the line once the work it was about is over (pipeline thread only).</summary>
        public void Complete(Cmdlet cmdlet)
        {
            WriteTo(cmdlet);
            if (_shown)
            {
                cmdlet.WriteProgress(new ProgressRecord(_activityId, "Waiting to retry", "Done.") { RecordType = ProgressRecordType.Completed });
                _shown = false;
            }
        }

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
