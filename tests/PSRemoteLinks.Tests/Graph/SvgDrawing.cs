using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace PSRemoteLinks.Tests.Graph
{
    /// <summary>A box of the drawing, in SVG user units.</summary>
    public sealed record Box(double Left, double Top, double Width, double Height)
    {
        public double Right => Left + Width;

        public double Bottom => Top + Height;

        public bool Overlaps(Box other) =>
            Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

        /// <summary>How far the point is from the box's outline (0 on it).</summary>
        public double DistanceToOutline(double x, double y)
        {
            var inside = x >= Left && x <= Right && y >= Top && y <= Bottom;
            if (inside)
            {
                return new[] { x - Left, Right - x, y - Top, Bottom - y }.Min();
            }

            var dx = Math.Max(Math.Max(Left - x, 0), x - Right);
            var dy = Math.Max(Math.Max(Top - y, 0), y - Bottom);
            return Math.Sqrt(dx * dx + dy * dy);
        }
    }

    public sealed record SvgIssue(string Key, Box Box, IReadOnlyList<string> Texts, string Classes);

    public sealed record SvgLink(string From, string To, (double X, double Y) Start, (double X, double Y) Tip, string Label);

    /// <summary>Reads the SVG Export-IssueLinkGraph writes; parsing it with XDocument is the well-formedness check.</summary>
    public sealed class SvgDrawing
    {
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        private SvgDrawing(XDocument document, IReadOnlyList<SvgIssue> issues, IReadOnlyList<SvgLink> links)
        {
            Document = document;
            Issues = issues;
            Links = links;
        }

        public XDocument Document { get; }

        public IReadOnlyList<SvgIssue> Issues { get; }

        public IReadOnlyList<SvgLink> Links { get; }

        /// <summary>Every text element's content, anywhere in the drawing (titles are tooltips, not drawn text).</summary>
        public IEnumerable<string> AllTexts => Document.Descendants(Svg + "text").Select(t => t.Value);

        public static SvgDrawing Parse(string text)
        {
            var document = XDocument.Parse(text, LoadOptions.None);
            if (document.Root?.Name != Svg + "svg")
            {
                throw new XmlException("The root is not an SVG element.");
            }

            var issues = document.Descendants(Svg + "g").Where(g => HasClass(g, "issue")).Select(g =>
            {
                var rect = g.Element(Svg + "rect")!;
                var box = new Box(Number(rect, "x"), Number(rect, "y"), Number(rect, "width"), Number(rect, "height"));
                return new SvgIssue(g.Attribute("data-key")!.Value, box, g.Elements(Svg + "text").Select(t => t.Value).ToList(), g.Attribute("class")!.Value);
            }).ToList();

            var links = document.Descendants(Svg + "g").Where(g => HasClass(g, "link")).Select(g =>
            {
                var start = Regex.Match(g.Element(Svg + "path")!.Attribute("d")!.Value, @"^M([-\d.]+),([-\d.]+)");
                var tip = Regex.Match(g.Element(Svg + "polygon")!.Attribute("points")!.Value, @"^([-\d.]+),([-\d.]+)");
                return new SvgLink(g.Attribute("data-from")!.Value, g.Attribute("data-to")!.Value,
                    (ParseNumber(start.Groups[1].Value), ParseNumber(start.Groups[2].Value)), (ParseNumber(tip.Groups[1].Value), ParseNumber(tip.Groups[2].Value)),
                    g.Element(Svg + "text")!.Value);
            }).ToList();

            return new SvgDrawing(document, issues, links);
        }

        private static bool HasClass(XElement element, string name) =>
            (element.Attribute("class")?.Value ?? string.Empty).Split(' ').Contains(name);

        private static double Number(XElement element, string attribute) => ParseNumber(element.Attribute(attribute)!.Value);

        private static double ParseNumber(string text) => double.Parse(text, CultureInfo.InvariantCulture);
    }
}
