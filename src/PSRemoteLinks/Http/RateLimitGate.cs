using System;
using System.Threading;
using System.Threading.Tasks;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// A connection-wide pause: when the service answers 429 to one request, every request on the connection
    /// waits until the service's window reopens, instead of each in-flight request hammering it on its own.
    /// </summary>
    internal sealed class RateLimitGate
    {
        private long _resumeAtTicks;

        public void PauseUntil(DateTimeOffset resumeAt)
        {
            var ticks = resumeAt.UtcTicks;
            long current;
            do
            {
                current = Interlocked.Read(ref _resumeAtTicks);
                if (current >= ticks)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _resumeAtTicks, ticks, current) != current);
        }

        public TimeSpan RemainingPause(DateTimeOffset now)
        {
            var remaining = Interlocked.Read(ref _resumeAtTicks) - now.UtcTicks;
            return remaining > 0 ? TimeSpan.FromTicks(remaining) : TimeSpan.Zero;
        }

        public async Task WaitAsync(CancellationToken cancellation)
        {
            var remaining = RemainingPause(DateTimeOffset.UtcNow);
            while (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, cancellation).ConfigureAwait(false);
                remaining = RemainingPause(DateTimeOffset.UtcNow);
            }
        }
    }
}
