using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using PSRemoteLinks.GraphLayout;

namespace PSRemoteLinks.Graph
{
    /// <summary>
    /// Draws the graph as a self-contained SVG from the layout PSRemoteLinks.GraphLayout computes: rounded boxes
    /// coloured by status category (a thick border for start issues), arrows with heads and labels, and a legend.
    /// No script, no external font, image or link. Every text goes through XmlWriter, which escapes it.
    /// Only <see cref="SvgExport"/> calls this, after loading the layout assembly.
    /// </summary>
    internal static class SvgWriter
    {
        private const string Font = "Segoe UI, Helvetica, Arial, sans-serif";
        private const string ArrowColour = "#5E6C84";
        private const double LabelSize = 11;
        private const double HeadHalfWidth = 4.5;
        private const double LegendHeight = 34;
        private const string SvgNamespace = "http://www.w3.org/2000/svg";

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string Write(LinkGraph graph)
        {
            var cards = graph.Nodes.Select(n => new NodeCard(n)).ToArray();
            var index = new Dictionary<GraphNode, int>();
            for (var i = 0; i < graph.Nodes.Count; i++)
            {
                index[graph.Nodes[i]] = i;
            }

            var boxes = cards.Select(c => new BoxSize(c.Width, c.Height)).ToArray();
            var arrows = graph.Edges.Select(e => new ArrowRequest(index[e.From], index[e.To],
                TextMetrics.Width(SvgText.OneLine(e.Label), LabelSize) + 6, LabelSize + 4)).ToArray();
            var layout = LayeredLayout.Arrange(boxes, arrows);

            var width = Math.Max(layout.Width, LegendWidth());
            var height = layout.Height + LegendHeight;
            using var buffer = new MemoryStream();
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
            using (var xml = XmlWriter.Create(buffer, settings))
            {
                xml.WriteStartDocument();
                xml.WriteStartElement("svg", SvgNamespace);
                Attr(xml, "width", width);
                Attr(xml, "height", height);
                xml.WriteAttributeString("viewBox", "0 0 " + Number(width) + " " + Number(height));
                xml.WriteAttributeString("font-family", Font);
                xml.WriteElementString("title", SvgNamespace, "Issue links: " + graph.Nodes.Count.ToString(CultureInfo.InvariantCulture) + " issues, "
                    + graph.Edges.Count.ToString(CultureInfo.InvariantCulture) + " links");
                xml.WriteStartElement("rect");
                xml.WriteAttributeString("width", "100%");
                xml.WriteAttributeString("height", "100%");
                xml.WriteAttributeString("fill", "#FFFFFF");
                xml.WriteEndElement();

                xml.WriteStartElement("g");
                xml.WriteAttributeString("class", "links");
                for (var i = 0; i < graph.Edges.Count; i++)
                {
                    WriteArrow(xml, graph.Edges[i], layout.Arrows[i]);
                }

                xml.WriteEndElement();

                xml.WriteStartElement("g");
                xml.WriteAttributeString("class", "issues");
                for (var i = 0; i < graph.Nodes.Count; i++)
                {
                    WriteNode(xml, graph.Nodes[i], cards[i], layout.Boxes[i]);
                }

                xml.WriteEndElement();
                WriteLegend(xml, layout.Height);
                xml.WriteEndElement();
                xml.WriteEndDocument();
            }

            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }

