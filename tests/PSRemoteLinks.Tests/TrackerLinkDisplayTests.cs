using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// What Tracker links show and take: a new issue link carries the linked issue's status as Get-IssueLink does, an
    /// external link's relationship is one of Tracker's values, checked before anything is sent.
    /// </summary>
    public sealed class TrackerLinkDisplayTests : EngineTest
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Tracker.AddIssue("TREK-1", "Write the parser");
            Server.Tracker.AddIssue("TREK-2", "Ship the release", "inProgress");
            ConnectTracker();
        }

        [Fact]
        public void A_new_issue_link_shows_the_linked_issues_status_as_Get_IssueLink_does()
        {
            var created = Run("New-IssueLink TREK-1 -LinkedIssue TREK-2 -Relationship 'depends on'");
            var read = Run("Get-IssueLink TREK-1");

            Assert.Empty(created.Errors);
            var link = Assert.Single(created.Output);
            Assert.Equal("In progress", Text(link, "LinkedIssueStatus"));
            Assert.Equal("InProgress", Text(link, "LinkedIssueStatusCategory"));
            Assert.Equal("Ship the release", Text(link, "LinkedIssueSummary"));
            var same = Assert.Single(read.Output);
            foreach (var property in new[] { "Id", "Relationship", "LinkedIssue", "LinkedIssueStatus", "LinkedIssueSummary", "Direction", "Type", "Self" })
            {
                Assert.Equal(Text(same, property), Text(link, property));
            }

            // One POST; the status comes from the issue's list of links, read after it.
            Assert.Single(Server.Requests.Where("POST", "/links"));
            Assert.Equal(2, Server.Requests.Where("GET", "/issues/TREK-1/links").Count);
        }

        [Fact]
        public void When_the_read_back_fails_the_created_link_is_still_written_once_without_an_error()
        {
            Server.Faults.Add(Fault.Status(403, "{\"errors\":{},\"errorMessages\":[\"No access\"],\"statusCode\":403}").For("GET", "/issues/TREK-1/links").Times(-1));

            var created = Run("New-IssueLink TREK-1 -LinkedIssue TREK-2 -Relationship relates");

            Assert.Empty(created.Errors);
            Assert.Null(created.TerminatingError);
            var link = Assert.Single(created.Output);
            Assert.Equal("TREK-2", Text(link, "LinkedIssue"));
            Assert.Null(Prop(link, "LinkedIssueStatus"));
            Assert.Single(Server.Requests.Where("POST", "/links"));
            Assert.Single(Server.Tracker.Links("TREK-1"));
        }

        [Theory]
        [InlineData("RELATES", "RELATES", "relates")]
        [InlineData("  Depends   On ", "depends on", "depends on")]
        public void An_external_links_relationship_is_checked_and_sent_in_the_documented_spacing(string given, string sent, string read)
        {
            var result = Run("New-RemoteIssueLink TREK-1 -Key PR-7 -Origin ru.yandex.bitbucket -Relationship $r", With("r", given));

            Assert.Empty(result.Errors);
            var post = Assert.Single(Server.Requests.Where("POST", "/remotelinks"));
            Assert.Equal(sent, (string?)JsonNode.Parse(post.Body)!["relationship"]);
            Assert.Equal(read, Text(Assert.Single(result.Output), "Relationship"));
        }

        [Fact]
        public void An_unknown_external_link_relationship_names_the_valid_values_and_sends_nothing()
        {
            var error = SingleError(Run("New-RemoteIssueLink TREK-1 -Key PR-7 -Origin ru.yandex.bitbucket -Relationship 'built by'"));

            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("InvalidInput,PSRemoteLinks.Commands.NewRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'built by' is not a Yandex Tracker relationship", error.Exception.Message);
            Assert.Contains("'relates'", error.Exception.Message);
            Assert.Contains("'has epic'", error.Exception.Message);
            Assert.Empty(Server.Requests.Where("POST", "/remotelinks"));
        }

        [Fact]
        public void A_Tracker_external_link_copied_through_the_pipeline_keeps_its_relationship()
        {
            Assert.Empty(Run("New-RemoteIssueLink TREK-1 -Key PR-7 -Origin ru.yandex.bitbucket -Relationship 'is dependent by'").Errors);

            var copied = Run("Get-RemoteIssueLink TREK-1 | Where-Object Key -eq PR-7 | New-RemoteIssueLink -Issue TREK-2");

            Assert.Empty(copied.Errors);
            Assert.Equal("is dependent by", Text(Assert.Single(copied.Output), "Relationship"));
            var posts = Server.Requests.Where("POST", "/remotelinks").ToList();
            Assert.Equal(2, posts.Count);
            Assert.Equal("/tracker/v2/issues/TREK-2/remotelinks", posts[1].Path);
            Assert.Equal("is dependent by", (string?)JsonNode.Parse(posts[1].Body)!["relationship"]);
        }
    }
}
