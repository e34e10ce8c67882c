using System;

namespace PSRemoteLinks
{
    /// <summary>
    /// An issue found by <c>Find-Issue</c>. <see cref="Issue"/> holds the key, so the object pipes into every link
    /// cmdlet's <c>-Issue</c>, and <see cref="Connection"/> sends that cmdlet back to the connection it was found on.
    /// </summary>
    public sealed class Issue : IssueKeyHolder
    {
        public string? Summary { get; set; }

        /// <summary>The status's name as the service shows it (Jira <c>status.name</c>, Tracker <c>status.display</c>).</summary>
        public string? Status { get; set; }

        /// <summary>Category of <see cref="Status"/>; null where the service gives none.</summary>
        public StatusCategory? StatusCategory { get; set; }

        /// <summary>The issue type's name (Task, Bug ...).</summary>
        public string? Type { get; set; }

        /// <summary>The assignee's display name; null when unassigned.</summary>
        public string? Assignee { get; set; }

        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>The page a person opens in a browser (never the REST address).</summary>
        public string? Url { get; set; }

        /// <summary>The issue's REST address, as the server gave it.</summary>
        public string? Self { get; set; }

        public IssueTrackerConnection? Connection { get; set; }

        public override string ToString() => Issue;
    }

    /// <summary>
    /// Holds <see cref="PSRemoteLinks.Issue"/>'s key property. C# forbids a member named like the type that declares it, and
    /// both names are fixed (the type is PSRemoteLinks.Issue, the property binds <c>-Issue</c>), so the property is inherited.
    /// </summary>
    public abstract class IssueKeyHolder
    {
        /// <summary>The issue key (OPS-88).</summary>
        public string Issue { get; set; } = string.Empty;
    }
}
