using System;

namespace PSRemoteLinks
{
    /// <summary>
    /// A link between two issues, read from <see cref="Issue"/>'s side so that
    /// "<see cref="Issue"/> <see cref="Relationship"/> <see cref="LinkedIssue"/>" is a true sentence.
    /// </summary>
    public sealed class IssueLink
    {
        public string Issue { get; set; } = string.Empty;

        public long Id { get; set; }

        /// <summary>The phrase from Issue's side: "blocks", "is blocked by", "depends on" ...</summary>
        public string Relationship { get; set; } = string.Empty;

        /// <summary>Outward or Inward.</summary>
        public string Direction { get; set; } = string.Empty;

        public string LinkedIssue { get; set; } = string.Empty;

        public string? LinkedIssueSummary { get; set; }

        public string? LinkedIssueStatus { get; set; }

        /// <summary>Category of <see cref="LinkedIssueStatus"/>; null where the service gives none.</summary>
        public StatusCategory? LinkedIssueStatusCategory { get; set; }

        /// <summary>Summary of <see cref="Issue"/> itself, where the read that found the link gave it (Jira's issue read does).</summary>
        public string? IssueSummary { get; set; }

        public string? IssueStatus { get; set; }

        public StatusCategory? IssueStatusCategory { get; set; }

        /// <summary>With <c>Get-IssueLink -Recurse</c>: how many links <see cref="Issue"/> is from the issue the walk started at (0 = a start issue).</summary>
        public int Depth { get; set; }

        /// <summary>The link type's name (Jira) or id (Tracker).</summary>
        public string? Type { get; set; }

        public string? CreatedBy { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public DateTimeOffset? UpdatedAt { get; set; }

        public string? Self { get; set; }

        public IssueTrackerConnection? Connection { get; set; }

        public override string ToString() => Issue + " " + Relationship + " " + LinkedIssue;
    }
}