        private static void WriteArrow(XmlWriter xml, GraphEdge edge, PlacedArrow arrow)
        {
            xml.WriteStartElement("g");
            xml.WriteAttributeString("class", "link");
            xml.WriteAttributeString("data-from", SvgText.OneLine(edge.From.Key));
            xml.WriteAttributeString("data-to", SvgText.OneLine(edge.To.Key));

            var path = new StringBuilder();
            for (var i = 0; i < arrow.Pieces.Count; i++)
            {
                var piece = arrow.Pieces[i];
                if (i == 0)
                {
                    path.Append('M').Append(Point(piece.Start));
                }

                path.Append(piece.IsCurve ? " C" + Point(piece.Control1) + " " + Point(piece.Control2) + " " + Point(piece.End) : " L" + Point(piece.End));
            }

            xml.WriteStartElement("path");
            xml.WriteAttributeString("d", path.ToString());
            xml.WriteAttributeString("fill", "none");
            xml.WriteAttributeString("stroke", ArrowColour);
            xml.WriteAttributeString("stroke-width", "1.3");
            xml.WriteEndElement();

            var dx = arrow.Tip.X - arrow.HeadBase.X;
            var dy = arrow.Tip.Y - arrow.HeadBase.Y;
            var length = Math.Sqrt(dx * dx + dy * dy);
            if (length > 0.01)
            {
                var nx = -dy / length * HeadHalfWidth;
                var ny = dx / length * HeadHalfWidth;
                xml.WriteStartElement("polygon");
                xml.WriteAttributeString("points", Point(arrow.Tip) + " " + Point(new ScreenPoint(arrow.HeadBase.X + nx, arrow.HeadBase.Y + ny))
                    + " " + Point(new ScreenPoint(arrow.HeadBase.X - nx, arrow.HeadBase.Y - ny)));
                xml.WriteAttributeString("fill", ArrowColour);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("text");
            Attr(xml, "x", arrow.LabelCenter.X);
            Attr(xml, "y", arrow.LabelCenter.Y + LabelSize / 3);
            xml.WriteAttributeString("text-anchor", "middle");
            Attr(xml, "font-size", LabelSize);
            xml.WriteAttributeString("fill", "#42526E");
            xml.WriteAttributeString("stroke", "#FFFFFF");
            xml.WriteAttributeString("stroke-width", "3");
            xml.WriteAttributeString("paint-order", "stroke");
            xml.WriteString(SvgText.OneLine(edge.Label));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        private static void WriteNode(XmlWriter xml, GraphNode node, NodeCard card, PlacedBox box)
        {
            var style = StatusStyle.For(node.Category);
            xml.WriteStartElement("g");
            xml.WriteAttributeString("class", node.IsStart ? "issue start " + style.Name : "issue " + style.Name);
            xml.WriteAttributeString("data-key", card.Key);
            if (!string.IsNullOrEmpty(node.Summary))
            {
                // The whole summary as a tooltip: the box shows it shortened.
                xml.WriteElementString("title", SvgNamespace, SvgText.OneLine(node.Summary!));
            }

            xml.WriteStartElement("rect");
            Attr(xml, "x", box.Left);
            Attr(xml, "y", box.Top);
            Attr(xml, "width", box.Width);
            Attr(xml, "height", box.Height);
            Attr(xml, "rx", LayeredLayout.CornerRadius);
            Attr(xml, "ry", LayeredLayout.CornerRadius);
            xml.WriteAttributeString("fill", style.Fill);
            xml.WriteAttributeString("stroke", style.Stroke);
            Attr(xml, "stroke-width", node.IsStart ? StatusStyle.StartBorder : 1);
            xml.WriteEndElement();

            var x = box.Left + NodeCard.Padding;
            var y = box.Top + NodeCard.Padding + NodeCard.LineHeight - 4;
            Line(xml, x, y, NodeCard.KeySize, card.Key, "font-weight", "bold");
            if (card.Summary != null)
            {
                y += NodeCard.LineHeight;
                Line(xml, x, y, NodeCard.SummarySize, card.Summary, null, null);
            }

            if (card.Status != null)
            {
                y += NodeCard.LineHeight;
                Line(xml, x, y, NodeCard.StatusSize, card.Status, "font-style", "italic");
            }

            xml.WriteEndElement();
        }

        private static void Line(XmlWriter xml, double x, double y, double size, string text, string? attribute, string? value)
        {
            xml.WriteStartElement("text");
            Attr(xml, "x", x);
            Attr(xml, "y", y);
            Attr(xml, "font-size", size);
            xml.WriteAttributeString("fill", StatusStyle.TextColour);
            if (attribute != null)
            {
                xml.WriteAttributeString(attribute, value);
            }

            xml.WriteString(text);
            xml.WriteEndElement();
        }

        private static double LegendWidth() => 12 + StatusStyle.All.Length * 110 + 160;

        private static void WriteLegend(XmlWriter xml, double top)
        {
            xml.WriteStartElement("g");
            xml.WriteAttributeString("class", "legend");
            double x = 12;
            var y = top + 8;
            foreach (var style in StatusStyle.All)
            {
                Swatch(xml, x, y, style.Fill, style.Stroke, 1);
                Caption(xml, x + 22, y + 11, style.Legend);
                x += 110;
            }

            Swatch(xml, x, y, "#FFFFFF", ArrowColour, StatusStyle.StartBorder);
            Caption(xml, x + 22, y + 11, "thick border: start issue");
            xml.WriteEndElement();
        }

        private static void Swatch(XmlWriter xml, double x, double y, string fill, string stroke, double border)
        {
            xml.WriteStartElement("rect");
            Attr(xml, "x", x);
            Attr(xml, "y", y);
            Attr(xml, "width", 16);
            Attr(xml, "height", 14);
            Attr(xml, "rx", 3);
            xml.WriteAttributeString("fill", fill);
            xml.WriteAttributeString("stroke", stroke);
            Attr(xml, "stroke-width", border);
            xml.WriteEndElement();
        }

        private static void Caption(XmlWriter xml, double x, double y, string text)
        {
            xml.WriteStartElement("text");
            Attr(xml, "x", x);
            Attr(xml, "y", y);
            Attr(xml, "font-size", 11);
            xml.WriteAttributeString("fill", StatusStyle.TextColour);
            xml.WriteString(text);
            xml.WriteEndElement();
        }

        private static void Attr(XmlWriter xml, string name, double value) => xml.WriteAttributeString(name, Number(value));

        private static string Point(ScreenPoint point) => Number(point.X) + "," + Number(point.Y);

        private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
    }
}
