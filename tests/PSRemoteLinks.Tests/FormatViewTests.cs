using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.EngineHost;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// The default views of the module's output types, as Out-Default renders them in a 120-column console, and
    /// the format file itself: it loads without error, list views included, and names only real properties.
    /// </summary>
    public sealed class FormatViewTests : EngineTest
    {
        private static string FormatFile => Path.Combine(Path.GetDirectoryName(ModuleLocation.PublishedManifest)!, "PSRemoteLinks.Format.ps1xml");

        protected override EmulatorOptions CreateOptions() => new() { SeedSampleData = true };

        [Fact]
        public void A_remote_link_shows_issue_id_relationship_title_and_url()
        {
            ConnectJira();

            var lines = Table("Get-RemoteIssueLink DEMO-1");

            Assert.Equal(new[] { "Issue", "Id", "Relationship", "Title", "Url" }, Words(lines[0]));
            Assert.Equal("DEMO-1 10000 built by Build #991 https://ci.example.org/builds/991", Squeeze(lines[2]));
            Assert.Equal("DEMO-1 10001 Safari login notes https://docs.example.org/safari-login", Squeeze(lines[3]));
        }

        [Fact]
        public void A_Tracker_external_link_shows_its_application_and_key_in_place_of_title_and_url()
        {
            ConnectTracker();

            var lines = Table("Get-RemoteIssueLink TREK-1");

            Assert.Equal("TREK-1 51299313 relates Bitbucket PR-42 ru.yandex.bitbucket", Squeeze(lines[2]));
        }

        [Fact]
        public void An_issue_link_reads_as_a_sentence_with_the_linked_issue_status_summary_and_id()
        {
            ConnectJira();

            var lines = Table("Get-IssueLink DEMO-1");

            Assert.Equal(new[] { "Issue", "Relationship", "LinkedIssue", "Status", "Summary", "Id" }, Words(lines[0]));
            Assert.Equal("DEMO-1 is blocked by DEMO-3 Done Upgrade TLS library 20000", Squeeze(lines[2]));
        }

        [Fact]
        public void A_link_type_shows_its_id_name_and_both_phrases()
        {
            ConnectJira();

            var lines = Table("Get-IssueLinkType");

            Assert.Equal(new[] { "Id", "Name", "Outward", "Inward" }, Words(lines[0]));
            Assert.Equal("10000 Blocks blocks is blocked by", Squeeze(lines[2]));
        }

        [Fact]
        public void The_connection_table_marks_the_default_connection_and_shows_no_secret()
        {
            ConnectJira("-Name work");
            ConnectTracker("-Name tracker");

            var lines = Table("Get-IssueTrackerConnection");

            Assert.Equal(new[] { "Default", "Name", "Kind", "User", "Uri" }, Words(lines[0]));
            Assert.Equal("work Jira Emulated Admin " + Server.JiraUri.AbsoluteUri.TrimEnd('/'), Squeeze(lines[2]));
            Assert.Equal("* tracker YandexTracker Emulated Admin " + Server.TrackerUri.AbsoluteUri.TrimEnd('/'), Squeeze(lines[3]));
            Assert.DoesNotContain(Options.JiraApiToken, string.Join("\n", lines), StringComparison.Ordinal);
            Assert.DoesNotContain(Options.TrackerOAuthToken, string.Join("\n", lines), StringComparison.Ordinal);
        }

        [Fact]
        public void Long_keys_and_values_fit_a_120_column_console_without_hiding_the_key()
        {
            Server.Jira.AddIssue("PLATFORM-12345", "A summary much longer than the column that shows it, so it is cut at the column's edge");
            Server.Jira.AddIssue("PLATFORM-12346", "Other");
            Server.Jira.AddIssueLink("Blocks", inwardKey: "PLATFORM-12346", outwardKey: "PLATFORM-12345");
            Server.Jira.AddRemoteLink("PLATFORM-12345",
                "{\"relationship\":\"mentioned in\",\"object\":{\"url\":\"https://wiki.example.org/display/ENGINEERING/A+page+with+a+very+long+address+indeed\",\"title\":\"A title longer than its column in the default table view\"}}");
            ConnectJira();

            var links = Table("Get-RemoteIssueLink PLATFORM-12345");
            var issueLinks = Table("Get-IssueLink PLATFORM-12345");

            Assert.All(links.Concat(issueLinks), line => Assert.True(line.Length <= 120, line.Length + " columns: " + line));
            Assert.StartsWith("PLATFORM-12345 ", links[2], StringComparison.Ordinal);
            Assert.StartsWith("PLATFORM-12345 ", issueLinks[2], StringComparison.Ordinal);
            Assert.Contains(" PLATFORM-12346 ", issueLinks[2], StringComparison.Ordinal);
        }

        [Fact]
        public void The_module_imports_its_format_file_without_an_error()
        {
            using var shell = PowerShellSession.Create();
            var result = shell.Run("(Import-Module $path -PassThru).ExportedFormatFiles", With("path", ModuleLocation.PublishedManifest));

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            Assert.Equal(FormatFile, Assert.Single(result.Output).ToString());
        }

        [Fact]
        public void Every_view_of_the_format_file_loads_list_views_included()
        {
            // The engine's FormatTable validates every view of the file and throws on any error.
            var table = new FormatTable(new[] { FormatFile });

            Assert.NotNull(table);
            var views = XDocument.Load(FormatFile).Descendants("View").ToList();
            Assert.Equal(10, views.Count);
            foreach (var type in views.Select(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value).Distinct())
            {
                var controls = views.Where(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type).Select(v => v.Elements().Last().Name.LocalName);
                Assert.Equal(new[] { "TableControl", "ListControl" }, controls);
            }
        }

        [Fact]
        public void Every_property_a_view_names_exists_and_every_script_block_parses()
        {
            foreach (var view in XDocument.Load(FormatFile).Descendants("View"))
            {
                var type = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
                var properties = Run("([type]$name).GetProperties().Name", With("name", type))
                    .Output.Select(o => o.ToString()).ToList();
                Assert.NotEmpty(properties);
                foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
                {
                    Assert.True(properties.Contains(property), $"{type} has no property {property}");
                }

                foreach (var script in view.Descendants("ScriptBlock").Select(s => s.Value))
                {
                    Parser.ParseInput(script, out _, out var errors);
                    Assert.True(errors.Length == 0, type + ": " + script);
                    foreach (var used in Regex.Matches(script, @"\$_\.(\w+)").Select(m => m.Groups[1].Value))
                    {
                        Assert.True(properties.Contains(used), $"{type} has no property {used} (used in {script})");
                    }
                }
            }
        }

        private List<string> Table(string script)
        {
            // The test host renders like a console without virtual terminal support: no ANSI colour codes.
            var text = Shell.Render(script);
            Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
            var lines = text.Split('\n')
                .Select(l => l.TrimEnd('\r'))
                .Where(l => l.Trim().Length > 0 && !l.StartsWith("PROGRESS: ", StringComparison.Ordinal))
                .ToList();
            Assert.True(lines.Count >= 3, "a header, its underline and a row:\n" + string.Join("\n", lines));
            Assert.Matches("^[- ]+$", lines[1]);
            return lines;
        }

        private static string[] Words(string header) => header.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        private static string Squeeze(string line) => Regex.Replace(line.Trim(), " {2,}", " ");
    }
}
