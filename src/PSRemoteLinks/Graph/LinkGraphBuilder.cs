using System;
using System.Collections.Generic;

namespace PSRemoteLinks.Graph
{
    /// <summary>
    /// Turns IssueLink objects into one node per issue and one edge per link. A link read from both of its issues
    /// is one edge: on Jira both sides carry the link's id; on Tracker each side has an id of its own, so a link is
    /// known by its type and its two issues taken in the outward reading (the inward side of "A depends on B" is
    /// "B is dependent by A": the same type, the issues swapped). A symmetric type ("relates") seen from both sides
    /// is one edge too. The arrow reads the outward way once the outward side was seen, else as it was read.
    /// </summary>
    internal sealed class LinkGraphBuilder
    {
        private readonly Dictionary<string, GraphNode> _nodesByKey = new Dictionary<string, GraphNode>(StringComparer.OrdinalIgnoreCase);
        private readonly List<GraphNode> _nodes = new List<GraphNode>();
        private readonly Dictionary<string, GraphEdge> _edgesById = new Dictionary<string, GraphEdge>(StringComparer.OrdinalIgnoreCase);
        private readonly List<GraphEdge> _edges = new List<GraphEdge>();

        /// <summary>Adds one link; returns why it cannot be drawn, or null.</summary>
        public string? Add(IssueLink link)
        {
            if (string.IsNullOrWhiteSpace(link.Issue) || string.IsNullOrWhiteSpace(link.LinkedIssue))
            {
                return "A link needs both Issue and LinkedIssue to be drawn; this one has Issue '" + link.Issue + "' and LinkedIssue '" + link.LinkedIssue + "'.";
            }

            var issue = Node(link.Issue);
            Describe(issue, link.IssueSummary, link.IssueStatus, link.IssueStatusCategory);
            issue.IsStart |= link.Depth == 0;
            var linked = Node(link.LinkedIssue);
            Describe(linked, link.LinkedIssueSummary, link.LinkedIssueStatus, link.LinkedIssueStatusCategory);

            var inward = string.Equals(link.Direction, "Inward", StringComparison.OrdinalIgnoreCase);
            var label = link.Relationship ?? link.Type ?? string.Empty;
            var identity = Identity(link, inward);
            if (!_edgesById.TryGetValue(identity, out var edge) && !TrySymmetricTwin(link, label, out edge))
            {
                edge = new GraphEdge(issue, linked, label) { ReadOutward = !inward };
                _edgesById[identity] = edge;
                _edges.Add(edge);
                return null;
            }

            if (!edge.ReadOutward && !inward)
            {
                edge.From = issue;
                edge.To = linked;
                edge.Label = label;
                edge.ReadOutward = true;
            }

            return null;
        }

        public LinkGraph Build() => new LinkGraph(_nodes.ToArray(), _edges.ToArray());

        private static string Identity(IssueLink link, bool inward)
        {
            var scope = link.Connection?.Name ?? string.Empty;
            if (link.Connection?.Kind == TrackerKind.Jira && link.Id != 0)
            {
                return "id\n" + scope + "\n" + link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var from = inward ? link.LinkedIssue : link.Issue;
            var to = inward ? link.Issue : link.LinkedIssue;
            return TypeIdentity(scope, link.Type, from, to);
        }

        private static string TypeIdentity(string scope, string? type, string from, string to) =>
            "type\n" + scope + "\n" + (type ?? string.Empty) + "\n" + from + "\n" + to;

        /// <summary>A symmetric link read from its other issue: same type, issues swapped, the same phrase.</summary>
        private bool TrySymmetricTwin(IssueLink link, string label, out GraphEdge edge)
        {
            var reverse = TypeIdentity(link.Connection?.Name ?? string.Empty, link.Type, link.LinkedIssue, link.Issue);
            return _edgesById.TryGetValue(reverse, out edge!) && string.Equals(edge.Label, label, StringComparison.OrdinalIgnoreCase)
                && string.Equals(edge.From.Key, link.LinkedIssue, StringComparison.OrdinalIgnoreCase);
        }

        private GraphNode Node(string key)
        {
            if (!_nodesByKey.TryGetValue(key, out var node))
            {
                node = new GraphNode(key);
                _nodesByKey[key] = node;
                _nodes.Add(node);
            }

            return node;
        }

        private static void Describe(GraphNode node, string? summary, string? status, StatusCategory? category)
        {
            if (string.IsNullOrEmpty(node.Summary) && !string.IsNullOrEmpty(summary))
            {
                node.Summary = summary;
            }

            if (string.IsNullOrEmpty(node.Status) && !string.IsNullOrEmpty(status))
            {
                node.Status = status;
            }

            node.Category ??= category;
        }
    }
}
