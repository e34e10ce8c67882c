using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace PSRemoteLinks.Tests.Graph
{
    /// <summary>
    /// Reads back the Mermaid flowchart Export-IssueLinkGraph writes, strictly: every line must be one of the
    /// statements it writes, so text that broke out of a label (a new node, edge, comment or directive) fails here.
    /// </summary>
    public static class MermaidReader
    {
        private static readonly Regex NodeLine = new(@"^    (n\d+)\[""([^""]*)""\]$");
        private static readonly Regex EdgeLine = new(@"^    (n\d+) -->\|""([^""]*)""\| (n\d+)$");
        private static readonly Regex ClassDefLine = new(@"^    classDef (\w+) [\w:#,.\-]+$");
        private static readonly Regex ClassLine = new(@"^    class (n\d+(?:,n\d+)*) (\w+)$");
        private static readonly Regex Escaped = new(@"^(?:[^""#&<>%\[\]{}|`\\\r\n]|#\d+;)*$");

        public static DrawnGraph Read(string text)
        {
            var lines = text.Split('\n').ToList();
            if (lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            if (lines[0] == "```mermaid")
            {
                if (lines[^1] != "```")
                {
                    throw new FormatException("The mermaid fence is not closed.");
                }

                lines = lines.Skip(1).Take(lines.Count - 2).ToList();
            }

            if (lines[0] != "flowchart TD")
            {
                throw new FormatException("Not a top-down flowchart: " + lines[0]);
            }

            var labels = new Dictionary<string, string>();
            var order = new List<string>();
            var edges = new List<(string From, string Label, string To)>();
            var classes = new Dictionary<string, List<string>>();
            foreach (var line in lines.Skip(1))
            {
                Match match;
                if ((match = NodeLine.Match(line)).Success)
                {
                    labels.Add(match.Groups[1].Value, match.Groups[2].Value);
                    order.Add(match.Groups[1].Value);
                }
                else if ((match = EdgeLine.Match(line)).Success)
                {
                    edges.Add((match.Groups[1].Value, Decode(match.Groups[2].Value), match.Groups[3].Value));
                }
                else if ((match = ClassLine.Match(line)).Success)
                {
                    foreach (var id in match.Groups[1].Value.Split(','))
                    {
                        if (!classes.TryGetValue(id, out var list))
                        {
                            classes[id] = list = new List<string>();
                        }

                        list.Add(match.Groups[2].Value);
                    }
                }
                else if (!ClassDefLine.IsMatch(line))
                {
                    throw new FormatException("Not a statement the exporter writes: " + line);
                }
            }

            var nodes = order.Select(id => Node(labels[id], classes.TryGetValue(id, out var c) ? c : new List<string>())).ToList();
            var keyOf = order.Zip(nodes).ToDictionary(p => p.First, p => p.Second.Key);
            return new DrawnGraph(nodes, edges.Select(e => new DrawnEdge(keyOf[e.From], e.Label, keyOf[e.To])).ToList());
        }

        private static DrawnNode Node(string label, List<string> classes)
        {
            var parts = label.Split("<br/>");
            if (!parts[0].StartsWith("<b>", StringComparison.Ordinal) || !parts[0].EndsWith("</b>", StringComparison.Ordinal))
            {
                throw new FormatException("A label must start with the bold key: " + label);
            }

            var key = Decode(parts[0][3..^4]);
            string? summary = null;
            string? status = null;
            foreach (var part in parts.Skip(1))
            {
                if (part.StartsWith("<i>", StringComparison.Ordinal) && part.EndsWith("</i>", StringComparison.Ordinal))
                {
                    status = Decode(part[3..^4]);
                }
                else
                {
                    summary = Decode(part);
                }
            }

            var category = classes.Single(c => c != "start");
            return new DrawnNode(key, summary, status, category, classes.Contains("start"));
        }

        /// <summary>Undoes the exporter's #code; escaping, after checking nothing dangerous was left raw.</summary>
        private static string Decode(string text)
        {
            if (!Escaped.IsMatch(text))
            {
                throw new FormatException("Unescaped markup in a label: " + text);
            }

            return Regex.Replace(text, @"#(\d+);", m => ((char)int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString());
        }
    }
}
