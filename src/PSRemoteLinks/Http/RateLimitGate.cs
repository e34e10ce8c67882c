using System;
using System.Threading;
using System.Threading.Tasks;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// A connection-wide brake for 429 answers. Every attempt on the connection passes through it:
    /// <list type="bullet">
    /// <item>after a 429, every request on the connection (not just the one refused) waits out the pause the service
    /// asked for, instead of each in-flight request hammering it on its own;</item>
    /// <item>when the pause is over, one request goes first as a probe; the others follow only once the service
    /// has answered the probe with something other than 429. A long rate-limit window therefore costs one
    /// refused request per pause, not one per request in flight.</item>
    /// </list>
    /// </summary>
    internal sealed class RateLimitGate
    {
        private readonly object _lock = new object();
        private readonly Func<DateTimeOffset> _now;
        private DateTimeOffset _resumeAt = DateTimeOffset.MinValue;
        private bool _limited;
        private bool _probeOut;
        private int _generation;
        private TaskCompletionSource<bool> _changed = NewSignal();

        public RateLimitGate()
            : this(() => DateTimeOffset.UtcNow)
        {
        }

        /// <summary>For tests: a clock to read instead of the system's.</summary>
        internal RateLimitGate(Func<DateTimeOffset> now) => _now = now;

        /// <summary>True from a 429 until an attempt that started after it gets another answer.</summary>
        public bool IsLimited
        {
            get
            {
                lock (_lock)
                {
                    return _limited;
                }
            }
        }

        public TimeSpan RemainingPause
        {
            get
            {
                lock (_lock)
                {
                    return Remaining(_now());
                }
            }
        }

        /// <summary>
        /// Waits until this attempt may be sent: the pause is over and, while the connection is rate limited,
        /// no other probe is out. Dispose the pass when the attempt is over; call <see cref="Pass.Answered"/> first
        /// when the service answered.
        /// </summary>
        public async Task<Pass> EnterAsync(CancellationToken cancellation)
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                TimeSpan pause;
                Task changed;
                lock (_lock)
                {
                    pause = Remaining(_now());
                    if (pause <= TimeSpan.Zero)
                    {
                        if (!_limited)
                        {
                            return new Pass(this, _generation, isProbe: false);
                        }

                        if (!_probeOut)
                        {
                            _probeOut = true;
                            return new Pass(this, _generation, isProbe: true);
                        }
                    }

                    changed = _changed.Task;
                }

                if (pause > TimeSpan.Zero)
                {
                    // Woken early when a probe succeeds meanwhile; otherwise the loop re-reads a pause that may have grown.
                    await Task.WhenAny(Task.Delay(pause, cancellation), changed).ConfigureAwait(false);
                }
                else
                {
                    await WhenSignalled(changed, cancellation).ConfigureAwait(false);
                }
            }
        }

        private void Complete(Pass pass, bool answered, TimeSpan? rateLimitedFor)
        {
            TaskCompletionSource<bool>? wake = null;
            lock (_lock)
            {
                var wasLimited = _limited;
                if (pass.IsProbe)
                {
                    _probeOut = false;
                }

                if (rateLimitedFor is TimeSpan wait)
                {
                    var until = _now() + (wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
                    if (until > _resumeAt)
                    {
                        _resumeAt = until;
                    }

                    _limited = true;
                    _generation++;
                }
                else if (answered && pass.Generation == _generation)
                {
                    // Only an attempt sent after the last 429 shows that the window has reopened.
                    _limited = false;
                }

                // Waiters need waking only when they may now go: a probe slot came free, or the window reopened.
                if (pass.IsProbe || (wasLimited && !_limited))
                {
                    wake = _changed;
                    _changed = NewSignal();
                }
            }

            wake?.TrySetResult(true);
        }

        private TimeSpan Remaining(DateTimeOffset now) => _resumeAt > now ? _resumeAt - now : TimeSpan.Zero;

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static async Task WhenSignalled(Task signal, CancellationToken cancellation)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellation.Register(() => cancelled.TrySetResult(true)))
            {
                await Task.WhenAny(signal, cancelled.Task).ConfigureAwait(false);
            }

            cancellation.ThrowIfCancellationRequested();
        }

        /// <summary>One attempt's permission to go; disposing it without an answer (cancelled, failed) changes nothing but frees the probe slot.</summary>
        internal sealed class Pass : IDisposable
        {
            private readonly RateLimitGate _gate;
            private int _done;

            internal Pass(RateLimitGate gate, int generation, bool isProbe)
            {
                _gate = gate;
                Generation = generation;
                IsProbe = isProbe;
            }

            internal int Generation { get; }

            /// <summary>True when this attempt is the one testing whether the service accepts requests again.</summary>
            public bool IsProbe { get; }

            /// <summary>
            /// The service answered: <paramref name="rateLimitedFor"/> is the pause it asked for when the answer was 429
            /// (zero when every other request should still go one at a time but need not wait), null otherwise.
            /// </summary>
            public void Answered(TimeSpan? rateLimitedFor)
            {
                if (Interlocked.Exchange(ref _done, 1) == 0)
                {
                    _gate.Complete(this, answered: true, rateLimitedFor);
                }
            }

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _done, 1) == 0)
                {
                    _gate.Complete(this, answered: false, rateLimitedFor: null);
                }
            }
        }
    }
}
