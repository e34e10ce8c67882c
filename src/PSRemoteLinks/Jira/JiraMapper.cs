using System;
using System.Collections.Generic;

namespace PSRemoteLinks.Jira
{
    /// <summary>Jira's JSON shapes to the module's output types.</summary>
    internal static class JiraMapper
    {
        public static RemoteIssueLink ToRemoteLink(JiraRemoteLinkDto dto, string issue, IssueTrackerConnection? connection) => new RemoteIssueLink
        {
            Issue = issue,
            Id = dto.Id ?? 0,
            GlobalId = dto.GlobalId,
            Url = dto.Object?.Url,
            Title = dto.Object?.Title,
            Summary = dto.Object?.Summary,
            Relationship = dto.Relationship,
            ApplicationType = dto.Application?.Type,
            ApplicationName = dto.Application?.Name,
            IconUrl = dto.Object?.Icon?.Url16x16,
            IconTitle = dto.Object?.Icon?.Title,
            Resolved = dto.Object?.Status?.Resolved ?? false,
            StatusIconUrl = dto.Object?.Status?.Icon?.Url16x16,
            StatusIconTitle = dto.Object?.Status?.Icon?.Title,
            StatusIconLink = dto.Object?.Status?.Icon?.Link,
            Self = dto.Self,
            Connection = connection,
        };

        /// <summary>
        /// Reads <c>fields.issuelinks</c> of <paramref name="issue"/>: an entry naming <c>outwardIssue</c> Y reads
        /// "issue ⟨type.outward⟩ Y", one naming <c>inwardIssue</c> Y reads "issue ⟨type.inward⟩ Y".
        /// </summary>
        public static List<IssueLink> ToIssueLinks(JiraIssueDto dto, string issue, IssueTrackerConnection? connection)
        {
            var links = new List<IssueLink>();
            foreach (var entry in dto.Fields?.IssueLinks ?? new List<JiraIssueLinkDto>())
            {
                if (ToIssueLink(entry, issue, connection) is IssueLink link)
                {
                    link.IssueSummary = dto.Fields?.Summary;
                    link.IssueStatus = dto.Fields?.Status?.Name;
                    link.IssueStatusCategory = JiraStatusCategories.FromKey(dto.Fields?.Status?.StatusCategory?.Key);
                    links.Add(link);
                }
            }

            return links;
        }

        /// <summary>One <c>fields.issuelinks</c> entry of <paramref name="issue"/>; null when it names no other issue.</summary>
        public static IssueLink? ToIssueLink(JiraIssueLinkDto entry, string issue, IssueTrackerConnection? connection)
        {
            var outward = entry.OutwardIssue != null;
            var other = entry.OutwardIssue ?? entry.InwardIssue;
            if (other == null)
            {
                return null;
            }

            return new IssueLink
            {
                Issue = issue,
                Id = entry.Id ?? 0,
                Relationship = (outward ? entry.Type?.Outward : entry.Type?.Inward) ?? entry.Type?.Name ?? string.Empty,
                Direction = outward ? "Outward" : "Inward",
                LinkedIssue = other.Key ?? other.Id ?? string.Empty,
                LinkedIssueSummary = other.Fields?.Summary,
                LinkedIssueStatus = other.Fields?.Status?.Name,
                LinkedIssueStatusCategory = JiraStatusCategories.FromKey(other.Fields?.Status?.StatusCategory?.Key),
                Type = entry.Type?.Name,
                Self = entry.Self,
                Connection = connection,
            };
        }

        public static IssueLinkType ToLinkType(JiraIssueLinkTypeDto dto, IssueTrackerConnection? connection) => new IssueLinkType
        {
            Id = dto.Id ?? string.Empty,
            Name = dto.Name ?? string.Empty,
            Inward = dto.Inward,
            Outward = dto.Outward,
            Self = dto.Self,
            Connection = connection,
        };

        public static string DisplayUser(JiraMyselfDto me) =>
            FirstNonEmpty(me.DisplayName, me.EmailAddress, me.Name, me.AccountId) ?? "(unknown user)";

        private static string? FirstNonEmpty(params string?[] values)
        {
            foreach (var value in values)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return value;
                }
            }

            return null;
        }

        public static bool SameKey(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
