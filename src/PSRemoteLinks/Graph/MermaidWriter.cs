using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PSRemoteLinks.Graph
{
    /// <summary>
    /// A Mermaid flowchart, top to bottom. Node ids are generated (n1, n2...), so a key never has to be an id; each
    /// label is <c>&lt;b&gt;key&lt;/b&gt;&lt;br/&gt;summary&lt;br/&gt;&lt;i&gt;status&lt;/i&gt;</c> with the user's text escaped.
    /// Boxes are coloured by status category; start issues get a thick border.
    /// </summary>
    internal static class MermaidWriter
    {
        public static string Write(LinkGraph graph, bool asMarkdown)
        {
            var text = new StringBuilder();
            if (asMarkdown)
            {
                text.Append("```mermaid\n");
            }

            text.Append("flowchart TD\n");
            var ids = new Dictionary<GraphNode, string>();
            foreach (var node in graph.Nodes)
            {
                var id = "n" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
                ids[node] = id;
                text.Append("    ").Append(id).Append("[\"").Append(Label(node)).Append("\"]\n");
            }

            foreach (var edge in graph.Edges)
            {
                text.Append("    ").Append(ids[edge.From]).Append(" -->|\"").Append(MermaidText.Escape(edge.Label)).Append("\"| ").Append(ids[edge.To]).Append('\n');
            }

            foreach (var style in StatusStyle.All)
            {
                text.Append("    classDef ").Append(style.Name).Append(" fill:").Append(style.Fill).Append(",stroke:").Append(style.Stroke)
                    .Append(",color:").Append(StatusStyle.TextColour).Append('\n');
            }

            text.Append("    classDef start stroke-width:").Append(StatusStyle.StartBorder.ToString(CultureInfo.InvariantCulture)).Append("px\n");
            foreach (var style in StatusStyle.All)
            {
                AppendClass(text, style.Name, graph.Nodes.Where(n => StatusStyle.For(n.Category) == style).Select(n => ids[n]));
            }

            AppendClass(text, "start", graph.Nodes.Where(n => n.IsStart).Select(n => ids[n]));
            if (asMarkdown)
            {
                text.Append("```\n");
            }

            return text.ToString();
        }

        private static string Label(GraphNode node)
        {
            var label = "<b>" + MermaidText.Escape(node.Key) + "</b>";
            if (!string.IsNullOrEmpty(node.Summary))
            {
                label += "<br/>" + MermaidText.Escape(node.Summary!);
            }

            if (!string.IsNullOrEmpty(node.Status))
            {
                label += "<br/><i>" + MermaidText.Escape(node.Status!) + "</i>";
            }

            return label;
        }

        private static void AppendClass(StringBuilder text, string className, IEnumerable<string> ids)
        {
            var list = string.Join(",", ids);
            if (list.Length > 0)
            {
                text.Append("    class ").Append(list).Append(' ').Append(className).Append('\n');
            }
        }
    }
}
