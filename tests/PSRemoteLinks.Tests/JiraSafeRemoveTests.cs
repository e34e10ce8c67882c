using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// Removes touch only what was named, on Jira, where DELETE issueLink/{id} ignores issues and issue-link and
    /// remote-link ids overlap. Here they are made to collide: A-1's remote link has the id of the link "A-1 duplicates
    /// B-2", so any removal that trusted an id alone would delete a link it was not given.
    /// </summary>
    public class JiraSafeRemoveTests : EngineTest
    {
        private const long SharedId = 30000;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Fix the parser");
            Server.Jira.AddIssue("B-2", "Ship the release");
            Server.Jira.AddIssue("C-3", "Tell the users");
            Server.Jira.SetNextIds(remoteLinkId: SharedId, issueLinkId: SharedId);
            Server.Jira.AddIssueLink("Duplicate", "A-1", "B-2");
            Server.Jira.AddRemoteLink("A-1", FullLink);
            ConnectJira();
            Server.Requests.Clear();
        }

        [Fact]
        public void The_ids_collide()
        {
            Assert.Equal(SharedId.ToString(CultureInfo.InvariantCulture), Server.Jira.IssueLinks("A-1").Single().Id);
            Assert.Equal(SharedId, (long)Server.Jira.RemoteLinks("A-1").Single()["id"]!);
        }

        [Fact]
        public void Remove_IssueLink_of_another_issue_is_ObjectNotFound_naming_both_and_deletes_nothing()
        {
            var error = SingleError(Run("Remove-IssueLink C-3 -Id " + SharedId + " -Confirm:$false"));

            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("LinkNotOnIssue,PSRemoteLinks.Commands.RemoveIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal("Issue link 30000 is not a link of C-3 (it links A-1 and B-2); nothing was deleted.", error.Exception.Message);
            Assert.Equal("C-3", error.TargetObject);
            var read = Assert.Single(Server.Requests.All);
            Assert.Equal("GET /jira/rest/api/2/issueLink/30000", read.Method + " " + read.RawTarget);
            Assert.Single(Server.Jira.IssueLinks("A-1"));
        }

        [Fact]
        public void Remote_links_piped_into_Remove_IssueLink_are_refused_before_any_request()
        {
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://x.example/2\",\"title\":\"Two\"}}");
            var links = Run("Get-RemoteIssueLink A-1").Output;
            Server.Requests.Clear();

            var result = Run("$links | Remove-IssueLink -Confirm:$false", With("links", links));

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.Equal("WrongLinkKind,PSRemoteLinks.Commands.RemoveIssueLinkCommand", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
                Assert.Contains("was given a remote link (A-1 -> ", e.Exception.Message);
                Assert.Contains("Use Remove-RemoteIssueLink", e.Exception.Message);
            });
            Assert.Empty(Server.Requests.All);
            Assert.Single(Server.Jira.IssueLinks("A-1"));
            Assert.Equal(2, Server.Jira.RemoteLinks("A-1").Count);
        }

        [Fact]
        public void Issue_links_piped_into_a_RemoteIssueLink_cmdlet_are_refused_before_any_request()
        {
            var links = Run("Get-IssueLink A-1").Output;
            Server.Requests.Clear();

            var result = Run("$links | Remove-RemoteIssueLink -Confirm:$false; "
                + "$links | Set-RemoteIssueLink -Title 'X'; "
                + "$links | New-RemoteIssueLink -Url https://x.example/1 -Title X", With("links", links));

            Assert.Equal(
                new[] { "Remove", "Set", "New" }.Select(v => "WrongLinkKind,PSRemoteLinks.Commands." + v + "RemoteIssueLinkCommand"),
                result.Errors.Select(e => e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.Contains("was given an issue link (A-1 duplicates B-2)", e.Exception.Message));
            Assert.Empty(Server.Requests.All);
            Assert.Single(Server.Jira.RemoteLinks("A-1"));
            Assert.Single(Server.Jira.IssueLinks("A-1"));
        }

        [Fact]
        public void Remove_RemoteIssueLink_of_another_issue_is_ObjectNotFound_and_sends_no_DELETE()
        {
            var error = SingleError(Run("Remove-RemoteIssueLink B-2 -Id " + SharedId + " -Confirm:$false"));

            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("LinkNotOnIssue,PSRemoteLinks.Commands.RemoveRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.StartsWith("Remote link 30000 is not a link of B-2 (", error.Exception.Message);
            Assert.Contains("does not belong to issue B-2", error.Exception.Message);
            Assert.EndsWith("; nothing was deleted.", error.Exception.Message);
            Assert.Empty(Server.Requests.Where("DELETE", "/"));
            Assert.Single(Server.Jira.RemoteLinks("A-1"));
            Assert.Single(Server.Jira.IssueLinks("A-1"));
        }

        [Fact]
        public void An_id_that_names_no_link_is_the_services_NotFound_and_sends_no_DELETE()
        {
            var result = Run("Remove-RemoteIssueLink A-1 -Id 99999 -Confirm:$false; Remove-IssueLink A-1 -Id 99999 -Confirm:$false");

            Assert.Equal(
                new[] { "NotFound,PSRemoteLinks.Commands.RemoveRemoteIssueLinkCommand", "NotFound,PSRemoteLinks.Commands.RemoveIssueLinkCommand" },
                result.Errors.Select(e => e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
            Assert.Empty(Server.Requests.Where("DELETE", "/"));
        }

        [Fact]
        public void Piped_links_with_another_issue_typed_are_checked_against_the_typed_issue()
        {
            var result = Run("Get-IssueLink A-1 | Remove-IssueLink -Issue C-3 -Confirm:$false; "
                + "Get-RemoteIssueLink A-1 | Remove-RemoteIssueLink -Issue C-3 -Confirm:$false");

            Assert.Equal(
                new[] { "LinkNotOnIssue,PSRemoteLinks.Commands.RemoveIssueLinkCommand", "LinkNotOnIssue,PSRemoteLinks.Commands.RemoveRemoteIssueLinkCommand" },
                result.Errors.Select(e => e.FullyQualifiedErrorId));
            Assert.Empty(Server.Requests.Where("DELETE", "/"));
            Assert.Single(Server.Jira.RemoteLinks("A-1"));
            Assert.Single(Server.Jira.IssueLinks("A-1"));
        }

        [Theory]
        [InlineData("B-2")]
        [InlineData(" a-1 ")]
        [InlineData("10001")]
        public void A_link_of_the_issue_given_by_either_end_key_case_or_id_is_read_then_deleted(string issue)
        {
            var result = Run("Remove-IssueLink $issue " + SharedId + " -Confirm:$false", With("issue", issue));

            Assert.Empty(result.Errors);
            Assert.Equal(
                new[] { "GET /jira/rest/api/2/issueLink/30000", "DELETE /jira/rest/api/2/issueLink/30000" },
                Server.Requests.All.Select(r => r.Method + " " + r.RawTarget));
            Assert.Empty(Server.Jira.IssueLinks("A-1"));
            Assert.Single(Server.Jira.RemoteLinks("A-1"));
        }

        [Fact]
        public void Each_kind_piped_into_its_own_remove_deletes_exactly_those_links()
        {
            var result = Run("Get-IssueLink A-1 | Remove-IssueLink -Confirm:$false; Get-RemoteIssueLink A-1 | Remove-RemoteIssueLink -Confirm:$false");

            Assert.Empty(result.Errors);
            Assert.Equal(
                new[] { "/jira/rest/api/2/issueLink/30000", "/jira/rest/api/2/issue/A-1/remotelink/30000" },
                Server.Requests.Where("DELETE", "/").Select(r => r.RawTarget));
            Assert.Empty(Server.Jira.IssueLinks("A-1"));
            Assert.Empty(Server.Jira.RemoteLinks("A-1"));
        }
    }
}
