using System;
using System.IO;

namespace PSRemoteLinks.Graph
{
    /// <summary>Which format a file name asks for, and the text of a graph in a format.</summary>
    internal static class GraphFormats
    {
        public const string KnownExtensions = ".mmd or .md (Mermaid), .dot or .gv (Graphviz DOT), .svg";

        /// <summary>The format the extension names, or null when it names none.</summary>
        public static GraphFormat? FromExtension(string path)
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".mmd":
                case ".md":
                    return GraphFormat.Mermaid;
                case ".dot":
                case ".gv":
                    return GraphFormat.Dot;
                case ".svg":
                    return GraphFormat.Svg;
                default:
                    return null;
            }
        }

        /// <summary>A markdown file gets the Mermaid chart inside a ```mermaid fence, which GitHub and GitLab draw.</summary>
        public static bool IsMarkdown(string? path) =>
            path != null && string.Equals(Path.GetExtension(path), ".md", StringComparison.OrdinalIgnoreCase);

        public static string Render(LinkGraph graph, GraphFormat format, bool markdown)
        {
            switch (format)
            {
                case GraphFormat.Mermaid: return MermaidWriter.Write(graph, markdown);
                case GraphFormat.Dot: return DotWriter.Write(graph);
                case GraphFormat.Svg: return SvgExport.Write(graph);
                default: throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown graph format.");
            }
        }
    }
}
