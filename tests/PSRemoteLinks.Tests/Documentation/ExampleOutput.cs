using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PSRemoteLinks.Tests.Documentation
{
    /// <summary>
    /// What a block rendered, as the documentation shows it: no colour sequences, no progress lines, no trailing
    /// spaces, and the emulator's addresses replaced by the ones the documentation uses, keeping table columns
    /// aligned.
    /// </summary>
    public static class ExampleOutput
    {
        public const string JiraAddress = "https://jira.example.com";
        public const string TrackerAddress = "https://api.tracker.yandex.net";
        public const string JiraHost = "jira.example.com";
        public const string WikiAddress = "https://wiki.example.com";

        private static readonly Regex ColourSequence = new("\u001b\\[[0-9;?]*[A-Za-z]", RegexOptions.Compiled);
        private static readonly Regex Spaces = new(" {2,}", RegexOptions.Compiled);

        public static string Normalize(string rendered, Uri jiraUri, Uri trackerUri)
        {
            ArgumentNullException.ThrowIfNull(rendered);
            ArgumentNullException.ThrowIfNull(jiraUri);
            ArgumentNullException.ThrowIfNull(trackerUri);
            var replacements = new[]
            {
                (jiraUri.AbsoluteUri.TrimEnd('/'), JiraAddress),
                (trackerUri.AbsoluteUri.TrimEnd('/'), TrackerAddress),
                (new Uri(jiraUri, "/web").AbsoluteUri, WikiAddress),
                (jiraUri.Authority, JiraHost),
            };
            var lines = ColourSequence.Replace(rendered, string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Where(line => !line.StartsWith("PROGRESS: ", StringComparison.Ordinal))
                .Select(line => replacements.Aggregate(line, (text, r) => ReplaceKeepingColumns(text, r.Item1, r.Item2)).TrimEnd())
                .ToList();
            while (lines.Count > 0 && lines[0].Length == 0)
            {
                lines.RemoveAt(0);
            }

            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            return string.Join("\n", lines);
        }

        /// <summary>Equal but for the width of the gaps between columns.</summary>
        public static bool SameText(string expected, string actual) =>
            Spaces.Replace(expected.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), " ")
            == Spaces.Replace(actual.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), " ");

        /// <summary>Replaces the text; when spaces follow it, their count changes by the difference, so the next column stays put.</summary>
        private static string ReplaceKeepingColumns(string line, string from, string to)
        {
            int at = line.IndexOf(from, StringComparison.Ordinal);
            while (at >= 0)
            {
                int end = at + from.Length;
                int spaces = 0;
                while (end + spaces < line.Length && line[end + spaces] == ' ')
                {
                    spaces++;
                }

                string gap = spaces > 0 && end + spaces < line.Length
                    ? new string(' ', Math.Max(1, spaces + from.Length - to.Length))
                    : new string(' ', spaces);
                line = line[..at] + to + gap + line[(end + spaces)..];
                at = line.IndexOf(from, at + to.Length, StringComparison.Ordinal);
            }

            return line;
        }
    }
}
