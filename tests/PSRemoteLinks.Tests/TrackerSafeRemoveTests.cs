using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// Removes touch only what was named, on Yandex Tracker, whose documentation does not say whether DELETE checks
    /// the issue in its path: the module reads the issue's links first. Issue-link and external-link ids collide here.
    /// </summary>
    public class TrackerSafeRemoveTests : EngineTest
    {
        private const long SharedId = 777;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Tracker.AddIssue("TREK-1", "Write the parser");
            Server.Tracker.AddIssue("TREK-2", "Ship the release");
            Server.Tracker.AddIssue("TREK-3", "Tell the users");
            Server.Tracker.SetNextIds(linkId: SharedId, remoteLinkId: SharedId);
            Server.Tracker.AddLink("TREK-1", "duplicates", "TREK-2");
            Server.Tracker.AddRemoteLink("TREK-1", "ru.yandex.bitbucket", "PR-1");
            ConnectTracker();
            Server.Requests.Clear();
        }

        [Fact]
        public void The_ids_collide()
        {
            Assert.Equal(SharedId, Server.Tracker.Links("TREK-1").Single().Id);
            Assert.Equal(SharedId, Server.Tracker.RemoteLinks("TREK-1").Single().Id);
        }

        [Theory]
        [InlineData("Remove-IssueLink TREK-3 -Id 777 -Confirm:$false", "Issue link 777 is not a link of TREK-3; nothing was deleted.", "/links")]
        [InlineData("Remove-RemoteIssueLink TREK-2 -Id 777 -Confirm:$false", "Remote link 777 is not a link of TREK-2; nothing was deleted.", "/remotelinks")]
        public void A_link_of_another_issue_is_ObjectNotFound_and_only_the_issues_links_are_read(string script, string message, string listed)
        {
            var error = SingleError(Run(script));

            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.StartsWith("LinkNotOnIssue,", error.FullyQualifiedErrorId);
            Assert.Equal(message, error.Exception.Message);
            var read = Assert.Single(Server.Requests.All);
            Assert.Equal("GET", read.Method);
            Assert.EndsWith(listed, read.Path);
            Assert.Single(Server.Tracker.Links("TREK-1"));
            Assert.Single(Server.Tracker.RemoteLinks("TREK-1"));
        }

        [Fact]
        public void Each_kind_piped_into_the_other_kinds_remove_is_refused_before_any_request()
        {
            var remote = Run("Get-RemoteIssueLink TREK-1").Output;
            var issueLinks = Run("Get-IssueLink TREK-1").Output;
            Server.Requests.Clear();

            var result = Run("$remote | Remove-IssueLink -Confirm:$false; $issueLinks | Remove-RemoteIssueLink -Confirm:$false",
                new System.Collections.Generic.Dictionary<string, object?> { ["remote"] = remote, ["issueLinks"] = issueLinks });

            Assert.Equal(
                new[] { "WrongLinkKind,PSRemoteLinks.Commands.RemoveIssueLinkCommand", "WrongLinkKind,PSRemoteLinks.Commands.RemoveRemoteIssueLinkCommand" },
                result.Errors.Select(e => e.FullyQualifiedErrorId));
            Assert.Empty(Server.Requests.All);
            Assert.Single(Server.Tracker.Links("TREK-1"));
            Assert.Single(Server.Tracker.RemoteLinks("TREK-1"));
        }

        [Fact]
        public void Each_kind_piped_into_its_own_remove_reads_then_deletes_exactly_those_links()
        {
            var result = Run("Get-IssueLink TREK-1 | Remove-IssueLink -Confirm:$false; Get-RemoteIssueLink TREK-1 | Remove-RemoteIssueLink -Confirm:$false");

            Assert.Empty(result.Errors);
            Assert.Equal(
                new[] { "GET /links", "GET /links", "DELETE /links/777", "GET /remotelinks", "GET /remotelinks", "DELETE /remotelinks/777" },
                Server.Requests.All.Select(r => r.Method + " " + r.Path.Replace("/tracker/v2/issues/TREK-1", string.Empty, System.StringComparison.Ordinal)));
            Assert.Empty(Server.Tracker.Links("TREK-1"));
            Assert.Empty(Server.Tracker.RemoteLinks("TREK-1"));
        }
    }
}
