using System;
using System.Threading;
using System.Threading.Tasks;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// A value read once per connection and shared by every caller (Jira's link types, Tracker's applications).
    /// The read runs with the connection's own cancellation, not the caller's that happened to start it: one
    /// caller's Ctrl+C (or a completer's time limit) ends only that caller's wait, never the others'. A failed
    /// read is not kept; the next caller reads again.
    /// </summary>
    internal sealed class SharedLookup<T>
    {
        private readonly object _lock = new object();
        private readonly Func<CallContext, Task<T>> _fetch;
        private readonly CancellationToken _lifetime;
        private Task<T>? _value;

        public SharedLookup(Func<CallContext, Task<T>> fetch, CancellationToken lifetime)
        {
            _fetch = fetch;
            _lifetime = lifetime;
        }

        /// <summary>The shared value; <paramref name="refresh"/> reads it again (a later caller then shares the new read).</summary>
        public Task<T> GetAsync(CallContext context, bool refresh = false)
        {
            Task<T> shared;
            lock (_lock)
            {
                if (refresh || _value == null || _value.IsFaulted || _value.IsCanceled)
                {
                    // The starter's log lines and retry waits are still shown to it; only its cancellation is left out.
                    _value = _fetch(context.WithCancellation(_lifetime));
                }

                shared = _value;
            }

            return WaitAsync(shared, context.Cancellation);
        }

        private static async Task<T> WaitAsync(Task<T> shared, CancellationToken cancellation)
        {
            if (!cancellation.CanBeCanceled || shared.IsCompleted)
            {
                return await shared.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellation.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(shared, cancelled.Task).ConfigureAwait(false) != shared)
                {
                    cancellation.ThrowIfCancellationRequested();
                }
            }

            return await shared.ConfigureAwait(false);
        }
    }
}
