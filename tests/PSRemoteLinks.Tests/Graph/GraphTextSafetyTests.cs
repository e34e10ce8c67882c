using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace PSRemoteLinks.Tests.Graph
{
    /// <summary>Whatever a summary, key, status or relationship holds, each format reads back to the same graph, the text intact.</summary>
    public class GraphTextSafetyTests : EngineTest
    {
        private static readonly string[] Keys = { "H-1", "ODD\"KEY<1>]", "H 3", "H-4", "H-5", "H-6", "H-7", "H-8", "H-9" };

        private static readonly string?[] Summaries =
        {
            "He said \"hi\" <script>alert(1)</script>",
            "a\"]; n9[\"injected\"]; n1 --> n9 %% comment",
            "x --> y\nz\r\nw",
            "%%{init: {\"theme\":\"dark\"}}%%",
            "back\\slash \\n not a newline & &amp; #quot; #35; &#60;",
            "]]> </text><script>alert(1)</script><text>",
            "Проверка 测试 🚀",
            "ctrl\u0001char\ttab",
            null,
        };

        private static readonly string?[] Statuses = { "<i>Done</i>", "In \"Review\"", null, "a|b", "#35;", "x\ny", "Готово", "}", null };

        private static readonly string[] From = { "H-1", "ODD\"KEY<1>]", "H 3", "H-4", "H-5", "H-6", "H-7", "H-8" };

        private static readonly string[] To = { "ODD\"KEY<1>]", "H 3", "H-4", "H-5", "H-6", "H-7", "H-8", "H-9" };

        private static readonly string[] Relationships =
        {
            "is \"blocked\" by -->|x|", "blocks\nnewline", "a & b", "<b>bold</b>", "%%{init}%%", "]] [[", "\\N \\G", "`tick`",
        };

        [Theory]
        [InlineData("Mermaid")]
        [InlineData("Dot")]
        public void Hostile_text_round_trips_escaped_and_adds_no_node_or_edge(string format)
        {
            var result = Run(HandBuiltLinks.Script, HandBuiltLinks.Variables(Keys, Summaries, Statuses, From, To, Relationships, new() { ["Format"] = format }));

            Assert.Empty(result.Errors);
            var text = Assert.Single(result.Output).BaseObject.ToString()!;
            var graph = format == "Mermaid" ? MermaidReader.Read(text) : DotReader.Read(text);
            var expectedNodes = Keys.Select((key, i) => new DrawnNode(key, Summaries[i], Statuses[i], "nocategory", i == 0)).ToArray();
            Assert.Equal(expectedNodes, graph.Nodes);
            Assert.Equal(From.Select((from, i) => new DrawnEdge(from, Relationships[i], To[i])).ToArray(), graph.Edges);
        }

        [Fact]
        public void Hostile_text_in_the_svg_is_text_only_and_every_key_is_drawn_once()
        {
            var result = Run(HandBuiltLinks.Script, HandBuiltLinks.Variables(Keys, Summaries, Statuses, From, To, Relationships, new() { ["Format"] = "Svg" }));

            Assert.Empty(result.Errors);
            var svg = SvgDrawing.Parse(Assert.Single(result.Output).BaseObject.ToString()!);
            var allowed = new[] { "svg", "title", "rect", "g", "path", "polygon", "text" };
            Assert.All(svg.Document.Descendants(), e => Assert.Contains(e.Name.LocalName, allowed));
            Assert.Equal(Keys, svg.Issues.Select(i => i.Key).ToArray());
            Assert.All(Keys, key => Assert.Single(svg.AllTexts, t => t == key));
            // Line breaks become spaces in a drawn line; the box shows at most 40 characters, the tooltip all of it.
            Assert.Equal(new[] { "H 3", "x --> y z  w" }, svg.Issues[2].Texts.ToArray());
            Assert.Equal(new[] { "H-6", "]]> </text><script>alert(1)</script><te\u2026", "x y" }, svg.Issues[5].Texts.ToArray());
            Assert.Equal("ctrl\uFFFDchar tab", svg.Issues[7].Texts[1]);
            Assert.Equal(Relationships.Select(r => r.Replace('\n', ' ')).ToArray(), svg.Links.Select(l => l.Label).ToArray());
        }
    }
}
