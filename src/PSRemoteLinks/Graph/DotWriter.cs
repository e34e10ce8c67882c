using System.Globalization;
using System.Text;

namespace PSRemoteLinks.Graph
{
    /// <summary>
    /// A Graphviz digraph, top to bottom. Each issue is a node whose id is its quoted key and whose HTML-like label is
    /// <c>&lt;B&gt;key&lt;/B&gt;&lt;BR/&gt;summary&lt;BR/&gt;&lt;I&gt;status&lt;/I&gt;</c>; filled by status category, a thick
    /// border for start issues. Each link is an edge labelled with its relationship.
    /// </summary>
    internal static class DotWriter
    {
        public static string Write(LinkGraph graph)
        {
            var text = new StringBuilder();
            text.Append("digraph IssueLinks {\n");
            text.Append("    graph [rankdir=TB, fontname=\"Helvetica\"];\n");
            text.Append("    node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, fontcolor=\"")
                .Append(StatusStyle.TextColour).Append("\"];\n");
            text.Append("    edge [fontname=\"Helvetica\", fontsize=10];\n");
            foreach (var node in graph.Nodes)
            {
                var style = StatusStyle.For(node.Category);
                text.Append("    ").Append(DotText.Quoted(node.Key)).Append(" [label=<").Append(Label(node)).Append(">, fillcolor=\"")
                    .Append(style.Fill).Append("\", color=\"").Append(style.Stroke).Append('"');
                if (node.IsStart)
                {
                    text.Append(", penwidth=").Append(StatusStyle.StartBorder.ToString(CultureInfo.InvariantCulture));
                }

                text.Append("];\n");
            }

            foreach (var edge in graph.Edges)
            {
                text.Append("    ").Append(DotText.Quoted(edge.From.Key)).Append(" -> ").Append(DotText.Quoted(edge.To.Key))
                    .Append(" [label=").Append(DotText.Quoted(edge.Label)).Append("];\n");
            }

            return text.Append("}\n").ToString();
        }

        private static string Label(GraphNode node)
        {
            var label = "<B>" + DotText.Html(node.Key) + "</B>";
            if (!string.IsNullOrEmpty(node.Summary))
            {
                label += "<BR/>" + DotText.Html(node.Summary!);
            }

            if (!string.IsNullOrEmpty(node.Status))
            {
                label += "<BR/><I>" + DotText.Html(node.Status!) + "</I>";
            }

            return label;
        }
    }
}
