using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Keeps up to N items' requests in flight while writing every result, error and log line from the pipeline
    /// thread in input order. With N = 1 each item completes before the next starts.
    /// </summary>
    internal sealed class InOrderRunner
    {
        private readonly ModuleCmdlet _cmdlet;
        private readonly int _limit;
        private readonly Queue<Item> _inFlight = new Queue<Item>();
        private readonly Stopwatch _clock = new Stopwatch();
        private readonly int _activityId;
        private int _started;
        private int _finished;
        private bool _progressShown;

        public InOrderRunner(ModuleCmdlet cmdlet, int limit)
        {
            _cmdlet = cmdlet;
            _limit = Math.Max(1, limit);
            _activityId = Math.Abs(cmdlet.GetType().Name.GetHashCode() % 10000) + 1;
        }

        /// <summary>Known total when the items came as an array argument rather than through the pipeline.</summary>
        public int? ExpectedTotal { get; set; }

        public void Start(object target, Func<CallContext, Task<IEnumerable>> work)
        {
            if (!_clock.IsRunning)
            {
                _clock.Start();
            }

            var log = new ItemLog();
            var context = log.ContextFor(_cmdlet.Cancellation);
            Task<IEnumerable> task;
            try
            {
                task = work(context);
            }
            catch (Exception ex)
            {
                task = Task.FromException<IEnumerable>(ex);
            }

            _inFlight.Enqueue(new Item(target, task, log));
            _started++;
            while (_inFlight.Count >= _limit)
            {
                FinishOldest();
            }

            // Results that are already there are written at once, so output streams while work goes on.
            while (_inFlight.Count > 0 && _inFlight.Peek().Task.IsCompleted)
            {
                FinishOldest();
            }
        }

        public void FinishAll()
        {
            while (_inFlight.Count > 0)
            {
                FinishOldest();
            }

            if (_progressShown)
            {
                _cmdlet.WriteProgress(new ProgressRecord(_activityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private string Activity => _cmdlet.MyInvocation.MyCommand.Name;

        private void FinishOldest()
        {
            var item = _inFlight.Dequeue();
            IEnumerable? results = null;
            Exception? failure = null;
            try
            {
                results = item.Task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cmdlet.Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            item.Log.WriteTo(_cmdlet);
            if (failure != null)
            {
                _cmdlet.WriteError(ErrorRecords.From(failure, item.Target));
            }
            else if (results != null)
            {
                foreach (var result in results)
                {
                    _cmdlet.WriteObject(result);
                }
            }

            _finished++;
            ReportProgress();
        }

        private void ReportProgress()
        {
            // A single item needs no progress bar.
            var multi = _started > 1 || (ExpectedTotal ?? 0) > 1;
            if (!multi)
            {
                return;
            }

            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            var rate = (_finished / seconds).ToString("0.#", CultureInfo.InvariantCulture);
            var status = ExpectedTotal is int total && total > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} of {1} done ({2}/s)", _finished, total, rate)
                : string.Format(CultureInfo.InvariantCulture, "{0} done ({1}/s)", _finished, rate);
            var record = new ProgressRecord(_activityId, Activity, status);
            if (ExpectedTotal is int known && known > 0)
            {
                record.PercentComplete = Math.Min(100, _finished * 100 / known);
            }

            _cmdlet.WriteProgress(record);
            _progressShown = true;
        }

        private sealed class Item
        {
            public Item(object target, Task<IEnumerable> task, ItemLog log)
            {
                Target = target;
                Task = task;
                Log = log;
            }

            public object Target { get; }

            public Task<IEnumerable> Task { get; }

            public ItemLog Log { get; }
        }
    }
}
