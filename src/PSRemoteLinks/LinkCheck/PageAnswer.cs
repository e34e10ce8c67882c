using System;

namespace PSRemoteLinks.LinkCheck
{
    /// <summary>What one request to a link's host got: a status (and where a redirect points), or why no answer came.</summary>
    internal sealed class PageAnswer
    {
        private PageAnswer(int? status, string? reason, Uri? location, string? failure)
        {
            Status = status;
            Reason = reason;
            Location = location;
            Failure = failure;
        }

        public int? Status { get; }

        public string? Reason { get; }

        /// <summary>The redirect's target, resolved against the request's address; null unless this is a redirect.</summary>
        public Uri? Location { get; }

        /// <summary>Why there is no status (timeout, unknown host, refused connection, TLS), ready to show.</summary>
        public string? Failure { get; }

        public bool IsRedirect => Location != null;

        /// <summary>"404 Not Found".</summary>
        public string StatusText => Status + (string.IsNullOrEmpty(Reason) ? string.Empty : " " + Reason);

        public static PageAnswer Answered(int status, string? reason, Uri? location) => new PageAnswer(status, reason, location, null);

        public static PageAnswer Failed(string failure) => new PageAnswer(null, null, null, failure);
    }
}
