using System;
using System.Collections.Generic;
using System.Linq;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Tracker
{
    /// <summary>
    /// Tracker's nine relationship values and how a link's <c>type.id</c> + <c>direction</c> reads as one of them.
    /// The labels Tracker sends are localized (Russian unless asked otherwise, sometimes even then), so the
    /// phrase is always derived from the type id and the direction.
    /// </summary>
    internal static class TrackerRelationships
    {
        private static readonly char[] Blanks = { ' ', '\t' };

        // type id -> (phrase when the issue is on the outward side, phrase when on the inward side)
        private static readonly Dictionary<string, (string Outward, string Inward)> ByType =
            new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
            {
                ["relates"] = ("relates", "relates"),
                ["depends"] = ("depends on", "is dependent by"),
                ["subtask"] = ("is parent task for", "is subtask for"),
                ["duplicates"] = ("duplicates", "is duplicated by"),
                ["duplicate"] = ("duplicates", "is duplicated by"),
                ["epic"] = ("is epic of", "has epic"),
            };

        /// <summary>The values POST issues/{key}/links accepts, from the current issue's point of view.</summary>
        public static readonly IReadOnlyList<string> Values = new[]
        {
            "relates", "depends on", "is dependent by", "is subtask for", "is parent task for",
            "duplicates", "is duplicated by", "is epic of", "has epic",
        };

        public static string Phrase(string? typeId, bool issueIsOutward)
        {
            if (typeId != null && ByType.TryGetValue(typeId, out var phrases))
            {
                return issueIsOutward ? phrases.Outward : phrases.Inward;
            }

            // An unknown type is still shown truthfully: its id and the side the issue is on.
            return (typeId ?? "linked") + (issueIsOutward ? string.Empty : " (inward)");
        }

        public static (string? Outward, string? Inward) PhrasesOf(string? typeId) =>
            typeId != null && ByType.TryGetValue(typeId, out var phrases) ? (phrases.Outward, phrases.Inward) : (null, null);

        /// <summary>The canonical value for -Relationship, matched without regard to case or extra spaces.</summary>
        public static string Canonical(string relationship)
        {
            var wanted = string.Join(" ", relationship.Split(Blanks, StringSplitOptions.RemoveEmptyEntries));
            var match = Values.FirstOrDefault(v => string.Equals(v, wanted, StringComparison.OrdinalIgnoreCase));
            if (match == null)
            {
                throw ApiException.InvalidInput("'" + relationship + "' is not a Yandex Tracker relationship. Valid values: "
                    + string.Join(", ", Values.Select(v => "'" + v + "'")) + ".");
            }

            return match;
        }
    }
}
