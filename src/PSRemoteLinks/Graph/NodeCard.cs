using System;

namespace PSRemoteLinks.Graph
{
    /// <summary>What an issue's box shows in the SVG (key, shortened summary, status) and how big it must be.</summary>
    internal sealed class NodeCard
    {
        public const double KeySize = 13;
        public const double SummarySize = 12;
        public const double StatusSize = 11;
        public const double LineHeight = 16;
        public const double Padding = 10;
        private const int MaxSummary = 40;
        private const double MinWidth = 110;

        public NodeCard(GraphNode node)
        {
            Key = SvgText.OneLine(node.Key);
            Summary = string.IsNullOrEmpty(node.Summary) ? null : SvgText.Shorten(SvgText.OneLine(node.Summary!), MaxSummary);
            Status = string.IsNullOrEmpty(node.Status) ? null : SvgText.OneLine(node.Status!);
            var lines = 1 + (Summary == null ? 0 : 1) + (Status == null ? 0 : 1);
            var widest = Math.Max(TextMetrics.Width(Key, KeySize, bold: true),
                Math.Max(Summary == null ? 0 : TextMetrics.Width(Summary, SummarySize), Status == null ? 0 : TextMetrics.Width(Status, StatusSize)));
            Width = Math.Ceiling(Math.Max(MinWidth, widest + 2 * Padding));
            Height = Padding + lines * LineHeight + Padding / 2;
        }

        public string Key { get; }

        public string? Summary { get; }

        public string? Status { get; }

        public double Width { get; }

        public double Height { get; }
    }
}
