using System;

namespace PSRemoteLinks
{
    /// <summary>
    /// A link from an issue to something outside the tracker (Jira "web link", Tracker "external link").
    /// Property names equal New-RemoteIssueLink's parameter names, so a link piped into it is copied.
    /// </summary>
    public sealed class RemoteIssueLink
    {
        /// <summary>The issue key the link hangs on.</summary>
        public string Issue { get; set; } = string.Empty;

        public long Id { get; set; }

        public string? GlobalId { get; set; }

        public string? Url { get; set; }

        public string? Title { get; set; }

        public string? Summary { get; set; }

        public string? Relationship { get; set; }

        public string? ApplicationType { get; set; }

        public string? ApplicationName { get; set; }

        public string? IconUrl { get; set; }

        public string? IconTitle { get; set; }

        /// <summary>True when the linked item is done (Jira shows the link struck through).</summary>
        public bool Resolved { get; set; }

        public string? StatusIconUrl { get; set; }

        public string? StatusIconTitle { get; set; }

        public string? StatusIconLink { get; set; }

        /// <summary>Tracker: the object's key in the external application.</summary>
        public string? Key { get; set; }

        /// <summary>Tracker: the application id (the value -Origin takes).</summary>
        public string? Origin { get; set; }

        /// <summary>Tracker: Outward or Inward.</summary>
        public string? Direction { get; set; }

        public string? CreatedBy { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>The link's URL exactly as the server gave it.</summary>
        public string? Self { get; set; }

        public IssueTrackerConnection? Connection { get; set; }

        public override string ToString() => Issue + " -> " + (Title ?? Key ?? Url ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
