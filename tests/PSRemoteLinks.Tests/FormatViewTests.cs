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
    /// The default views of the module's output types, as Out-Default renders them in a 120-column console and as
    /// Out-String renders them at 80 and 120 columns (tests/Views), and the format file itself: it loads without
    /// error, every header is the name of the property it shows, and every list view shows every property.
    /// </summary>
    public sealed class FormatViewTests : EngineTest
    {
        private static string FormatFile => Path.Combine(Path.GetDirectoryName(ModuleLocation.PublishedManifest)!, "PSRemoteLinks.Format.ps1xml");

        protected override EmulatorOptions CreateOptions() => new() { SeedSampleData = true };

        [Fact]
        public void Remote_links_are_grouped_by_issue_with_id_relationship_title_and_url()
        {
            ConnectJira();

            var lines = Table("Get-RemoteIssueLink DEMO-1");

            Assert.Equal("Issue: DEMO-1", lines[0].Trim());
            Assert.Equal(new[] { "Id", "Relationship", "Title", "Url" }, Words(lines[1]));
            Assert.Equal("10000 built by Build #991 https://ci.example.org/builds/991", Squeeze(lines[3]));
            Assert.Equal("10001 Safari login notes https://docs.example.org/safari-login", Squeeze(lines[4]));
        }

        [Fact]
        public void A_Tracker_external_link_shows_its_key_and_origin_under_their_own_names()
        {
            ConnectTracker();

            var lines = Table("Get-RemoteIssueLink TREK-1");
            var typeNames = Run("(Get-RemoteIssueLink TREK-1)[0].PSObject.TypeNames").Output.Select(o => o.ToString()).ToList();
            var filtered = Run("Get-RemoteIssueLink TREK-1 | Where-Object Origin -eq 'ru.yandex.bitbucket' | Where-Object Key -eq 'PR-42'");

            Assert.Equal(new[] { "Id", "Relationship", "Key", "Origin" }, Words(lines[1]));
            Assert.Equal("51299313 relates PR-42 ru.yandex.bitbucket", Squeeze(lines[3]));
            Assert.Equal(new[] { "PSRemoteLinks.RemoteIssueLink#YandexTracker", "PSRemoteLinks.RemoteIssueLink", "System.Object" }, typeNames);
            Assert.Equal("51299313", Text(Assert.Single(filtered.Output), "Id"));
        }

        [Fact]
        public void Issue_links_are_grouped_by_issue_and_each_row_ends_the_sentence()
        {
            ConnectJira();

            var lines = Table("Get-IssueLink DEMO-1");
            var done = Run("Get-IssueLink DEMO-1 | Where-Object LinkedIssueStatus -eq Done");

            Assert.Equal("Issue: DEMO-1", lines[0].Trim());
            Assert.Equal(new[] { "Relationship", "LinkedIssue", "LinkedIssueStatus", "LinkedIssueSummary", "Id" }, Words(lines[1]));
            Assert.Equal("is blocked by DEMO-3 Done Upgrade TLS library 20000", Squeeze(lines[3]));
            Assert.Equal("DEMO-3", Text(Assert.Single(done.Output), "LinkedIssue"));
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
        public void The_connection_table_shows_which_is_the_default_and_no_secret()
        {
            ConnectJira("-Name work");
            ConnectTracker("-Name tracker");

            var lines = Table("Get-IssueTrackerConnection");

            Assert.Equal(new[] { "IsDefault", "Name", "Kind", "User", "Uri" }, Words(lines[0]));
            Assert.Equal("False work Jira Emulated Admin " + Server.JiraUri.AbsoluteUri.TrimEnd('/'), Squeeze(lines[2]));
            Assert.Equal("True tracker YandexTracker Emulated Admin " + Server.TrackerUri.AbsoluteUri.TrimEnd('/'), Squeeze(lines[3]));
            Assert.DoesNotContain(Options.JiraApiToken, string.Join("\n", lines), StringComparison.Ordinal);
            Assert.DoesNotContain(Options.TrackerOAuthToken, string.Join("\n", lines), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(80)]
        [InlineData(120)]
        public void Long_keys_and_values_fit_the_console_without_hiding_a_column(int width)
        {
            Server.Jira.AddIssue("PLATFORM-12345", "A summary much longer than the column that shows it, so it is cut at the column's edge");
            Server.Jira.AddIssue("PLATFORM-12346", "Other");
            Server.Jira.AddIssueLink("Blocks", inwardKey: "PLATFORM-12346", outwardKey: "PLATFORM-12345");
            Server.Jira.AddRemoteLink("PLATFORM-12345",
                "{\"relationship\":\"mentioned in\",\"object\":{\"url\":\"https://wiki.example.org/display/ENGINEERING/A+page+with+a+very+long+address+indeed\",\"title\":\"A title longer than its column in the default table view\"}}");
            ConnectJira();

            var links = Table("Get-RemoteIssueLink PLATFORM-12345 | Out-String -Width " + width);
            var issueLinks = Table("Get-IssueLink PLATFORM-12345 | Out-String -Width " + width);

            Assert.All(links.Concat(issueLinks), line => Assert.True(line.Length <= width, line.Length + " columns: " + line));
            Assert.Equal("Issue: PLATFORM-12345", links[0].Trim());
            Assert.Equal(new[] { "Id", "Relationship", "Title", "Url" }, Words(links[1]));
            Assert.StartsWith("https://wiki.example.org/", Words(links[3]).Last(), StringComparison.Ordinal);
            Assert.Equal(new[] { "Relationship", "LinkedIssue", "LinkedIssueStatus", "LinkedIssueSummary", "Id" }, Words(issueLinks[1]));
            Assert.Contains(" PLATFORM-12346 ", issueLinks[3], StringComparison.Ordinal);
        }

        [Fact]
        public void The_80_and_120_column_renderings_of_every_view_match_the_committed_ones()
        {
            // The same script runs in a real pwsh in CI; here it runs in the hosted engine. It exits 1 on a difference.
            var script = Path.Combine(Documentation.DocumentedExample.RepositoryRoot, "tests", "Views", "Render-Views.ps1");

            var result = Run("& $script -Check; $LASTEXITCODE", With("script", script));

            Assert.True(result.Succeeded, string.Join("\n", result.Errors) + result.TerminatingError);
            Assert.True(0 == (int)result.Output.Last().BaseObject, result.HostText);
            // Five types (two views each) at two widths so far; a type added to the script's samples adds four.
            var count = int.Parse(Regex.Match(result.HostText, @"All (\d+) renderings match").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(count >= 20, result.HostText);
        }

        [Fact]
        public void The_view_check_fails_and_shows_the_rendering_when_a_committed_file_differs()
        {
            var folder = Path.Combine(Path.GetTempPath(), "psrl-views-" + Guid.NewGuid().ToString("N"));
            var script = Path.Combine(Documentation.DocumentedExample.RepositoryRoot, "tests", "Views", "Render-Views.ps1");
            try
            {
                Assert.Equal(0, (int)Run("& $script -Update -ExpectedPath $folder; $LASTEXITCODE", With("script", script).Concat(With("folder", folder)).ToDictionary(p => p.Key, p => p.Value)).Output.Last().BaseObject);
                var file = Path.Combine(folder, "IssueLink.table.80.txt");
                File.WriteAllText(file, File.ReadAllText(file).Replace("LinkedIssueStatus", "Status", StringComparison.Ordinal));

                var result = Run("& $script -Check -ExpectedPath $folder; $LASTEXITCODE", With("script", script).Concat(With("folder", folder)).ToDictionary(p => p.Key, p => p.Value));

                Assert.Equal(1, (int)result.Output.Last().BaseObject);
                Assert.Contains("IssueLink.table.80.txt differs from the committed rendering", result.HostText, StringComparison.Ordinal);
                Assert.Contains("1 rendering(s) differ", result.HostText, StringComparison.Ordinal);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
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
            Assert.Equal(14, views.Count);
            foreach (var type in views.Select(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value).Distinct())
            {
                var controls = views.Where(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type).Select(v => v.Elements().Last().Name.LocalName);
                Assert.Equal(new[] { "TableControl", "ListControl" }, controls);
            }
        }

        [Fact]
        public void Every_header_names_the_property_it_shows_and_every_list_shows_every_property()
        {
            // A Tracker link's list leaves out what Tracker never fills in (Jira's web-link fields).
            var notOnTracker = new[] { "GlobalId", "Title", "Url", "Summary", "IconUrl", "IconTitle", "Resolved", "StatusIconUrl", "StatusIconTitle", "StatusIconLink" };
            foreach (var view in XDocument.Load(FormatFile).Descendants("View"))
            {
                var selectedBy = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
                var type = selectedBy.Split('#')[0];
                var properties = Run("([type]$name).GetProperties().Name", With("name", type)).Output.Select(o => o.ToString()).ToList();
                Assert.NotEmpty(properties);

                var labels = view.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value)
                    .Concat(view.Descendants("ListItem").Select(i => i.Element("Label")?.Value ?? i.Element("PropertyName")!.Value))
                    .ToList();
                var shown = view.Descendants("TableColumnItem").Concat(view.Descendants("ListItem"))
                    .Select(i => i.Element("PropertyName")?.Value ?? Regex.Match(i.Element("ScriptBlock")!.Value, @"^\$_\.(\w+)").Groups[1].Value)
                    .ToList();
                Assert.Equal(labels, shown);
                Assert.All(shown.Concat(view.Descendants("GroupBy").Select(g => g.Element("PropertyName")!.Value)),
                    property => Assert.True(properties.Contains(property), $"{selectedBy} has no property {property}"));

                if (view.Element("ListControl") != null)
                {
                    var expected = selectedBy.EndsWith("#YandexTracker", StringComparison.Ordinal) ? properties.Except(notOnTracker) : properties;
                    Assert.Equal(expected.OrderBy(p => p, StringComparer.Ordinal), shown.OrderBy(p => p, StringComparer.Ordinal));
                }

                foreach (var script in view.Descendants("ScriptBlock").Select(b => b.Value))
                {
                    Parser.ParseInput(script, out _, out var errors);
                    Assert.True(errors.Length == 0, selectedBy + ": " + script);
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
            Assert.Contains(lines, l => Regex.IsMatch(l, "^[- ]+$"));
            return lines;
        }

        private static string[] Words(string header) => header.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        private static string Squeeze(string line) => Regex.Replace(line.Trim(), " {2,}", " ");
    }
}
