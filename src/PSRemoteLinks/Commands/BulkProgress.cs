using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// The progress bar of multi-item work: items done (of the total when it is known), the rate, and the time left.
    /// Quiet for a single item. Records are written at most every <see cref="Interval"/>, plus one for the final
    /// count: a record per item would cost more than the work on a fast server (Windows PowerShell draws each one).
    /// </summary>
    internal sealed class BulkProgress
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
        private static int _lastActivityId;

        private readonly PSCmdlet _cmdlet;
        private readonly int _activityId = Interlocked.Increment(ref _lastActivityId) & int.MaxValue;
        private readonly Stopwatch _clock = new Stopwatch();
        private TimeSpan _lastWritten;
        private int _started;
        private int _finished;
        private int _finishedWhenWritten = -1;
        private object? _lastTarget;

        public BulkProgress(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>Known total when the items came as an array argument rather than through the pipeline.</summary>
        public int? ExpectedTotal { get; set; }

        private bool IsShown => _finishedWhenWritten >= 0;

        private bool IsMultiItem => _started > 1 || (ExpectedTotal ?? 0) > 1;

        private string Activity => _cmdlet.MyInvocation.MyCommand.Name;

        public void ItemStarted()
        {
            if (!_clock.IsRunning)
            {
                _clock.Start();
            }

            _started++;
        }

        public void ItemFinished(object target)
        {
            _finished++;
            _lastTarget = target;
            if (IsMultiItem && (!IsShown || _clock.Elapsed - _lastWritten >= Interval || _finished == ExpectedTotal))
            {
                Write();
            }
        }

        /// <summary>Shows the final count (if the throttle held it back), then removes the bar.</summary>
        public void Complete()
        {
            if (!IsShown)
            {
                return;
            }

            if (_finishedWhenWritten != _finished)
            {
                Write();
            }

            _cmdlet.WriteProgress(new ProgressRecord(_activityId, Activity, Status()) { RecordType = ProgressRecordType.Completed });
        }

        private void Write()
        {
            var record = new ProgressRecord(_activityId, Activity, Status());
            if (_lastTarget != null)
            {
                record.CurrentOperation = _lastTarget.ToString();
            }

            var seconds = _clock.Elapsed.TotalSeconds;
            if (ExpectedTotal is int total && total > 0)
            {
                record.PercentComplete = Math.Min(100, (int)((long)_finished * 100 / total));
                if (_finished > 0 && seconds > 0)
                {
                    record.SecondsRemaining = (int)Math.Ceiling(Math.Max(0, total - _finished) * seconds / _finished);
                }
            }

            _cmdlet.WriteProgress(record);
            _lastWritten = _clock.Elapsed;
            _finishedWhenWritten = _finished;
        }

        private string Status()
        {
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            var rate = (_finished / seconds).ToString("0.#", CultureInfo.InvariantCulture);
            return ExpectedTotal is int total && total > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} of {1} done ({2}/s)", _finished, total, rate)
                : string.Format(CultureInfo.InvariantCulture, "{0} done ({1}/s)", _finished, rate);
        }
    }
}
