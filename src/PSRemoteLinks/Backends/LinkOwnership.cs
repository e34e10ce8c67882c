using PSRemoteLinks.Http;

namespace PSRemoteLinks.Backends
{
    /// <summary>The error a remove gives, before deleting anything, when the link it was given is not a link of the issue it was given.</summary>
    internal static class LinkOwnership
    {
        public const string NotOnIssueErrorId = "LinkNotOnIssue";

        /// <param name="kind">"Issue link" or "Remote link".</param>
        /// <param name="detail">What the service said or what the link really links, or null.</param>
        public static ApiException NotOnIssue(string kind, long id, string issue, string? detail = null, System.Exception? inner = null) =>
            new ApiException(
                ApiErrorKind.NotFound,
                NotOnIssueErrorId,
                kind + " " + id + " is not a link of " + issue + (detail == null ? string.Empty : " (" + detail + ")") + "; nothing was deleted.",
                null,
                inner);
    }
}
