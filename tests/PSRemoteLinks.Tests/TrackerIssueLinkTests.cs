using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>The contract's "Issue links" section on Yandex Tracker, through the hosted engine against the emulator.</summary>
    public class TrackerIssueLinkTests : EngineTest
    {
        private static readonly DateTimeOffset DocumentedInstant = new DateTimeOffset(2017, 6, 11, 5, 16, 1, 421, TimeSpan.Zero);

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Tracker.AddIssue("TREK-1", "Write the parser");
            Server.Tracker.AddIssue("TREK-2", "Ship the release", "inProgress");
            Server.Tracker.AddIssue("TREK-3", "Tell the users");
            ConnectTracker();
        }

        [Theory]
        [InlineData("aio_yatracker/links-JUNE-2.json", "<employee name displayed>", "Open")]
        [InlineData("yandex-cloud-docs/get-links-ru.json", "<отображаемое имя сотрудника>", "Открыт")]
        public void The_documented_example_response_becomes_an_IssueLink_with_every_field(string fixture, string createdBy, string status)
        {
            Server.Faults.Add(Fault.Serve(200, TestFiles.Fixture(fixture)).For("GET", "/issues/JUNE-2/links"));

            var result = Run("Get-IssueLink JUNE-2");

            Assert.Empty(result.Errors);
            var link = Assert.Single(result.Output);
            Assert.Equal("PSRemoteLinks.IssueLink", TypeName(link));
            Assert.Equal("JUNE-2", Text(link, "Issue"));
            Assert.Equal(4709605L, Prop(link, "Id"));
            // type "subtask", direction "outward": JUNE-2 is the parent of TREK-9844, whatever language the labels are in.
            Assert.Equal("is parent task for", Text(link, "Relationship"));
            Assert.Equal("Outward", Text(link, "Direction"));
            Assert.Equal("TREK-9844", Text(link, "LinkedIssue"));
            Assert.Equal("subtask", Text(link, "LinkedIssueSummary"));
            Assert.Equal(status, Text(link, "LinkedIssueStatus"));
            Assert.Equal("subtask", Text(link, "Type"));
            Assert.Equal(createdBy, Text(link, "CreatedBy"));
            var createdAt = Assert.IsType<DateTimeOffset>(Prop(link, "CreatedAt"));
            Assert.Equal(DocumentedInstant, createdAt);
            Assert.Equal(TimeSpan.Zero, createdAt.Offset);
            Assert.Equal(DocumentedInstant, Prop(link, "UpdatedAt"));
            Assert.Equal("https://api.tracker.yandex.net/v2/issues/JUNE-2/links/4709605", Text(link, "Self"));
            Assert.Equal("JUNE-2 is parent task for TREK-9844", link.BaseObject.ToString());
            Assert.Equal("/tracker/v2/issues/JUNE-2/links", Server.Requests.All.Last().Path);
        }

        [Fact]
        public void The_masked_documentation_example_is_one_clear_InvalidData_error_and_the_pipeline_goes_on()
        {
            var masked = TestFiles.Fixture("yandex-cloud-docs/get-links-en-masked.json");
            Assert.Contains("\"id\": 47*****,", masked);
            Server.Faults.Add(Fault.Serve(200, masked).For("GET", "/issues/JUNE-2/links"));
            Server.Tracker.AddLink("TREK-1", "relates", "TREK-2");

            var result = Run("'JUNE-2', 'TREK-1' | Get-IssueLink");

            var error = SingleError(result);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal("InvalidResponse,PSRemoteLinks.Commands.GetIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal("JUNE-2", error.TargetObject);
            Assert.Contains("Yandex Tracker's answer to GET /tracker/v2/issues/JUNE-2/links is not the JSON this endpoint returns", error.Exception.Message);
            Assert.DoesNotContain("is an invalid", error.Exception.Message);
            Assert.DoesNotContain("LineNumber", error.Exception.Message);
            var other = Assert.Single(result.Output);
            Assert.Equal("TREK-1 relates TREK-2", other.BaseObject.ToString());
        }

        [Fact]
        public void A_link_with_a_string_id_no_self_no_dates_and_a_summary_instead_of_display_is_read()
        {
            Server.Faults.Add(Fault.Serve(200, TestFiles.Fixture("go-yandex-tracker/links-QUEUE-1.json")).For("GET", "/issues/QUEUE-1/links"));

            var link = Assert.Single(Run("Get-IssueLink QUEUE-1").Output);

            Assert.Equal(1L, Prop(link, "Id"));
            Assert.Equal("relates", Text(link, "Relationship"));
            Assert.Equal("QUEUE-2", Text(link, "LinkedIssue"));
            Assert.Equal("Related issue", Text(link, "LinkedIssueSummary"));
            Assert.Null(Prop(link, "Self"));
            Assert.Null(Prop(link, "CreatedAt"));
            Assert.Null(Prop(link, "LinkedIssueStatus"));
        }

        [Fact]
        public void Link_ids_served_as_strings_are_read_as_numbers()
        {
            var id = Server.Tracker.AddLink("TREK-1", "depends on", "TREK-2");
            Server.Tracker.ServeLinkIdsAsStrings = true;

            var link = Assert.Single(Run("Get-IssueLink TREK-1").Output);

            Assert.Equal(id, Assert.IsType<long>(Prop(link, "Id")));
            Assert.Contains("\"id\":\"" + id + "\"", RenderedLinks("TREK-1"));
        }

        [Fact]
        public void New_depends_on_is_seen_from_the_other_issue_as_is_dependent_by_and_removing_from_one_side_empties_both()
        {
            var before = DateTimeOffset.UtcNow.AddSeconds(-1);
            var created = Run("New-IssueLink TREK-1 -LinkedIssue TREK-2 -Relationship 'depends on'");

            Assert.Empty(created.Errors);
            var stored = Assert.Single(Server.Tracker.Links("TREK-1"));
            var post = Assert.Single(Server.Requests.Where("POST", "/links"));
            Assert.Equal("/tracker/v2/issues/TREK-1/links", post.RawTarget);
            AssertJson("{\"relationship\":\"depends on\",\"issue\":\"TREK-2\"}", post.Body);
            var link = Assert.Single(created.Output);
            Assert.Equal("TREK-1 depends on TREK-2", link.BaseObject.ToString());
            Assert.Equal(stored.Id, Prop(link, "Id"));
            Assert.Equal("Outward", Text(link, "Direction"));
            Assert.Equal("depends", Text(link, "Type"));
            Assert.Equal("Ship the release", Text(link, "LinkedIssueSummary"));

            var fromOtherSide = Assert.Single(Run("Get-IssueLink TREK-2").Output);
            Assert.Equal("TREK-2", Text(fromOtherSide, "Issue"));
            Assert.Equal("is dependent by", Text(fromOtherSide, "Relationship"));
            Assert.Equal("TREK-1", Text(fromOtherSide, "LinkedIssue"));
            Assert.Equal("Inward", Text(fromOtherSide, "Direction"));
            Assert.Equal(stored.Id, Prop(fromOtherSide, "Id"));
            Assert.Equal("Write the parser", Text(fromOtherSide, "LinkedIssueSummary"));
            Assert.Equal("Open", Text(fromOtherSide, "LinkedIssueStatus"));
            Assert.Equal("Emulated Admin", Text(fromOtherSide, "CreatedBy"));
            var createdAt = Assert.IsType<DateTimeOffset>(Prop(fromOtherSide, "CreatedAt"));
            Assert.InRange(createdAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.EndsWith("/tracker/v2/issues/TREK-2/links/" + stored.Id, Text(fromOtherSide, "Self"));

            var removed = Run("Get-IssueLink TREK-1 | Remove-IssueLink -Confirm:$false");

            Assert.Empty(removed.Errors);
            Assert.Empty(removed.Output);
            Assert.Empty(Server.Tracker.Links("TREK-1"));
            Assert.Empty(Server.Tracker.Links("TREK-2"));
            var delete = Assert.Single(Server.Requests.Where("DELETE", "/links/"));
            Assert.Equal("/tracker/v2/issues/TREK-1/links/" + stored.Id, delete.RawTarget);
            Assert.Equal(204, delete.Status);
            Assert.Empty(Run("'TREK-1', 'TREK-2' | Get-IssueLink").Output);
        }

        [Theory]
        [InlineData("relates", "relates")]
        [InlineData("depends on", "is dependent by")]
        [InlineData("is dependent by", "depends on")]
        [InlineData("is subtask for", "is parent task for")]
        [InlineData("is parent task for", "is subtask for")]
        [InlineData("duplicates", "is duplicated by")]
        [InlineData("is duplicated by", "duplicates")]
        [InlineData("is epic of", "has epic")]
        [InlineData("has epic", "is epic of")]
        public void Each_relationship_reads_true_from_both_sides(string relationship, string converse)
        {
            var result = Run("New-IssueLink TREK-1 -LinkedIssue TREK-2 -Relationship $r; Get-IssueLink TREK-1, TREK-2",
                With("r", relationship));

            Assert.Empty(result.Errors);
            Assert.Equal(
                new[] { "TREK-1 " + relationship + " TREK-2", "TREK-1 " + relationship + " TREK-2", "TREK-2 " + converse + " TREK-1" },
                result.Output.Select(o => o.BaseObject.ToString()).ToArray());
            // The emulator's own reading of the stored link agrees.
            Assert.Equal(relationship, Assert.Single(Server.Tracker.Links("TREK-1")).Relationship);
            Assert.Equal(converse, Assert.Single(Server.Tracker.Links("TREK-2")).Relationship);
        }

        [Fact]
        public void The_relationship_is_matched_without_regard_to_case_or_spacing_and_sent_as_documented()
        {
            var result = Run("New-IssueLink TREK-1 TREK-2 '  Is   Dependent BY '");

            Assert.Empty(result.Errors);
            Assert.Equal("TREK-1 is dependent by TREK-2", Assert.Single(result.Output).BaseObject.ToString());
            Assert.Equal("is dependent by", (string?)JsonNode.Parse(Assert.Single(Server.Requests.Where("POST", "/links")).Body)!["relationship"]);
        }

        [Fact]
        public void An_unknown_relationship_lists_the_nine_values_and_sends_nothing()
        {
            var count = Server.Requests.Count;

            var error = SingleError(Run("New-IssueLink TREK-1 -LinkedIssue TREK-2 -Relationship blocks"));

            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("InvalidInput,PSRemoteLinks.Commands.NewIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'blocks' is not a Yandex Tracker relationship", error.Exception.Message);
            foreach (var value in new[] { "relates", "depends on", "is dependent by", "is subtask for", "is parent task for", "duplicates", "is duplicated by", "is epic of", "has epic" })
            {
                Assert.Contains("'" + value + "'", error.Exception.Message);
            }

            Assert.Equal(count, Server.Requests.Count);
        }

        [Fact]
        public void An_unknown_issue_is_ObjectNotFound_with_the_servers_text()
        {
            var listed = SingleError(Run("Get-IssueLink NOPE-9"));
            Assert.Equal(ErrorCategory.ObjectNotFound, listed.CategoryInfo.Category);
            Assert.Equal("NotFound,PSRemoteLinks.Commands.GetIssueLinkCommand", listed.FullyQualifiedErrorId);
            Assert.Equal("NOPE-9", listed.TargetObject);
            Assert.Contains("Yandex Tracker answered 404", listed.Exception.Message);
            Assert.Contains("GET /tracker/v2/issues/NOPE-9/links", listed.Exception.Message);
            Assert.Contains("Issue not found", listed.Exception.Message);

            var linked = SingleError(Run("New-IssueLink TREK-1 -LinkedIssue NOPE-9 -Relationship relates"));
            Assert.Equal(ErrorCategory.ObjectNotFound, linked.CategoryInfo.Category);
            Assert.Equal("NotFound,PSRemoteLinks.Commands.NewIssueLinkCommand", linked.FullyQualifiedErrorId);
            Assert.Contains("Issue not found", linked.Exception.Message);
            Assert.Empty(Server.Tracker.Links("TREK-1"));

            // An id that is not among the issue's links is refused before any DELETE (see SafeRemoveTests).
            var removed = SingleError(Run("Remove-IssueLink TREK-1 -Id 99 -Confirm:$false"));
            Assert.Equal(ErrorCategory.ObjectNotFound, removed.CategoryInfo.Category);
            Assert.Equal("LinkNotOnIssue,PSRemoteLinks.Commands.RemoveIssueLinkCommand", removed.FullyQualifiedErrorId);
            Assert.Equal("Issue link 99 is not a link of TREK-1; nothing was deleted.", removed.Exception.Message);
            Assert.Empty(Server.Requests.Where("DELETE", "/links"));
        }

        [Fact]
        public void A_link_that_already_exists_is_ResourceExists()
        {
            Server.Tracker.AddLink("TREK-1", "relates", "TREK-2");

            var error = SingleError(Run("New-IssueLink TREK-1 -LinkedIssue TREK-2 -Relationship relates"));

            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Contains("Issues TREK-1 and TREK-2 are already linked", error.Exception.Message);
        }

        [Fact]
        public void Several_issues_piped_in_give_their_links_in_input_order()
        {
            Server.Tracker.AddLink("TREK-1", "depends on", "TREK-2");
            Server.Tracker.AddLink("TREK-3", "is subtask for", "TREK-2");

            var result = Run("'TREK-3', 'TREK-1', 'TREK-2' | Get-IssueLink");

            Assert.Empty(result.Errors);
            Assert.Equal(
                new[] { "TREK-3 is subtask for TREK-2", "TREK-1 depends on TREK-2", "TREK-2 is dependent by TREK-1", "TREK-2 is parent task for TREK-3" },
                result.Output.Select(o => o.BaseObject.ToString()).ToArray());
        }

        [Fact]
        public void WhatIf_on_new_and_remove_sends_no_change()
        {
            var id = Server.Tracker.AddLink("TREK-1", "relates", "TREK-2");

            var result = Run("New-IssueLink TREK-1 TREK-3 'depends on' -WhatIf; Get-IssueLink TREK-1 | Remove-IssueLink -WhatIf");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Empty(Changes());
            Assert.Single(Server.Tracker.Links("TREK-1"));
            Assert.Contains("Link: TREK-1 depends on TREK-3", result.HostText);
            Assert.Contains("issue link " + id + " of TREK-1", result.HostText);
        }

        [Fact]
        public void Link_types_are_listed_with_the_phrases_New_IssueLink_takes()
        {
            var result = Run("Get-IssueLinkType");

            Assert.Empty(result.Errors);
            Assert.Equal("/tracker/v2/linktypes", Server.Requests.All.Last().Path);
            Assert.All(result.Output, t => Assert.Equal("PSRemoteLinks.IssueLinkType", TypeName(t)));
            Assert.Equal(
                new[] { "relates|relates|relates", "depends|depends on|is dependent by", "subtask|is parent task for|is subtask for", "duplicates|duplicates|is duplicated by", "epic|is epic of|has epic" },
                result.Output.Select(t => Text(t, "Name") + "|" + Text(t, "Outward") + "|" + Text(t, "Inward")).ToArray());
            Assert.EndsWith("/tracker/v2/linktypes/depends", Text(result.Output[1], "Self"));
        }

        [Fact]
        public void The_table_view_reads_as_a_sentence()
        {
            Server.Tracker.AddLink("TREK-1", "depends on", "TREK-2");

            var text = Shell.Render("Get-IssueLink TREK-2", Variables(null));

            // Grouped by Issue: the group's heading starts the sentence, the row ends it.
            Assert.Matches(@"Issue: TREK-2\s*\n\s*\n\s*Relationship[^\n]*\n[- ]+\n\s*is dependent by\s+TREK-1\s+Open\s+Write the parser", text.Replace("\r", string.Empty, System.StringComparison.Ordinal));
        }

        /// <summary>The links body as the emulator serves it, read directly (proves the id really is a JSON string).</summary>
        private string RenderedLinks(string key)
        {
            using var client = new System.Net.Http.HttpClient();
            using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, Server.TrackerUri + "/v2/issues/" + key + "/links");
            request.Headers.TryAddWithoutValidation("Authorization", "OAuth " + Options.TrackerOAuthToken);
            request.Headers.TryAddWithoutValidation("X-Org-ID", Options.TrackerOrgId);
            return client.Send(request).Content.ReadAsStringAsync().GetAwaiter().GetResult().Replace(" ", string.Empty);
        }
    }
}
