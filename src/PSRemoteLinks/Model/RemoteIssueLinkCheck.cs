using System;

namespace PSRemoteLinks
{
    /// <summary>
    /// Where one remote link points, as Test-RemoteIssueLink found it.
    /// </summary>
    public sealed class RemoteIssueLinkCheck
    {
        /// <summary>The issue the link hangs on.</summary>
        public string Issue { get; set; } = string.Empty;

        /// <summary>The link's id, so the check pipes into Set-RemoteIssueLink or Remove-RemoteIssueLink.</summary>
        public long Id { get; set; }

        /// <summary>The link's address as stored on the link.</summary>
        public string? Url { get; set; }

        /// <summary>The status of the final answer (after redirects); null when no answer came.</summary>
        public int? StatusCode { get; set; }

        /// <summary>The string a link that could not be asked gets in <see cref="Reachable"/>.</summary>
        public const string Unknown = "Unknown";

        /// <summary>
        /// True (the page answers), false (dead, broken or unreachable), or the string "Unknown" (not checkable: no web
        /// address, or the site or proxy would not say). "Unknown" is a non-empty string, so it counts as true in
        /// PowerShell: <c>Where-Object -Not Reachable</c> lists the dead links only, never one that could not be asked.
        /// </summary>
        public object Reachable { get; set; } = Unknown;

        /// <summary>Where the redirects ended, when there were any.</summary>
        public string? RedirectedTo { get; set; }

        /// <summary>Why the link is not reachable, or why it could not be checked; null when it is reachable.</summary>
        public string? Error { get; set; }

        /// <summary>How long the link's requests took (redirects included), not the time it waited for its turn.</summary>
        public TimeSpan Elapsed { get; set; }

        /// <summary>The connection the link was read from, so a piped check goes back to it.</summary>
        public IssueTrackerConnection? Connection { get; set; }

        public override string ToString() => Issue + " -> " + (Url ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            + ": " + (Reachable is true ? "reachable" : Error ?? "not reachable");
    }
}
