using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>The contract's "Issue links" section on Jira: the phrase is read from -Issue's side, both ways round.</summary>
    public class JiraIssueLinkTests : EngineTest
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Fix the parser");
            Server.Jira.AddIssue("B-2", "Ship the release", "In Progress");
            Server.Jira.AddIssue("C-3", "Tell the users");
            ConnectJira();
        }

        [Fact]
        public void New_blocks_makes_the_issue_block_the_linked_issue_and_both_sides_say_so()
        {
            var result = Run("New-IssueLink A-1 -LinkedIssue B-2 -Relationship blocks");

            Assert.Empty(result.Errors);
            var stored = Assert.Single(Server.Jira.IssueLinks("A-1"));
            Assert.Equal(new JiraIssueLinkInfo(stored.Id, "Blocks", "A-1", "B-2"), stored);
            var post = Assert.Single(Server.Requests.Where("POST", "/issueLink"));
            Assert.Equal("/jira/rest/api/2/issueLink", post.RawTarget);
            AssertJson("{\"type\":{\"id\":\"10000\"},\"inwardIssue\":{\"key\":\"A-1\"},\"outwardIssue\":{\"key\":\"B-2\"}}", post.Body);

            var link = Assert.Single(result.Output);
            Assert.Equal("PSRemoteLinks.IssueLink", TypeName(link));
            Assert.Equal("A-1 blocks B-2", link.BaseObject.ToString());
            Assert.Equal(long.Parse(stored.Id, System.Globalization.CultureInfo.InvariantCulture), Prop(link, "Id"));
            Assert.Equal("Outward", Text(link, "Direction"));
            Assert.Equal("Blocks", Text(link, "Type"));
            Assert.Equal("Ship the release", Text(link, "LinkedIssueSummary"));
            Assert.Equal("In Progress", Text(link, "LinkedIssueStatus"));
            Assert.EndsWith("/jira/rest/api/2/issueLink/" + stored.Id, Text(link, "Self"));

            var sides = Run("Get-IssueLink A-1; Get-IssueLink B-2").Output;
            Assert.Equal(new[] { "A-1 blocks B-2", "B-2 is blocked by A-1" }, sides.Select(o => o.BaseObject.ToString()).ToArray());
            Assert.Equal(new[] { "Outward", "Inward" }, sides.Select(o => Text(o, "Direction")).ToArray());
            Assert.All(sides, o => Assert.Equal(link.Properties["Id"].Value, o.Properties["Id"].Value));
            Assert.Equal("Fix the parser", Text(sides[1], "LinkedIssueSummary"));
        }

        [Fact]
        public void New_is_blocked_by_makes_the_linked_issue_block_the_issue()
        {
            var result = Run("New-IssueLink A-1 -LinkedIssue B-2 -Relationship 'is blocked by'");

            Assert.Empty(result.Errors);
            var stored = Assert.Single(Server.Jira.IssueLinks("A-1"));
            Assert.Equal(new JiraIssueLinkInfo(stored.Id, "Blocks", "B-2", "A-1"), stored);
            AssertJson("{\"type\":{\"id\":\"10000\"},\"inwardIssue\":{\"key\":\"B-2\"},\"outwardIssue\":{\"key\":\"A-1\"}}", Server.Requests.Where("POST", "/issueLink").Single().Body);
            Assert.Equal("A-1 is blocked by B-2", Assert.Single(result.Output).BaseObject.ToString());
            Assert.Equal("Inward", Text(result.Output[0], "Direction"));
            Assert.Equal(new[] { "A-1 is blocked by B-2", "B-2 blocks A-1" }, Run("Get-IssueLink A-1, B-2").Output.Select(o => o.BaseObject.ToString()).ToArray());
        }

        [Theory]
        [InlineData("BLOCKS")]
        [InlineData("Blocks")]
        [InlineData(" blocks ")]
        public void The_type_name_and_the_phrase_are_accepted_in_any_case(string relationship)
        {
            var result = Run("New-IssueLink A-1 -LinkedIssue B-2 -Relationship $r", With("r", relationship));

            Assert.Empty(result.Errors);
            Assert.Equal("A-1 blocks B-2", Assert.Single(result.Output).BaseObject.ToString());
            Assert.Equal("A-1", Assert.Single(Server.Jira.IssueLinks("B-2")).InwardKey);
        }

        [Fact]
        public void A_bad_relationship_lists_the_sites_phrases_and_sends_nothing()
        {
            var error = SingleError(Run("New-IssueLink A-1 -LinkedIssue B-2 -Relationship obstructs"));

            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("InvalidInput,PSRemoteLinks.Commands.NewIssueLinkCommand", error.FullyQualifiedErrorId);
            // "Blocks" is not repeated: the phrase "blocks" already stands for it.
            Assert.Equal(
                "'obstructs' is not a relationship on this Jira site. Valid values: 'blocks', 'is blocked by', 'clones', 'is cloned by', "
                + "'duplicates', 'is duplicated by', 'relates to', 'Cloners', 'Duplicate', 'Relates'.",
                error.Exception.Message);
            Assert.Empty(Changes());
        }

        [Theory]
        [InlineData("relates to")]
        [InlineData("Relates")]
        public void Relates_reads_the_same_from_both_sides(string relationship)
        {
            var result = Run("New-IssueLink A-1 -LinkedIssue C-3 -Relationship $r; Get-IssueLink C-3", With("r", relationship));

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "A-1 relates to C-3", "C-3 relates to A-1" }, result.Output.Select(o => o.BaseObject.ToString()).ToArray());
            Assert.All(result.Output, o => Assert.Equal("Relates", Text(o, "Type")));
            Assert.Equal(new JiraIssueLinkInfo(Server.Jira.IssueLinks("A-1")[0].Id, "Relates", "A-1", "C-3"), Server.Jira.IssueLinks("A-1")[0]);
        }

        [Fact]
        public void New_reads_the_link_back_because_the_post_answers_201_with_an_empty_body()
        {
            Server.Jira.AddIssueLink("Relates", "A-1", "C-3");

            var result = Run("New-IssueLink A-1 B-2 blocks");

            var link = Assert.Single(result.Output);
            Assert.Equal(long.Parse(Server.Jira.IssueLinks("B-2").Single().Id, System.Globalization.CultureInfo.InvariantCulture), Prop(link, "Id"));
            var post = Server.Requests.Where("POST", "/issueLink").Single();
            Assert.Equal(201, post.Status);
            Assert.Equal(
                new[] { "GET /jira/rest/api/2/issueLinkType", "POST /jira/rest/api/2/issueLink", "GET /jira/rest/api/2/issue/A-1?fields=issuelinks" },
                Server.Requests.All.Skip(1).Select(r => r.Method + " " + r.RawTarget).ToArray());
        }

        [Fact]
        public void The_linked_issue_may_be_given_by_its_id()
        {
            var id = Server.Jira.AddIssue("E-5", "Given by id");

            var result = Run("New-IssueLink A-1 -LinkedIssue $id -Relationship 'is blocked by'", With("id", id));

            Assert.Empty(result.Errors);
            var link = Assert.Single(result.Output);
            Assert.Equal("A-1 is blocked by E-5", link.BaseObject.ToString());
            Assert.Equal(new JiraIssueLinkInfo(Server.Jira.IssueLinks("A-1").Single().Id, "Blocks", "E-5", "A-1"), Server.Jira.IssueLinks("A-1").Single());
        }

        [Fact]
        public void The_link_types_are_read_once_per_connection()
        {
            var result = Run("New-IssueLink A-1 B-2 blocks; New-IssueLink A-1 C-3 'relates to'; Get-IssueLinkType | Out-Null; "
                + "Connect-Jira $JiraUri -Credential $JiraCred -Name second; New-IssueLink B-2 C-3 duplicates");

            Assert.Empty(result.Errors);
            Assert.Equal(2, Server.Requests.Where("GET", "/issueLinkType").Count);
        }

        [Fact]
        public void A_link_type_added_after_connecting_is_found_by_one_fresh_read()
        {
            // The first read of the link types happens before an administrator added "Blocks".
            Server.Faults.Add(Fault.Serve(200, "{\"issueLinkTypes\":[{\"id\":\"10003\",\"name\":\"Relates\",\"inward\":\"relates to\",\"outward\":\"relates to\"}]}").For("GET", "/issueLinkType"));

            var result = Run("Get-IssueLinkType | Out-Null; New-IssueLink A-1 B-2 blocks");

            Assert.Empty(result.Errors);
            Assert.Equal("A-1 blocks B-2", Assert.Single(result.Output).BaseObject.ToString());
            Assert.Equal(2, Server.Requests.Where("GET", "/issueLinkType").Count);
        }

        [Fact]
        public void Link_types_are_listed_with_both_phrases()
        {
            var result = Run("Get-IssueLinkType");

            Assert.Empty(result.Errors);
            Assert.All(result.Output, t => Assert.Equal("PSRemoteLinks.IssueLinkType", TypeName(t)));
            Assert.Equal(
                new[] { "10000|Blocks|blocks|is blocked by", "10001|Cloners|clones|is cloned by", "10002|Duplicate|duplicates|is duplicated by", "10003|Relates|relates to|relates to" },
                result.Output.Select(t => Text(t, "Id") + "|" + Text(t, "Name") + "|" + Text(t, "Outward") + "|" + Text(t, "Inward")).ToArray());
            Assert.EndsWith("/jira/rest/api/2/issueLinkType/10000", Text(result.Output[0], "Self"));
        }

        [Fact]
        public void A_dependent_link_from_an_old_server_payload_is_read_from_each_side()
        {
            Server.Faults.Add(Fault.Serve(200, TestFiles.Fixture("go-jira/issue-EX-1.json")).For("GET", "/issue/EX-1"));

            var result = Run("Get-IssueLink EX-1");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "EX-1 is depended by PRJ-2", "EX-1 depends on PRJ-3" }, result.Output.Select(o => o.BaseObject.ToString()).ToArray());
            Assert.Equal(new object?[] { 10001L, 10002L }, result.Output.Select(o => Prop(o, "Id")).ToArray());
            Assert.Equal(new[] { "Open", "Open" }, result.Output.Select(o => Text(o, "LinkedIssueStatus")).ToArray());
            Assert.All(result.Output, o => Assert.Null(Prop(o, "LinkedIssueSummary")));
            Assert.All(result.Output, o => Assert.Equal("Dependent", Text(o, "Type")));
        }

        [Fact]
        public void Removing_the_links_of_one_issue_removes_them_from_both_sides()
        {
            Server.Jira.AddIssueLink("Blocks", "A-1", "B-2");
            Server.Jira.AddIssueLink("Relates", "C-3", "A-1");

            var result = Run("Get-IssueLink A-1 | Remove-IssueLink -Confirm:$false");

            Assert.Empty(result.Errors);
            Assert.Empty(Server.Jira.IssueLinks("A-1"));
            Assert.Empty(Server.Jira.IssueLinks("B-2"));
            Assert.Empty(Server.Jira.IssueLinks("C-3"));
            Assert.All(Server.Requests.Where("DELETE", "/issueLink/"), d => Assert.Equal(204, d.Status));
            Assert.Equal(2, Server.Requests.Where("DELETE", "/issueLink/").Count);
        }

        [Fact]
        public void Several_issues_piped_in_give_their_links_in_input_order()
        {
            Server.Jira.AddIssueLink("Blocks", "A-1", "B-2");
            Server.Jira.AddIssueLink("Duplicate", "C-3", "B-2");

            var result = Run("'C-3', 'B-2', 'A-1' | Get-IssueLink");

            Assert.Empty(result.Errors);
            Assert.Equal(
                new[] { "C-3 duplicates B-2", "B-2 is blocked by A-1", "B-2 is duplicated by C-3", "A-1 blocks B-2" },
                result.Output.Select(o => o.BaseObject.ToString()).ToArray());
        }

        [Fact]
        public void WhatIf_on_new_and_remove_sends_no_change()
        {
            Server.Jira.AddIssueLink("Blocks", "A-1", "B-2");

            var result = Run("New-IssueLink A-1 C-3 blocks -WhatIf; Get-IssueLink A-1 | Remove-IssueLink -WhatIf");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Empty(Changes());
            Assert.Single(Server.Jira.IssueLinks("A-1"));
            Assert.Contains("Link: A-1 blocks C-3", result.HostText);
        }

        [Fact]
        public void An_unknown_issue_is_ObjectNotFound_with_the_servers_text()
        {
            var listed = SingleError(Run("Get-IssueLink NOPE-9"));
            Assert.Equal(ErrorCategory.ObjectNotFound, listed.CategoryInfo.Category);
            Assert.Equal("NotFound,PSRemoteLinks.Commands.GetIssueLinkCommand", listed.FullyQualifiedErrorId);
            Assert.Equal("NOPE-9", listed.TargetObject);
            Assert.Contains("GET /jira/rest/api/2/issue/NOPE-9", listed.Exception.Message);
            Assert.Contains("Issue does not exist or you do not have permission to see it.", listed.Exception.Message);

            var linked = SingleError(Run("New-IssueLink A-1 -LinkedIssue NOPE-9 -Relationship blocks"));
            Assert.Equal(ErrorCategory.ObjectNotFound, linked.CategoryInfo.Category);
            Assert.Equal("NotFound,PSRemoteLinks.Commands.NewIssueLinkCommand", linked.FullyQualifiedErrorId);
            Assert.Contains("POST /jira/rest/api/2/issueLink", linked.Exception.Message);
            Assert.Contains("Issue does not exist or you do not have permission to see it.", linked.Exception.Message);
            Assert.Empty(Server.Jira.IssueLinks("A-1"));
        }

        [Fact]
        public void The_table_view_reads_as_a_sentence()
        {
            Server.Jira.AddIssueLink("Blocks", "B-2", "A-1");

            var text = Shell.Render("Get-IssueLink A-1", Variables(null));

            // Grouped by Issue: the group's heading starts the sentence, the row ends it.
            Assert.Matches(@"Issue: A-1\s*\n\s*\n\s*Relationship[^\n]*\n[- ]+\n\s*is blocked by\s+B-2\s+In Progress\s+Ship the release", text.Replace("\r", string.Empty, System.StringComparison.Ordinal));
        }
    }
}
