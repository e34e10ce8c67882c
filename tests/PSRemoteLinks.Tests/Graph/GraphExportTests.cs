using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace PSRemoteLinks.Tests.Graph
{
    /// <summary>Export-IssueLinkGraph through the published module, from links the emulator served: what is drawn, once, which way.</summary>
    public class GraphExportTests : EngineTest
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("REL-1", "Release 3.0");
            Server.Jira.AddIssue("DEV-1", "Parser rewrite", "In Progress");
            Server.Jira.AddIssue("DEV-2", "Docs", "Done");
            Server.Jira.AddIssueLink("Blocks", inwardKey: "DEV-1", outwardKey: "REL-1");
            Server.Jira.AddIssueLink("Blocks", inwardKey: "DEV-2", outwardKey: "REL-1");
            Server.Jira.AddIssueLink("Relates", inwardKey: "DEV-1", outwardKey: "DEV-2");
            ConnectJira();
        }

        [Theory]
        [InlineData("Mermaid")]
        [InlineData("Dot")]
        public void Each_issue_is_one_node_and_each_link_one_edge_read_the_way_it_reads(string format)
        {
            var result = Run("Get-IssueLink REL-1, DEV-1, DEV-2 | Export-IssueLinkGraph -Format " + format);

            Assert.Empty(result.Errors);
            var text = Assert.IsType<string>(Assert.Single(result.Output).BaseObject);
            var graph = format == "Mermaid" ? MermaidReader.Read(text) : DotReader.Read(text);
            Assert.Equal(new[] { "REL-1", "DEV-1", "DEV-2" }, graph.Keys);
            // Six IssueLink objects (each link read from both issues) are three edges, each in its outward reading.
            Assert.Equal(new[] { "DEV-1 blocks REL-1", "DEV-2 blocks REL-1", "DEV-1 relates to DEV-2" }, graph.Sentences);
            Assert.Equal(new DrawnNode("REL-1", "Release 3.0", "To Do", "todo", true), graph.Node("REL-1"));
            Assert.Equal(new DrawnNode("DEV-1", "Parser rewrite", "In Progress", "inprogress", true), graph.Node("DEV-1"));
            Assert.Equal(new DrawnNode("DEV-2", "Docs", "Done", "done", true), graph.Node("DEV-2"));
        }

        [Fact]
        public void Only_the_issues_read_from_are_start_issues_and_a_link_seen_from_its_inward_side_only_reads_that_way()
        {
            var text = Assert.Single(Run("Get-IssueLink REL-1 | Export-IssueLinkGraph").Output).BaseObject.ToString()!;

            var graph = MermaidReader.Read(text);
            Assert.Equal(new[] { "REL-1 is blocked by DEV-1", "REL-1 is blocked by DEV-2" }, graph.Sentences);
            Assert.Equal(new[] { true, false, false }, graph.Nodes.Select(n => n.IsStart).ToArray());
            Assert.Equal("inprogress", graph.Node("DEV-1").Category);
        }

        [Fact]
        public void Tracker_links_seen_from_both_sides_are_one_edge_in_the_outward_reading()
        {
            Server.Tracker.AddIssue("Q-1", "Set up CI");
            Server.Tracker.AddIssue("Q-2", "Ship", "inProgress");
            Server.Tracker.AddIssue("Q-3", "Announce", "closed");
            Server.Tracker.AddLink("Q-2", "depends on", "Q-1");
            Server.Tracker.AddLink("Q-3", "relates", "Q-2");
            ConnectTracker();

            var result = Run("Get-IssueLink Q-1, Q-2, Q-3 | Export-IssueLinkGraph -Format Dot");

            Assert.Empty(result.Errors);
            var graph = DotReader.Read(Assert.Single(result.Output).BaseObject.ToString()!);
            Assert.Equal(new[] { "Q-1", "Q-2", "Q-3" }, graph.Keys);
            Assert.Equal(new[] { "Q-2 depends on Q-1", "Q-3 relates Q-2" }, graph.Sentences);
            Assert.Equal("inprogress", graph.Node("Q-2").Category);
            Assert.Equal("done", graph.Node("Q-3").Category);
        }

        [Theory]
        [InlineData("graph.mmd", "flowchart TD\n")]
        [InlineData("graph.md", "```mermaid\nflowchart TD\n")]
        [InlineData("graph.dot", "digraph IssueLinks {\n")]
        [InlineData("graph.GV", "digraph IssueLinks {\n")]
        [InlineData("graph.svg", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<svg ")]
        public void Path_writes_the_format_its_extension_names_and_nothing_to_the_pipeline(string name, string start)
        {
            var folder = Directory.CreateTempSubdirectory("psrl-graph-");
            try
            {
                var result = Run("Set-Location $dir; Get-IssueLink REL-1 | Export-IssueLinkGraph " + name, With("dir", folder.FullName));

                Assert.Empty(result.Errors);
                Assert.Empty(result.Output);
                var bytes = File.ReadAllBytes(Path.Combine(folder.FullName, name));
                Assert.NotEqual(0xEF, bytes[0]); // UTF-8 without a byte order mark
                var text = System.Text.Encoding.UTF8.GetString(bytes);
                Assert.StartsWith(start, text);
                var keys = name.EndsWith(".svg", StringComparison.Ordinal) ? SvgDrawing.Parse(text).Issues.Select(i => i.Key).ToArray()
                    : name.EndsWith(".GV", StringComparison.Ordinal) || name.EndsWith(".dot", StringComparison.Ordinal) ? DotReader.Read(text).Keys
                    : MermaidReader.Read(text).Keys;
                Assert.Equal(new[] { "REL-1", "DEV-1", "DEV-2" }, keys);
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        [Fact]
        public void Format_overrides_the_extension_and_an_existing_file_is_replaced()
        {
            var file = Path.Combine(Path.GetTempPath(), "psrl-graph-" + Guid.NewGuid().ToString("N") + ".txt");
            File.WriteAllText(file, new string('x', 100_000));
            try
            {
                var result = Run("Get-IssueLink DEV-2 | Export-IssueLinkGraph $file -Format Dot", With("file", file));

                Assert.Empty(result.Errors);
                Assert.Equal(new[] { "DEV-2 blocks REL-1", "DEV-2 relates to DEV-1" }, DotReader.Read(File.ReadAllText(file)).Sentences);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void An_unknown_extension_is_refused_before_any_link_is_read()
        {
            var error = TerminatingError("Get-IssueLink REL-1 | Export-IssueLinkGraph links.png");

            Assert.Equal("UnknownGraphFormat,PSRemoteLinks.Commands.ExportIssueLinkGraphCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("Cannot tell the graph format from the name 'links.png': use .mmd or .md (Mermaid), .dot or .gv (Graphviz DOT), .svg, or give -Format.", error.Exception.Message);
            Assert.DoesNotContain(Server.Requests.All, r => r.Path.Contains("/issue/", StringComparison.Ordinal));
        }

        [Fact]
        public void A_path_outside_the_file_system_is_refused()
        {
            var error = TerminatingError("Get-IssueLink REL-1 | Export-IssueLinkGraph Variable:/graph.svg");

            Assert.Equal("NotAFileSystemPath,PSRemoteLinks.Commands.ExportIssueLinkGraphCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("'Variable:/graph.svg' is not a file system path: Export-IssueLinkGraph writes files only.", error.Exception.Message);
        }

        [Fact]
        public void A_file_that_cannot_be_written_is_a_write_error_naming_it()
        {
            var file = Path.Combine(Path.GetTempPath(), "psrl-no-such-folder-" + Guid.NewGuid().ToString("N"), "graph.dot");

            var error = TerminatingError("Get-IssueLink REL-1 | Export-IssueLinkGraph $file", With("file", file));

            Assert.Equal("GraphFileNotWritten,PSRemoteLinks.Commands.ExportIssueLinkGraphCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
            Assert.StartsWith("Could not write the graph to '" + file + "': ", error.Exception.Message);
        }

        [Fact]
        public void WhatIf_writes_no_file()
        {
            var file = Path.Combine(Path.GetTempPath(), "psrl-graph-" + Guid.NewGuid().ToString("N") + ".svg");

            var result = Run("Get-IssueLink REL-1 | Export-IssueLinkGraph $file -WhatIf", With("file", file));

            Assert.Empty(result.Errors);
            Assert.False(File.Exists(file));
            Assert.Contains("What if: Performing the operation \"Write 3 issues and 2 links as Svg\" on target \"" + file + "\".", result.HostText);
        }

        [Fact]
        public void A_link_without_keys_is_an_error_and_the_rest_is_drawn()
        {
            var result = Run("@([PSRemoteLinks.IssueLink]@{ Issue = 'A-1'; LinkedIssue = ''; Relationship = 'blocks' }) + @(Get-IssueLink REL-1) | Export-IssueLinkGraph");

            var error = SingleError(result);
            Assert.Equal("InvalidInput,PSRemoteLinks.Commands.ExportIssueLinkGraphCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("A link needs both Issue and LinkedIssue to be drawn; this one has Issue 'A-1' and LinkedIssue ''.", error.Exception.Message);
            Assert.Equal(new[] { "REL-1", "DEV-1", "DEV-2" }, MermaidReader.Read(Assert.Single(result.Output).BaseObject.ToString()!).Keys);
        }

        [Fact]
        public void No_links_make_an_empty_graph_and_a_warning()
        {
            var result = Run("@() | Export-IssueLinkGraph -Format Dot");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "No issue links came through the pipeline: the graph is empty." }, result.Warnings);
            var graph = DotReader.Read(Assert.Single(result.Output).BaseObject.ToString()!);
            Assert.Empty(graph.Nodes);
            Assert.Empty(graph.Edges);
        }
    }
}
