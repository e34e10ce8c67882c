using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Keeps up to N items' work running at once while writing every result, error and log line from the pipeline
    /// thread, in input order. With N = 1 each item is written before the next starts.
    /// </summary>
    /// <remarks>
    /// A finished item waits for the items before it to be written, but its slot is given to the next input at
    /// once: one slow item does not hold the others up, as long as no more than <see cref="_window"/> items are
    /// waiting to be written (which bounds the memory held for output not yet written).
    /// </remarks>
    internal sealed class InOrderRunner
    {
        /// <summary>How long Ctrl+C waits for cancelled work to unwind before giving the prompt back anyway.</summary>
        private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

        private readonly ModuleCmdlet _cmdlet;
        private readonly int _limit;
        private readonly int _window;
        private readonly Queue<Item> _pending = new Queue<Item>();
        private readonly BulkProgress _progress;
        private readonly LogStreams _streams;

        public InOrderRunner(ModuleCmdlet cmdlet, int limit)
        {
            _cmdlet = cmdlet;
            _streams = LogStreams.For(cmdlet);
            _limit = Math.Max(1, limit);
            _window = _limit == 1 ? 1 : Math.Max(2 * _limit, _limit + 8);
            _progress = new BulkProgress(cmdlet);
        }

        /// <summary>Known total when the items came as an array argument rather than through the pipeline.</summary>
        public int? ExpectedTotal
        {
            get => _progress.ExpectedTotal;
            set => _progress.ExpectedTotal = value;
        }

        /// <summary>Starts one item's work and returns once there is room for the next (writing what is ready meanwhile).</summary>
        public void Start(object target, Func<CallContext, Task<IEnumerable>> work)
        {
            var log = new ItemLog();
            var context = log.ContextFor(_streams, _cmdlet.Retries, _cmdlet.Cancellation);
            Task<IEnumerable> task;
            try
            {
                task = work(context);
            }
            catch (Exception ex)
            {
                task = Task.FromException<IEnumerable>(ex);
            }

            _pending.Enqueue(new Item(target, task, log));
            _progress.ItemStarted();
            WriteFinishedPrefix();
            while (_pending.Count >= _window || RunningCount() >= _limit)
            {
                WaitForAnyRunning();
                WriteFinishedPrefix();
            }
        }

        /// <summary>Waits for every started item and writes it (before a prompt, and at the end).</summary>
        public void WriteAll()
        {
            while (_pending.Count > 0)
            {
                WriteOldest();
            }
        }

        /// <summary>Writes everything still pending and closes the progress bar.</summary>
        public void FinishAll()
        {
            WriteAll();
            _cmdlet.Retries.Complete(_cmdlet);
            _progress.Complete();
        }

        private int RunningCount()
        {
            var running = 0;
            foreach (var item in _pending)
            {
                if (!item.Task.IsCompleted)
                {
                    running++;
                }
            }

            return running;
        }

        private void WriteFinishedPrefix()
        {
            while (_pending.Count > 0 && _pending.Peek().Task.IsCompleted)
            {
                WriteOldest();
            }
        }

        private void WaitForAnyRunning()
        {
            var running = new List<Task>(_pending.Count);
            foreach (var item in _pending)
            {
                if (!item.Task.IsCompleted)
                {
                    running.Add(item.Task);
                }
            }

            if (running.Count == 0)
            {
                return;
            }

            try
            {
                // Only the oldest frees output once the window is full; otherwise any finished item frees a slot.
                _cmdlet.WaitForAny(_pending.Count >= _window ? new[] { _pending.Peek().Task } : running.ToArray());
            }
            catch (OperationCanceledException) when (_cmdlet.Cancellation.IsCancellationRequested)
            {
                throw Stopped();
            }
            catch (AggregateException)
            {
                // The oldest item failed: its error is written in turn by WriteOldest.
            }
        }

        private void WriteOldest()
        {
            var item = _pending.Peek();
            IEnumerable? results = null;
            Exception? failure = null;
            try
            {
                if (!item.Task.IsCompleted)
                {
                    _cmdlet.WaitForAny(new Task[] { item.Task });
                }

                results = item.Task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cmdlet.Cancellation.IsCancellationRequested)
            {
                throw Stopped();
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            _pending.Dequeue();
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

            _progress.ItemFinished(item.Target);
        }

        /// <summary>
        /// Ctrl+C: every item's requests were cancelled through the shared token; wait (briefly) until they have
        /// unwound, so no request of this command is still running once the prompt is back.
        /// </summary>
        private PipelineStoppedException Stopped()
        {
            var all = new List<Task>(_pending.Count);
            foreach (var item in _pending)
            {
                all.Add(item.Task);
            }

            _pending.Clear();
            try
            {
                Task.WaitAll(all.ToArray(), StopGrace);
            }
            catch (AggregateException)
            {
                // Cancelled or failed: either way it has ended, which is all that matters here.
            }

            return new PipelineStoppedException();
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
