namespace PSRemoteLinks.Graph
{
    /// <summary>One issue of the graph: its key, and what the links told about it (the first non-empty value wins).</summary>
    internal sealed class GraphNode
    {
        public GraphNode(string key) => Key = key;

        public string Key { get; }

        public string? Summary { get; set; }

        public string? Status { get; set; }

        public StatusCategory? Category { get; set; }

        /// <summary>An issue the links were read from at depth 0: where the user started.</summary>
        public bool IsStart { get; set; }
    }
}
