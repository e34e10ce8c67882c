using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// Bulk edits by script block: Set-RemoteIssueLink's fields take delay-bind script blocks evaluated per piped
    /// link, in one throttled pipeline, while a value merely carried by a piped link is never written back.
    /// </summary>
    public class SetScriptBlockTests : EngineTest
    {
        private const string Move = "-Url { $_.Url -replace '^https://old.example/', 'https://new.example/' } -Title { $_.Title + ' (moved)' }";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Has links");
            Server.Jira.AddIssue("B-2", "Gets copies");
            ConnectJira();
        }

        [Fact]
        public void Fifty_links_are_each_updated_from_their_own_values_in_order_with_one_error_in_its_place()
        {
            var ids = SeedLinks(50);
            var failing = ids[24];
            Server.Faults.Add(Fault.Status(400, "{\"errorMessages\":[\"Link is locked.\"],\"errors\":{}}").For("PUT", "/remotelink/" + failing));
            Server.Latency.Random(TimeSpan.Zero, TimeSpan.FromMilliseconds(40), seed: 50);

            // 2>&1 puts the error among the objects, so its place shows.
            var result = Run("Get-RemoteIssueLink A-1 | Set-RemoteIssueLink " + Move + " -ThrottleLimit 8 -PassThru 2>&1");

            var seen = result.Output.Select(o => o.BaseObject is ErrorRecord e ? "error: " + e.Exception.Message.Contains("Link is locked.", StringComparison.Ordinal) : Text(o, "Title")).ToArray();
            Assert.Equal(Enumerable.Range(1, 50).Select(n => n == 25 ? "error: True" : "Link " + n + " (moved)"), seen);
            var error = result.Output.Select(o => o.BaseObject).OfType<ErrorRecord>().Single();
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);

            var stored = Server.Jira.RemoteLinks("A-1");
            for (var n = 1; n <= 50; n++)
            {
                var link = stored[n - 1];
                var moved = n != 25;
                Assert.Equal(moved ? "https://new.example/" + n : "https://old.example/" + n, (string?)link["object"]!["url"]);
                Assert.Equal(moved ? "Link " + n + " (moved)" : "Link " + n, (string?)link["object"]!["title"]);
                Assert.Equal("Summary " + n, (string?)link["object"]!["summary"]);
            }

            Assert.Equal(50, Server.Requests.Where("PUT", "/remotelink/").Count);
            Assert.InRange(Server.Requests.PeakConcurrent, 2, 8);
        }

        [Fact]
        public void WhatIf_sends_nothing_and_shows_each_links_old_and_new_values()
        {
            var ids = SeedLinks(3);
            Server.Requests.Clear();

            var result = Run("Get-RemoteIssueLink A-1 | Set-RemoteIssueLink " + Move + " -WhatIf");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "GET" }, Server.Requests.All.Select(r => r.Method));
            for (var n = 1; n <= 3; n++)
            {
                Assert.Contains(
                    "What if: Performing the operation \"Update Url: 'https://old.example/" + n + "' -> 'https://new.example/" + n + "'; Title: 'Link " + n
                    + "' -> 'Link " + n + " (moved)'\" on target \"remote link " + ids[n - 1] + " on A-1\".",
                    result.HostText);
            }
        }

        [Fact]
        public void Confirm_asks_with_the_old_and_new_value_of_each_link()
        {
            var ids = SeedLinks(2);
            Shell.Host.ChoiceAnswers.Enqueue("No");
            Shell.Host.ChoiceAnswers.Enqueue("Yes");

            var result = Run("Get-RemoteIssueLink A-1 | Set-RemoteIssueLink -Title { $_.Title.ToUpperInvariant() } -Confirm");

            Assert.Empty(result.Errors);
            Assert.Equal(2, Shell.Host.Prompts.Count);
            Assert.Contains("Title: 'Link 1' -> 'LINK 1'", Shell.Host.Prompts[0]);
            Assert.Contains("Title: 'Link 2' -> 'LINK 2'", Shell.Host.Prompts[1]);
            Assert.Equal("/jira/rest/api/2/issue/A-1/remotelink/" + ids[1], Assert.Single(Server.Requests.Where("PUT", "/")).RawTarget);
        }

        [Fact]
        public void A_plain_piped_link_writes_back_no_value_it_carries()
        {
            SeedLinks(2);
            Server.Jira.AddRemoteLink("A-1", FullLink);
            var links = Run("Get-RemoteIssueLink A-1").Output;
            // Someone retitles the third link (the upsert keeps its id) after it was read.
            Server.Jira.AddRemoteLink("A-1", FullLink.Replace("\"Build #1\"", "\"Build #1 (renamed since)\"", StringComparison.Ordinal));

            var result = Run("$links | Set-RemoteIssueLink -Resolved:$false -PassThru", With("links", links));

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "Link 1", "Link 2", "Build #1 (renamed since)" }, result.Output.Select(o => Text(o, "Title")));
            // The PUTs run side by side (-ThrottleLimit 4) and reach the server in any order: take them in link-id order,
            // which is the order the links were made in.
            var puts = Server.Requests.Where("PUT", "/remotelink/")
                .OrderBy(p => long.Parse(p.Path[(p.Path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
                .Select(p => JsonNode.Parse(p.Body)!["object"]!).ToArray();
            Assert.Equal(new[] { "Link 1", "Link 2", "Build #1 (renamed since)" }, puts.Select(o => (string?)o["title"]));
            Assert.Equal(new[] { "Summary 1", "Summary 2", "Nightly" }, puts.Select(o => (string?)o["summary"]));
            Assert.All(puts, o => Assert.False((bool)o["status"]!["resolved"]!));
        }

        [Fact]
        public void Rows_read_back_from_a_csv_bind_and_change_only_the_named_field()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);

            var result = Run("Get-RemoteIssueLink A-1 | Select-Object * -ExcludeProperty Connection | ConvertTo-Csv | ConvertFrom-Csv | Set-RemoteIssueLink -Title { $_.Title + ' (from csv)' } -PassThru");

            Assert.Empty(result.Errors);
            var updated = Assert.Single(result.Output);
            Assert.Equal("Build #1 (from csv)", Text(updated, "Title"));
            Assert.Equal(true, Prop(updated, "Resolved"));
            var put = JsonNode.Parse(Assert.Single(Server.Requests.Where("PUT", "/remotelink/" + id)).Body)!;
            Assert.True((bool)put["object"]!["status"]!["resolved"]!);
        }

        [Fact]
        public void A_script_block_without_piped_input_is_a_clear_error_and_nothing_is_sent()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            Server.Requests.Clear();

            var result = Run("Set-RemoteIssueLink A-1 " + id + " -Title { 'New title' }");

            Assert.Null(result.TerminatingError);
            var error = SingleError(result);
            Assert.Equal("ScriptBlockArgumentNoInput,PSRemoteLinks.Commands.SetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'Title'", error.Exception.Message);
            Assert.Empty(Server.Requests.All);
            Assert.Equal("Build #1", (string?)Server.Jira.RemoteLinks("A-1").Single()["object"]!["title"]);
        }

        [Fact]
        public void A_script_block_is_never_stored_as_text_by_Set_or_New()
        {
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            Server.Requests.Clear();

            var result = Run("Get-RemoteIssueLink A-1 | Set-RemoteIssueLink -Title { { 'nested' } }; "
                + "[pscustomobject]@{ Issue = 'B-2'; Url = 'https://x.example/1'; Title = { 'a block' } } | New-RemoteIssueLink");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.Contains("'Title'", e.Exception.Message);
                Assert.Contains("script block", e.Exception.Message);
            });
            Assert.Equal(new[] { "GET" }, Server.Requests.All.Select(r => r.Method));
            Assert.Equal("Build #1", (string?)Server.Jira.RemoteLinks("A-1").Single()["object"]!["title"]);
            Assert.Empty(Server.Jira.RemoteLinks("B-2"));
            Assert.Equal(id, (long)Server.Jira.RemoteLinks("A-1").Single()["id"]!);
        }

        [Fact]
        public void A_script_block_result_that_is_not_a_url_is_an_error_in_that_links_place()
        {
            var ids = SeedLinks(3);

            var result = Run("Get-RemoteIssueLink A-1 | Set-RemoteIssueLink -Url { if ($_.Title -eq 'Link 2') { 'not a url' } else { $_.Url + '?v=2' } } -PassThru 2>&1");

            var seen = result.Output.Select(o => o.BaseObject is ErrorRecord e ? e.FullyQualifiedErrorId : Text(o, "Url")).ToArray();
            Assert.Equal(new[] { "https://old.example/1?v=2", "InvalidInput,PSRemoteLinks.Commands.SetRemoteIssueLinkCommand", "https://old.example/3?v=2" }, seen);
            var error = result.Output.Select(o => o.BaseObject).OfType<ErrorRecord>().Single();
            Assert.Equal("-Url for remote link " + ids[1] + " on A-1: 'not a url' is not an absolute URL (such as https://host/path). The link was not changed.", error.Exception.Message);
            Assert.Empty(Server.Requests.Where("PUT", "/remotelink/" + ids[1]));
        }

        [Fact]
        public void A_bad_url_typed_with_piped_links_is_one_error_before_any_change()
        {
            SeedLinks(3);

            var error = TerminatingError("Get-RemoteIssueLink A-1 | Set-RemoteIssueLink -Url notaurl");

            Assert.Equal("ParameterArgumentValidationError,PSRemoteLinks.Commands.SetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'Url'", error.Exception.Message);
            Assert.Empty(Server.Requests.Where("PUT", "/"));
        }

        [Fact]
        public void New_evaluates_script_blocks_per_piped_link_too()
        {
            SeedLinks(2);

            var result = Run("Get-RemoteIssueLink A-1 | New-RemoteIssueLink -Issue B-2 -Title { $_.Title + ' (copy)' } -ThrottleLimit 1");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "Link 1 (copy)", "Link 2 (copy)" }, Server.Jira.RemoteLinks("B-2").Select(l => (string?)l["object"]!["title"]));
            Assert.Equal(new[] { "Summary 1", "Summary 2" }, Server.Jira.RemoteLinks("B-2").Select(l => (string?)l["object"]!["summary"]));
        }

        private long[] SeedLinks(int count) => Enumerable.Range(1, count)
            .Select(n => Server.Jira.AddRemoteLink("A-1", string.Format(
                CultureInfo.InvariantCulture,
                "{{\"object\":{{\"url\":\"https://old.example/{0}\",\"title\":\"Link {0}\",\"summary\":\"Summary {0}\"}}}}",
                n)))
            .ToArray();
    }
}
