using System;

namespace PSRemoteLinks.Tracker
{
    /// <summary>Tracker's JSON shapes to the module's output types.</summary>
    internal static class TrackerMapper
    {
        public static IssueLink ToIssueLink(TrackerLinkDto dto, string issue, IssueTrackerConnection? connection)
        {
            var outward = IsOutward(dto.Direction);
            var typeId = dto.Type?.Id ?? dto.Type?.Key;
            return new IssueLink
            {
                Issue = issue,
                Id = dto.Id ?? 0,
                Relationship = TrackerRelationships.Phrase(typeId, outward),
                Direction = outward ? "Outward" : "Inward",
                LinkedIssue = dto.Object?.Key ?? dto.Object?.Id ?? string.Empty,
                LinkedIssueSummary = dto.Object?.Display ?? dto.Object?.Summary,
                LinkedIssueStatus = dto.Status?.Display ?? dto.Status?.Key,
                LinkedIssueStatusCategory = TrackerStatusCategories.FromKey(dto.Status?.Key),
                Type = typeId,
                CreatedBy = Who(dto.CreatedBy),
                CreatedAt = dto.CreatedAt,
                UpdatedAt = dto.UpdatedAt,
                Self = dto.Self,
                Connection = connection,
            };
        }

        /// <summary>Puts the issue's own summary and status (from <c>GET issues/{key}</c>) on one of its links.</summary>
        public static void Describe(IssueLink link, TrackerFoundIssueDto issue)
        {
            link.IssueSummary = issue.Summary;
            link.IssueStatus = issue.Status?.Display ?? issue.Status?.Key;
            link.IssueStatusCategory = TrackerStatusCategories.FromKey(issue.Status?.Key);
        }

        public static RemoteIssueLink ToRemoteLink(TrackerLinkDto dto, string issue, IssueTrackerConnection? connection) => new RemoteIssueLink
        {
            Issue = issue,
            Id = dto.Id ?? 0,
            // The phrase POST remotelinks takes, so a link piped into New-RemoteIssueLink is copied with its relationship.
            Relationship = (dto.Type?.Id ?? dto.Type?.Key) is { } typeId ? TrackerRelationships.Phrase(typeId, IsOutward(dto.Direction)) : null,
            Key = dto.Object?.Key,
            Origin = dto.Object?.Application?.Id,
            ApplicationType = dto.Object?.Application?.Type,
            ApplicationName = dto.Object?.Application?.Name,
            Direction = IsOutward(dto.Direction) ? "Outward" : "Inward",
            CreatedBy = Who(dto.CreatedBy),
            CreatedAt = dto.CreatedAt,
            UpdatedAt = dto.UpdatedAt,
            Self = dto.Self,
            Connection = connection,
        };

        public static IssueLinkType ToLinkType(TrackerLinkTypeDto dto, IssueTrackerConnection? connection)
        {
            var id = dto.Id ?? dto.Key ?? string.Empty;
            var phrases = TrackerRelationships.PhrasesOf(id);
            return new IssueLinkType
            {
                Id = id,
                Name = id,
                Outward = phrases.Outward ?? dto.Outward,
                Inward = phrases.Inward ?? dto.Inward,
                Self = dto.Self,
                Connection = connection,
            };
        }

        public static string DisplayUser(TrackerMyselfDto me) => me.Display ?? me.Login ?? me.Email ?? me.Uid ?? "(unknown user)";

        private static bool IsOutward(string? direction) => !string.Equals(direction, "inward", StringComparison.OrdinalIgnoreCase);

        private static string? Who(TrackerRefDto? user) => user?.Display ?? user?.Id;
    }
}
