namespace PSRemoteLinks.Graph
{
    /// <summary>One link, drawn as an arrow: "<see cref="From"/> <see cref="Label"/> <see cref="To"/>" reads as a sentence.</summary>
    internal sealed class GraphEdge
    {
        public GraphEdge(GraphNode from, GraphNode to, string label)
        {
            From = from;
            To = to;
            Label = label;
        }

        public GraphNode From { get; set; }

        public GraphNode To { get; set; }

        public string Label { get; set; }

        /// <summary>True once the link was seen from its outward side, whose reading the arrow then follows.</summary>
        public bool ReadOutward { get; set; }
    }
}
