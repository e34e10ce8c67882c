using System.Collections.Generic;

namespace PSRemoteLinks.Graph
{
    /// <summary>Issues and links ready to draw, in the order they first came through the pipeline.</summary>
    internal sealed class LinkGraph
    {
        public LinkGraph(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges)
        {
            Nodes = nodes;
            Edges = edges;
        }

        public IReadOnlyList<GraphNode> Nodes { get; }

        public IReadOnlyList<GraphEdge> Edges { get; }
    }
}
