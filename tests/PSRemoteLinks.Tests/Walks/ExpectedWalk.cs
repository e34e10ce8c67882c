using System;
using System.Collections.Generic;
using PSRemoteLinks.Emulator;

namespace PSRemoteLinks.Tests.Walks
{
    /// <summary>One written link as the tests compare it: the sentence and its depth.</summary>
    public sealed record WalkedLink(string Issue, string Relationship, string LinkedIssue, int Depth)
    {
        public override string ToString() => Depth + ": " + Issue + " " + Relationship + " " + LinkedIssue;
    }

    /// <summary>
    /// What a walk over a <see cref="LinkGraph"/> must write and read, worked out the plain way: one sequential
    /// breadth-first search over the graph's link list, each issue listing its links in creation order as the
    /// emulator does.
    /// </summary>
    public sealed class ExpectedWalk
    {
        private ExpectedWalk(List<WalkedLink> links, List<string> read)
        {
            Links = links;
            Read = read;
        }

        /// <summary>Every link to write, in the order the walk writes them.</summary>
        public IReadOnlyList<WalkedLink> Links { get; }

        /// <summary>Every issue whose links are read, once each.</summary>
        public IReadOnlyList<string> Read { get; }

        /// <param name="graph">The graph the emulator was seeded with.</param>
        /// <param name="starts">The issues given to Get-IssueLink.</param>
        /// <param name="maxDepth">-Depth, or null.</param>
        /// <param name="follow">The canonical phrases of -Relationship, or null for every link.</param>
        /// <param name="unreadable">Issues whose read fails: read once, no links of theirs written or followed.</param>
        public static ExpectedWalk Of(LinkGraph graph, IEnumerable<string> starts, int? maxDepth = null, ISet<string>? follow = null, ISet<string>? unreadable = null)
        {
            var views = new Dictionary<string, List<(int Edge, string Phrase, string Other)>>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < graph.Edges.Count; i++)
            {
                var edge = graph.Edges[i];
                ViewsOf(views, edge.From).Add((i, edge.Relationship, edge.To));
                ViewsOf(views, edge.To).Add((i, graph.Inverse(edge.Relationship), edge.From));
            }

            var links = new List<WalkedLink>();
            var read = new List<string>();
            var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var written = new HashSet<int>();
            var queue = new Queue<(string Issue, int Depth)>();
            foreach (var start in starts)
            {
                if (visited.Add(start))
                {
                    queue.Enqueue((start, 0));
                }
            }

            while (queue.Count > 0)
            {
                var (issue, depth) = queue.Dequeue();
                read.Add(issue);
                if (unreadable != null && unreadable.Contains(issue))
                {
                    continue;
                }

                foreach (var (edge, phrase, other) in ViewsOf(views, issue))
                {
                    if ((follow != null && !follow.Contains(phrase)) || !written.Add(edge))
                    {
                        continue;
                    }

                    links.Add(new WalkedLink(issue, phrase, other, depth));
                    if ((maxDepth == null || depth < maxDepth) && visited.Add(other))
                    {
                        queue.Enqueue((other, depth + 1));
                    }
                }
            }

            return new ExpectedWalk(links, read);
        }

        private static List<(int, string, string)> ViewsOf(Dictionary<string, List<(int, string, string)>> views, string issue)
        {
            if (!views.TryGetValue(issue, out var list))
            {
                list = new List<(int, string, string)>();
                views.Add(issue, list);
            }

            return list;
        }
    }
}
