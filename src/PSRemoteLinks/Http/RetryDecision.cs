using System;

namespace PSRemoteLinks.Http
{
    /// <summary>What <see cref="RetryPolicy.Decide"/> says about a failed attempt.</summary>
    internal sealed class RetryDecision
    {
        private RetryDecision(bool retry, TimeSpan wait, string reason, string? givingUpNote, TimeSpan? connectionPause)
        {
            Retry = retry;
            Wait = wait;
            Reason = reason;
            GivingUpNote = givingUpNote;
            ConnectionPause = connectionPause;
        }

        /// <summary>Send the request again after <see cref="Wait"/>.</summary>
        public bool Retry { get; }

        public TimeSpan Wait { get; }

        /// <summary>Why, for the -Verbose line of the retry.</summary>
        public string Reason { get; }

        /// <summary>When giving up for a reason the error alone would not explain, a sentence to append to it.</summary>
        public string? GivingUpNote { get; }

        /// <summary>
        /// For a 429: how long every request of the connection should hold back, whether or not this one is retried
        /// (the limit is the connection's, not the request's).
        /// </summary>
        public TimeSpan? ConnectionPause { get; }

        public static RetryDecision RetryAfter(TimeSpan wait, string reason, TimeSpan? connectionPause) =>
            new RetryDecision(true, wait, reason, null, connectionPause);

        public static RetryDecision GiveUp(string? note = null, TimeSpan? connectionPause = null) =>
            new RetryDecision(false, TimeSpan.Zero, string.Empty, note, connectionPause);
    }
}
