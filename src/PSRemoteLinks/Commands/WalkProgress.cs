using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// The progress bar of a link walk: issues visited and issues queued (the total is not known until the walk ends,
    /// so there is no percentage). Written at most every <see cref="Interval"/>, plus the final count; nothing for a walk
    /// that ends with its only issue.
    /// </summary>
    internal sealed class WalkProgress
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
        private static int _lastActivityId;

        private readonly PSCmdlet _cmdlet;
        private readonly int _activityId = (Interlocked.Increment(ref _lastActivityId) & 0xFFFF) + 0x10000;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastWritten;
        private bool _shown;
        private int _visited;
        private int _queued;
        private string? _current;

        public WalkProgress(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        public void Visited(string issue, int queued)
        {
            _visited++;
            _queued = queued;
            _current = issue;
            if (_visited == 1 && queued == 0)
            {
                // A walk of one issue, like a single item, needs no bar.
                return;
            }

            if (!_shown || _clock.Elapsed - _lastWritten >= Interval)
            {
                Write(ProgressRecordType.Processing);
            }
        }

        /// <summary>Shows the final count, then removes the bar.</summary>
        public void Complete()
        {
            if (!_shown)
            {
                return;
            }

            Write(ProgressRecordType.Processing);
            Write(ProgressRecordType.Completed);
        }

        private void Write(ProgressRecordType type)
        {
            var status = string.Format(CultureInfo.InvariantCulture, "visited {0}, queued {1}", _visited, _queued);
            var record = new ProgressRecord(_activityId, _cmdlet.MyInvocation.MyCommand.Name, status) { RecordType = type };
            if (_current != null)
            {
                record.CurrentOperation = _current;
            }

            _cmdlet.WriteProgress(record);
            _shown = true;
            _lastWritten = _clock.Elapsed;
        }
    }
}
