using System;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// When a failed attempt is tried again, and after how long. One place, so every backend and cmdlet behaves alike:
    /// <list type="bullet">
    /// <item>429 is retried for every method, a plain POST included: the service refused the request, so sending it
    /// again cannot do it twice.</item>
    /// <item>502, 503 and 504, a timeout, and a refused, reset or broken connection are retried only for requests that
    /// are safe to send twice: GET, PUT, DELETE, and a POST the backend marks idempotent (Jira's upsert by globalId).</item>
    /// <item>500 is not retried (a server bug, not a passing state), nor is any other status.</item>
    /// <item>The wait is the server's (<c>Retry-After</c> seconds or date, else <c>X-RateLimit-Reset</c>), jittered
    /// upwards, or else exponential backoff with jitter and a cap. A server asking for more than
    /// <see cref="MaxServerWait"/> is reported, not waited for.</item>
    /// <item>At most <see cref="MaximumRetryCount"/> retries (-MaximumRetryCount; 0 disables retrying).</item>
    /// </list>
    /// So a call takes at most (retries + 1) × -TimeoutSec plus the waits between attempts, each bounded.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private readonly object _randomLock = new object();
        private readonly Random _random = new Random();

        public RetryPolicy(int maximumRetryCount, TimeSpan? baseDelay = null, TimeSpan? maxBackoff = null, TimeSpan? maxServerWait = null)
        {
            MaximumRetryCount = Math.Max(0, maximumRetryCount);
            BaseDelay = baseDelay ?? TimeSpan.FromSeconds(1);
            MaxBackoff = maxBackoff ?? TimeSpan.FromSeconds(30);
            MaxServerWait = maxServerWait ?? TimeSpan.FromSeconds(120);
        }

        public int MaximumRetryCount { get; }

        public TimeSpan BaseDelay { get; }

        public TimeSpan MaxBackoff { get; }

        /// <summary>A server asking for a longer pause than this is reported rather than waited for.</summary>
        public TimeSpan MaxServerWait { get; }

        public static bool IsRetryableStatus(int status) => status == 429 || status == 502 || status == 503 || status == 504;

        /// <summary>Whether and when to send <paramref name="request"/> again after its attempt number <paramref name="attemptsMade"/> failed.</summary>
        public RetryDecision Decide(ApiRequest request, int attemptsMade, AttemptFailure failure)
        {
            if (failure.Kind == AttemptFailureKind.Permanent
                || (failure.Kind == AttemptFailureKind.Status && !IsRetryableStatus(failure.StatusCode ?? 0)))
            {
                return RetryDecision.GiveUp();
            }

            var rateLimited = failure.StatusCode == 429;
            var wait = failure.ServerWait.HasValue ? Honour(failure.ServerWait.Value) : Backoff(attemptsMade);
            var pause = rateLimited ? wait : (TimeSpan?)null;
            if (failure.ServerWait > MaxServerWait)
            {
                // No connection-wide pause either: holding every request back that long would look like a hang.
                return RetryDecision.GiveUp(
                    "The server asked to wait " + Seconds(failure.ServerWait!.Value) + " before trying again, longer than PSRemoteLinks waits ("
                    + Seconds(MaxServerWait) + ").");
            }

            if (!request.RetrySafe && !rateLimited)
            {
                return RetryDecision.GiveUp(
                    "It was not sent again: repeating this " + request.Method.Method + " could do it twice. Check the result before running it again.",
                    pause);
            }

            if (attemptsMade > MaximumRetryCount)
            {
                return RetryDecision.GiveUp(MaximumRetryCount == 0 ? null : "Gave up after " + attemptsMade + " attempts (-MaximumRetryCount " + MaximumRetryCount + ").", pause);
            }

            var reason = failure.Description + (failure.ServerWait.HasValue ? " and asked to wait " + Seconds(failure.ServerWait.Value) : string.Empty);
            return RetryDecision.RetryAfter(wait, reason, pause);
        }

        /// <summary>Exponential backoff with jitter (0.8–1.2×), capped.</summary>
        public TimeSpan Backoff(int attemptsMade)
        {
            var exponent = Math.Min(attemptsMade - 1, 16);
            var raw = BaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
            var capped = Math.Min(raw, MaxBackoff.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(capped * Jitter(0.8, 1.2));
        }

        /// <summary>The server's own wait, jittered upwards only (never earlier than asked).</summary>
        public TimeSpan Honour(TimeSpan serverWait) =>
            TimeSpan.FromMilliseconds(Math.Max(0, serverWait.TotalMilliseconds) * Jitter(1.0, 1.1));

        /// <summary>
        /// The wait the server asked for: <c>Retry-After</c> as seconds or as an HTTP date, else
        /// <c>X-RateLimit-Reset</c> as an ISO-8601 time (Jira Cloud writes it to the minute).
        /// </summary>
        public static TimeSpan? ServerRequestedWait(HttpResponseHeaders headers, DateTimeOffset now)
        {
            var retryAfter = headers.RetryAfter;
            if (retryAfter?.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (retryAfter?.Date is DateTimeOffset date)
            {
                return Clamp(date - now);
            }

            if (headers.TryGetValues("X-RateLimit-Reset", out var values))
            {
                var text = values.FirstOrDefault();
                if (TryParseIsoTime(text, out var reset))
                {
                    return Clamp(reset - now);
                }
            }

            return null;
        }

        internal static bool TryParseIsoTime(string? text, out DateTimeOffset value)
        {
            var formats = new[]
            {
                "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
                "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
            };
            return DateTimeOffset.TryParseExact(
                text?.Trim(), formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
        }

        internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

        private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;

        private double Jitter(double min, double max)
        {
            lock (_randomLock)
            {
                return min + (_random.NextDouble() * (max - min));
            }
        }
    }
}
