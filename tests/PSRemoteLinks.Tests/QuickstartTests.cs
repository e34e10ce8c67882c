using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PSRemoteLinks.Quickstart;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>The README's main command, `dotnet run --project samples/Quickstart`, runs every step and exits 0.</summary>
    public class QuickstartTests
    {
        [Fact]
        public async Task Every_step_runs_and_prints_what_a_user_would_see()
        {
            using var output = new StringWriter();
            var folder = Directory.CreateTempSubdirectory("psrl-quickstart-");
            var graphPath = Path.Combine(folder.FullName, "dependency-graph.svg");

            int exitCode;
            string graph;
            try
            {
                exitCode = await QuickstartRunner.RunAsync(output, graphPath: graphPath);
                graph = File.ReadAllText(graphPath);
            }
            finally
            {
                folder.Delete(recursive: true);
            }

            var text = output.ToString();
            Assert.True(exitCode == 0, text);
            Assert.Contains("All 19 steps ran.", text);
            // The tour draws DEMO-1..3: DEMO-3 blocks DEMO-1 (sample data) and DEMO-2 blocks DEMO-1 (made by the tour).
            Assert.Contains("    n1[\"<b>DEMO-1</b><br/>Login fails on Safari<br/><i>To Do</i>\"]", text);
            Assert.Contains("Saved to " + graphPath, text);
            var drawing = Graph.SvgDrawing.Parse(graph);
            Assert.Equal(new[] { "DEMO-1", "DEMO-2", "DEMO-3" }, drawing.Issues.Select(i => i.Key).OrderBy(k => k, System.StringComparer.Ordinal).ToArray());
            Assert.Equal(new[] { "DEMO-2 blocks DEMO-1", "DEMO-3 blocks DEMO-1" }, drawing.Links.Select(l => l.From + " " + l.Label + " " + l.To).OrderBy(s => s, System.StringComparer.Ordinal).ToArray());
            // README shows the committed copy: `dotnet run --project samples/Quickstart -- --graph docs/images/dependency-graph.svg` renews it.
            var committed = File.ReadAllText(Path.Combine(ModuleManifestTests.RepositoryRoot(), "docs", "images", "dependency-graph.svg"));
            Assert.True(committed.Replace("\r\n", "\n", System.StringComparison.Ordinal) == graph,
                "docs/images/dependency-graph.svg is not what the quickstart draws now: run `dotnet run --project samples/Quickstart -- --graph docs/images/dependency-graph.svg`.");
            Assert.DoesNotContain("!! step", text);
            // Ordinal: a culture-aware search ignores the escape character and would find any "[" (the Mermaid step has many).
            Assert.DoesNotContain("\u001b[", text, System.StringComparison.Ordinal);
            // The upsert kept one link, updated in place.
            Assert.Matches(new Regex(@"## 5\. Still one link on DEMO-2\s+PS> Get-RemoteIssueLink DEMO-2\s+Issue: DEMO-2\s+Id\s+Relationship\s+Title\s+Url\s+[- ]+\s+\d+ built by\s+Build #1024 \(green\)\s+https://ci\.example\.org/builds/1024\s+## 6"), text);
            Assert.Contains("What if: Performing the operation \"Remove\" on target \"remote link", text);
            Assert.Matches(new Regex(@"Issue: DEMO-2\s+Relationship[^\n]*\n[- ]+\n(?:[^\n]+\n)*?blocks\s+DEMO-1"), text);
            Assert.Matches(new Regex(@"Issue: DEMO-1\s+Relationship[^\n]*\n[- ]+\n(?:[^\n]+\n)*?is blocked by\s+DEMO-2"), text);
            Assert.Matches(new Regex(@"Issue: TREK-1\s+Relationship[^\n]*\n[- ]+\n(?:[^\n]+\n)*?is dependent by\s+TREK-2"), text);
            Assert.Matches(new Regex(@"True\s+demo-tracker\s+YandexTracker"), text);
            Assert.Matches(new Regex(@"PS> Get-RemoteIssueLink DEMO-2 -Connection demo-jira\s+Issue: DEMO-2"), text);
        }

        [Fact]
        public void The_tour_script_splits_into_titled_steps()
        {
            var steps = ScriptSteps.Parse("# preamble\n# --- One\nGet-A\n\n# --- Two\nGet-B\nGet-C\n");
            Assert.Equal(2, steps.Count);
            Assert.Equal(("One", "Get-A"), (steps[0].Title, steps[0].Code));
            Assert.Equal("Two", steps[1].Title);
            Assert.Equal(new[] { "Get-B", "Get-C" }, steps[1].Code.Split(System.Environment.NewLine));
        }
    }
}
