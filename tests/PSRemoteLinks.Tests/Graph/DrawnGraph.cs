using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Tests.Graph
{
    /// <summary>One issue as a reader found it in an exported file.</summary>
    public sealed record DrawnNode(string Key, string? Summary, string? Status, string Category, bool IsStart);

    /// <summary>One arrow as a reader found it: "From Label To".</summary>
    public sealed record DrawnEdge(string From, string Label, string To)
    {
        public override string ToString() => From + " " + Label + " " + To;
    }

    /// <summary>What a Mermaid, DOT or SVG reader got back from an export.</summary>
    public sealed record DrawnGraph(IReadOnlyList<DrawnNode> Nodes, IReadOnlyList<DrawnEdge> Edges)
    {
        public DrawnNode Node(string key) => Nodes.Single(n => n.Key == key);

        public string[] Keys => Nodes.Select(n => n.Key).ToArray();

        public string[] Sentences => Edges.Select(e => e.ToString()).ToArray();
    }
}
