using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>One session with a Jira site and a Tracker organisation: the same commands, told apart by -Connection.</summary>
    public class MixedConnectionTests : EngineTest
    {
        private const string Connect =
            "$jira = Connect-Jira $JiraUri -Credential $JiraCred -Name site -PassThru; "
            + "$tracker = Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -Name org -PassThru; ";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Jira source");
            Server.Jira.AddIssue("B-2", "Jira target");
            Server.Tracker.AddIssue("TREK-1", "Tracker source");
            Server.Tracker.AddIssue("TREK-2", "Tracker target");
        }

        [Fact]
        public void The_same_pipeline_shape_links_lists_and_unlinks_on_each_service()
        {
            var script = Connect
                + "foreach ($case in @(@($jira, 'A-1', 'B-2', 'blocks'), @($tracker, 'TREK-1', 'TREK-2', 'depends on'))) { "
                + "  $c, $from, $to, $phrase = $case; "
                + "  New-IssueLink $from -LinkedIssue $to -Relationship $phrase -Connection $c; "
                + "  $from, $to | Get-IssueLink -Connection $c "
                + "}";

            var result = Run(script);

            Assert.Empty(result.Errors);
            Assert.Equal(
                new[] { "A-1 blocks B-2", "A-1 blocks B-2", "B-2 is blocked by A-1", "TREK-1 depends on TREK-2", "TREK-1 depends on TREK-2", "TREK-2 is dependent by TREK-1" },
                result.Output.Select(o => o.BaseObject.ToString()).ToArray());
            Assert.Equal(
                new[] { "site", "site", "site", "org", "org", "org" },
                result.Output.Select(o => (string)((dynamic)Prop(o, "Connection")!).Name).ToArray());
            Assert.Single(Server.Jira.IssueLinks("A-1"));
            Assert.Single(Server.Tracker.Links("TREK-1"));

            // Piped links carry their connection: neither remove names one, and the default (Tracker) is not used for Jira's.
            var removed = Run("Get-IssueLink A-1 -Connection $jira | Remove-IssueLink -Confirm:$false; Get-IssueLink TREK-2 -Connection $tracker | Remove-IssueLink -Confirm:$false");

            Assert.Empty(removed.Errors);
            Assert.Empty(Server.Jira.IssueLinks("B-2"));
            Assert.Empty(Server.Tracker.Links("TREK-1"));
            var deletes = Server.Requests.Where("DELETE", "/");
            Assert.Equal(2, deletes.Count);
            Assert.StartsWith("/jira/rest/api/2/issueLink/", deletes[0].Path);
            Assert.StartsWith("/tracker/v2/issues/TREK-2/links/", deletes[1].Path);
        }

        [Fact]
        public void Links_piped_into_New_IssueLink_are_copied_onto_another_issue_of_the_same_service()
        {
            Server.Jira.AddIssue("C-3", "Jira copy");
            Server.Tracker.AddIssue("TREK-3", "Tracker copy");
            Server.Jira.AddIssueLink("Blocks", "A-1", "B-2");
            Server.Tracker.AddLink("TREK-1", "is parent task for", "TREK-2");

            var result = Run(Connect + "Get-IssueLink A-1 -Connection $jira | New-IssueLink -Issue C-3; Get-IssueLink TREK-1 -Connection $tracker | New-IssueLink -Issue TREK-3");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "C-3 blocks B-2", "TREK-3 is parent task for TREK-2" }, result.Output.Select(o => o.BaseObject.ToString()).ToArray());
            Assert.Equal("C-3", Server.Jira.IssueLinks("C-3").Single().InwardKey);
            Assert.Equal("is subtask for", Server.Tracker.Links("TREK-2").Single(l => l.OtherKey == "TREK-3").Relationship);
        }

        [Fact]
        public void Every_request_goes_to_the_service_its_connection_names()
        {
            var result = Run(Connect
                + "Get-IssueLinkType -Connection $jira | Out-Null; Get-IssueLinkType -Connection $tracker | Out-Null; "
                + "Get-IssueLink A-1 -Connection $jira; Get-IssueLink TREK-1 -Connection $tracker; Get-IssueLink TREK-2");

            Assert.Empty(result.Errors);
            var paths = Server.Requests.All.Select(r => r.Path).ToArray();
            Assert.Equal(
                new[]
                {
                    "/jira/rest/api/2/myself", "/tracker/v2/myself", "/jira/rest/api/2/issueLinkType", "/tracker/v2/linktypes",
                    "/jira/rest/api/2/issue/A-1", "/tracker/v2/issues/TREK-1/links", "/tracker/v2/issues/TREK-2/links",
                },
                paths);
            Assert.All(Server.Requests.Where(null, "/jira/"), r => Assert.StartsWith("Basic ", r.Headers["Authorization"]));
            Assert.All(Server.Requests.Where(null, "/tracker/"), r => Assert.StartsWith("OAuth ", r.Headers["Authorization"]));
            Assert.All(Server.Requests.Where(null, "/jira/"), r => Assert.False(r.Headers.ContainsKey("X-Org-ID")));
        }

        [Fact]
        public void New_RemoteIssueLink_names_what_each_service_requires_before_any_request()
        {
            var result = Run(Connect + "New-RemoteIssueLink A-1 -Url https://x.example -Connection $jira; New-RemoteIssueLink TREK-1 -Origin ru.yandex.bitbucket -Connection $tracker");

            Assert.Equal(2, result.Errors.Count);
            Assert.Equal("Jira requires a remote link's -Title; it cannot be empty.", result.Errors[0].Exception.Message);
            Assert.Contains("A Yandex Tracker external link needs -Key", result.Errors[1].Exception.Message);
            Assert.All(result.Errors, e => Assert.Equal("InvalidInput,PSRemoteLinks.Commands.NewRemoteIssueLinkCommand", e.FullyQualifiedErrorId));
            Assert.Empty(Changes());
        }

        [Fact]
        public void A_key_of_one_service_asked_of_the_other_is_that_services_not_found()
        {
            var result = Run(Connect + "Get-IssueLink TREK-1 -Connection $jira; Get-IssueLink A-1 -Connection $tracker");

            Assert.Equal(2, result.Errors.Count);
            Assert.Contains("Jira answered 404", result.Errors[0].Exception.Message);
            Assert.Contains("Yandex Tracker answered 404", result.Errors[1].Exception.Message);
            Assert.All(result.Errors, e => Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        }
    }
}
