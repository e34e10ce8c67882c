using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace PSRemoteLinks.Tests.Graph
{
    /// <summary>The SVG's geometry, on a graph large and tangled enough for the layout to matter.</summary>
    public class SvgLayoutTests : EngineTest
    {
        private const double OnOutline = 1.5;

        [Fact]
        public void Boxes_never_overlap_and_every_arrow_runs_from_its_source_box_to_its_target_box()
        {
            var (keys, from, to) = TangledGraph(nodes: 60, extraEdges: 45, seed: 7);
            var summaries = keys.Select((k, i) => (string?)("Summary of " + k + new string('x', i % 30))).ToArray();
            var statuses = keys.Select(_ => (string?)"To Do").ToArray();
            var relationships = from.Select((_, i) => i % 2 == 0 ? "blocks" : "relates to").ToArray();

            var result = Run(HandBuiltLinks.Script, HandBuiltLinks.Variables(keys, summaries, statuses, from, to, relationships, new() { ["Format"] = "Svg" }));

            Assert.Empty(result.Errors);
            var svg = SvgDrawing.Parse(Assert.Single(result.Output).BaseObject.ToString()!);
            Assert.Equal(keys, svg.Issues.Select(i => i.Key).ToArray());
            Assert.All(keys, key => Assert.Single(svg.AllTexts, t => t == key));
            Assert.Equal(from.Length, svg.Links.Count);

            var boxes = svg.Issues.ToDictionary(i => i.Key, i => i.Box);
            for (var a = 0; a < svg.Issues.Count; a++)
            {
                for (var b = a + 1; b < svg.Issues.Count; b++)
                {
                    Assert.False(svg.Issues[a].Box.Overlaps(svg.Issues[b].Box), svg.Issues[a].Key + " overlaps " + svg.Issues[b].Key);
                }
            }

            for (var i = 0; i < svg.Links.Count; i++)
            {
                var link = svg.Links[i];
                Assert.Equal((from[i], to[i]), (link.From, link.To));
                var start = boxes[link.From].DistanceToOutline(link.Start.X, link.Start.Y);
                var tip = boxes[link.To].DistanceToOutline(link.Tip.X, link.Tip.Y);
                Assert.True(start <= OnOutline, $"{link.From} -> {link.To} starts {start:0.00} from its source box");
                Assert.True(tip <= OnOutline, $"{link.From} -> {link.To} ends {tip:0.00} from its target box");
            }

            var viewBox = svg.Document.Root!.Attribute("viewBox")!.Value.Split(' ').Select(double.Parse).ToArray();
            Assert.All(svg.Issues, issue => Assert.True(issue.Box.Left >= 0 && issue.Box.Top >= 0 && issue.Box.Right <= viewBox[2] && issue.Box.Bottom <= viewBox[3]));
        }

        [Fact]
        public void The_svg_needs_nothing_from_the_network_and_has_no_script()
        {
            var (keys, from, to) = TangledGraph(nodes: 6, extraEdges: 2, seed: 3);
            var none = keys.Select(_ => (string?)null).ToArray();

            var result = Run(HandBuiltLinks.Script, HandBuiltLinks.Variables(keys, none, none, from, to, from.Select(_ => "blocks").ToArray(), new() { ["Format"] = "Svg" }));

            var text = Assert.Single(result.Output).BaseObject.ToString()!;
            foreach (var forbidden in new[] { "href", "url(", "@import", "<script", "<foreignObject", "http://", "https://" })
            {
                Assert.DoesNotContain(forbidden, text.Replace("xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            }
        }

        /// <summary>A spanning tree (each issue linked from an earlier one) plus extra links across it, and a separate pair.</summary>
        internal static (string[] Keys, string[] From, string[] To) TangledGraph(int nodes, int extraEdges, int seed)
        {
            var random = new Random(seed);
            var keys = Enumerable.Range(1, nodes).Select(i => "K-" + i).Concat(new[] { "Z-1", "Z-2" }).ToArray();
            var pairs = new List<(int, int)>();
            for (var i = 1; i < nodes; i++)
            {
                pairs.Add((random.Next(i), i));
            }

            while (pairs.Count < nodes - 1 + extraEdges)
            {
                var a = random.Next(nodes);
                var b = random.Next(nodes);
                if (a != b && !pairs.Contains((a, b)) && !pairs.Contains((b, a)))
                {
                    pairs.Add((a, b));
                }
            }

            pairs.Add((nodes, nodes + 1));
            return (keys, pairs.Select(p => keys[p.Item1]).ToArray(), pairs.Select(p => keys[p.Item2]).ToArray());
        }
    }
}
