using System;
using System.Collections.Generic;
using System.Linq;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Jira
{
    /// <summary>A link type and the side of it the issue stands on.</summary>
    internal sealed class JiraRelationship
    {
        public JiraRelationship(JiraIssueLinkTypeDto type, bool issueIsOutward)
        {
            Type = type;
            IssueIsOutward = issueIsOutward;
        }

        public JiraIssueLinkTypeDto Type { get; }

        /// <summary>True when "issue ⟨phrase⟩ linked" uses the type's outward phrase ("A blocks B").</summary>
        public bool IssueIsOutward { get; }
    }

    /// <summary>
    /// Resolves -Relationship against the site's link types, without regard to case: a type name (read as its
    /// outward phrase), or either phrase of a type.
    /// </summary>
    internal static class JiraRelationships
    {
        public static JiraRelationship Resolve(string phrase, IReadOnlyList<JiraIssueLinkTypeDto> types)
        {
            var wanted = phrase.Trim();
            var distinct = Matches(wanted, types);
            if (distinct.Count == 1)
            {
                return distinct[0];
            }

            if (distinct.Count == 0)
            {
                throw ApiException.InvalidInput("'" + wanted + "' is not a relationship on this Jira site. Valid values: " + string.Join(", ", Phrases(types).Select(Quote)) + ".");
            }

            throw ApiException.InvalidInput("'" + wanted + "' is ambiguous on this Jira site: it matches "
                + string.Join(", ", distinct.Select(d => "type " + Quote(d.Type.Name ?? string.Empty) + " (" + Quote((d.IssueIsOutward ? d.Type.Outward : d.Type.Inward) ?? string.Empty) + ")"))
                + ". Give the exact phrase of one type.");
        }

        /// <summary>True when some link type has this name or phrase (resolving it may still find it ambiguous).</summary>
        public static bool Knows(string phrase, IReadOnlyList<JiraIssueLinkTypeDto> types) => Matches(phrase.Trim(), types).Count > 0;

        private static List<JiraRelationship> Matches(string wanted, IReadOnlyList<JiraIssueLinkTypeDto> types)
        {
            var matches = new List<JiraRelationship>();
            foreach (var type in types)
            {
                var symmetric = Same(type.Inward, type.Outward);
                if (Same(type.Name, wanted) || Same(type.Outward, wanted))
                {
                    matches.Add(new JiraRelationship(type, issueIsOutward: true));
                }
                else if (Same(type.Inward, wanted))
                {
                    matches.Add(new JiraRelationship(type, issueIsOutward: symmetric));
                }
            }

            return matches
                .GroupBy(m => (m.Type.Id ?? m.Type.Name) + "|" + m.IssueIsOutward, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .ToList();
        }

        /// <summary>Every phrase -Relationship accepts: each type's outward and inward phrase, then the type names.</summary>
        public static IReadOnlyList<string> Phrases(IReadOnlyList<JiraIssueLinkTypeDto> types)
        {
            var phrases = new List<string>();
            foreach (var type in types)
            {
                Add(phrases, type.Outward);
                Add(phrases, type.Inward);
            }

            foreach (var type in types)
            {
                Add(phrases, type.Name);
            }

            return phrases;
        }

        /// <summary>True when an issue's link entry is of the given site type (by id when both have one, else by name).</summary>
        public static bool SameType(JiraIssueLinkTypeDto? entryType, JiraIssueLinkTypeDto type) =>
            entryType != null && (!string.IsNullOrEmpty(entryType.Id) && !string.IsNullOrEmpty(type.Id)
                ? entryType.Id == type.Id
                : Same(entryType.Name, type.Name));

        /// <summary>
        /// True when a link read from its issue's side is this relationship: the same type (by name, which is what an
        /// <see cref="IssueLink"/> carries) with the issue on the same side; either side for a type whose two phrases are one.
        /// </summary>
        public static bool Reads(IssueLink link, JiraRelationship relationship)
        {
            var type = relationship.Type;
            if (!Same(link.Type, type.Name))
            {
                return false;
            }

            var issueIsOutward = string.Equals(link.Direction, "Outward", StringComparison.Ordinal);
            return Same(type.Inward, type.Outward) || issueIsOutward == relationship.IssueIsOutward;
        }

        private static void Add(List<string> phrases, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && !phrases.Contains(value!, StringComparer.OrdinalIgnoreCase))
            {
                phrases.Add(value!);
            }
        }

        private static bool Same(string? a, string? b) => a != null && b != null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

        private static string Quote(string value) => "'" + value + "'";
    }
}
