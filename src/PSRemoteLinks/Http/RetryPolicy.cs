using System;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// When a failed attempt is tried again, and after how long. One place, so every backend and cmdlet behaves alike:
    /// 429, 502, 503 and 504 are retried (500 is not: it is a server bug, not a passing state), connection failures
    /// and timeouts too, but only for requests that are safe to send twice.
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

        /// <summary>True when another attempt is allowed after <paramref name="attemptsMade"/> attempts.</summary>
        public bool CanRetry(ApiRequest request, int attemptsMade) => request.RetrySafe && attemptsMade <= MaximumRetryCount;

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
