using System;

namespace PSRemoteLinks.Tracker
{
    /// <summary>
    /// One link read from either of its issues, as one value. Tracker's docs do not promise that both sides show the
    /// same link id, so the identity is the link type and the issue on each side: the side <c>direction</c> names
    /// "outward" first; for <c>relates</c>, where direction means nothing, the two keys in order.
    /// </summary>
    internal static class TrackerLinkIdentity
    {
        public static string Of(IssueLink link)
        {
            var issue = Normal(link.Issue);
            var linked = Normal(link.LinkedIssue);
            var type = Normal(link.Type);
            var phrases = TrackerRelationships.PhrasesOf(link.Type);
            string first, second;
            if (phrases.Outward != null && phrases.Outward == phrases.Inward)
            {
                var ordered = string.CompareOrdinal(issue, linked) <= 0;
                first = ordered ? issue : linked;
                second = ordered ? linked : issue;
            }
            else
            {
                var issueIsOutward = string.Equals(link.Direction, "Outward", StringComparison.Ordinal);
                first = issueIsOutward ? issue : linked;
                second = issueIsOutward ? linked : issue;
            }

            return type + "|" + first + "|" + second;
        }

        private static string Normal(string? value) => (value ?? string.Empty).Trim().ToUpperInvariant();
    }
}
