using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Find-Issue on Jira Cloud (the emulator's default): search/jql with token paging, approximate-count for the total.</summary>
    public class FindIssueJiraTests : FindIssueTests
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            ConnectJira();
        }

        [Fact]
        public void Cloud_reads_25000_issues_over_250_token_pages_each_key_once_in_the_services_order()
        {
            var keys = IssueSets.AddJira(Server.Jira, "BIG", 25000);
            Server.Requests.Clear();

            var result = RunClean("Find-Issue 'project = BIG ORDER BY updated DESC' | ForEach-Object Issue");

            Assert.Equal(keys.Reverse().ToArray(), result.Output.Select(o => (string)o.BaseObject).ToArray());
            var searches = Searches();
            Assert.Equal(250, searches.Count);
            Assert.All(searches, s => Assert.EndsWith("/rest/api/2/search/jql", s.Path, StringComparison.Ordinal));
            Assert.Null(JsonNode.Parse(searches[0].Body)!["nextPageToken"]);
            Assert.All(searches.Skip(1), s => Assert.NotNull(JsonNode.Parse(s.Body)!["nextPageToken"]));
            Assert.All(searches, s => Assert.Equal(100, (int)JsonNode.Parse(s.Body)!["maxResults"]!));
            Assert.Single(Server.Requests.Where("GET", "/serverInfo"));
        }

        [Fact]
        public void The_first_issue_reaches_the_pipeline_before_the_second_page_is_asked_for()
        {
            IssueSets.AddJira(Server.Jira, "BIG", 300);
            Server.Requests.Clear();

            Assert.Equal(1, SearchesWhenFirstIssueArrived("Find-Issue 'project = BIG'"));
            Assert.Equal(3, Searches().Count);
        }

        [Fact]
        public void First_10_reads_one_page_of_10()
        {
            var keys = IssueSets.AddJira(Server.Jira, "BIG", 1000);
            Server.Requests.Clear();

            var result = RunClean("Find-Issue 'project = BIG' -First 10");

            Assert.Equal(keys.Take(10).ToArray(), Keys(result));
            var search = Assert.Single(Searches());
            Assert.Equal(10, (int)JsonNode.Parse(search.Body)!["maxResults"]!);
        }

        [Fact]
        public void Skip_leaves_out_the_first_matches_and_First_stops_after_the_page_that_holds_the_last_wanted()
        {
            var keys = IssueSets.AddJira(Server.Jira, "BIG", 1000);
            Server.Requests.Clear();

            var result = RunClean("Find-Issue 'project = BIG' -Skip 150 -First 20");

            // Cloud pages only forward: the skipped issues are read and dropped, and no page past the 170th issue is asked for.
            Assert.Equal(keys.Skip(150).Take(20).ToArray(), Keys(result));
            Assert.Equal(2, Searches().Count);
        }

        [Fact]
        public void Skip_past_the_end_writes_nothing()
        {
            IssueSets.AddJira(Server.Jira, "BIG", 30);

            var result = RunClean("Find-Issue 'project = BIG' -Skip 30");

            Assert.Empty(result.Output);
        }

        [Fact]
        public void IncludeTotalCount_writes_Clouds_estimate_first_as_PowerShell_documents()
        {
            var keys = IssueSets.AddJira(Server.Jira, "BIG", 250);
            Server.Requests.Clear();

            var (text, accuracy, count, found) = WithTotal("Find-Issue 'project = BIG' -First 5 -IncludeTotalCount");

            Assert.Equal(250UL, count);
            Assert.Equal("Estimated total count: 250", text);
            Assert.InRange(accuracy, 0.01, 0.99);
            Assert.Equal(keys.Take(5).ToArray(), found);
            Assert.Single(Server.Requests.Where("POST", "/search/approximate-count"));
        }

        [Fact]
        public void A_bad_query_is_one_error_quoting_Jira_and_nothing_is_retried_elsewhere()
        {
            var error = SingleError(Run("Find-Issue 'projekt = DEMO'"));

            Assert.Equal("BadRequest,PSRemoteLinks.Commands.FindIssueCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("Field 'projekt' does not exist or you do not have permission to view it.", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal("projekt = DEMO", error.TargetObject);
            Assert.Single(Searches());
            Assert.DoesNotContain(Server.Requests.All, r => r.Path.EndsWith("/rest/api/2/search", StringComparison.Ordinal));
        }

        [Fact]
        public void An_unbounded_query_on_Cloud_is_Jiras_own_error()
        {
            var error = SingleError(Run("Find-Issue 'ORDER BY key'"));

            Assert.Contains("Unbounded JQL queries are not allowed here", error.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_empty_query_is_refused_before_any_request()
        {
            var error = SingleError(Run("Find-Issue ''"));

            Assert.Equal("ParameterArgumentValidationError,PSRemoteLinks.Commands.FindIssueCommand", error.FullyQualifiedErrorId);
            Assert.Empty(Searches());
        }

        [Fact]
        public void Issues_carry_every_field_with_the_browse_url_and_the_connection()
        {
            Server.Jira.AddIssue("OPS-1", "Move the wiki", "In Progress");
            Server.Jira.SetSearchFields("OPS-1", new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero), "Ada Lovelace");

            var issue = SingleIssue(RunClean("Find-Issue 'project = OPS'"));

            Assert.Equal("OPS-1", Text(issue, "Issue"));
            Assert.Equal("Move the wiki", Text(issue, "Summary"));
            Assert.Equal("In Progress", Text(issue, "Status"));
            Assert.Equal("InProgress", Text(issue, "StatusCategory"));
            Assert.Equal("Task", Text(issue, "Type"));
            Assert.Equal("Ada Lovelace", Text(issue, "Assignee"));
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero), Prop(issue, "UpdatedAt"));
            Assert.Equal(Server.JiraUri.AbsoluteUri.TrimEnd('/') + "/browse/OPS-1", Text(issue, "Url"));
            Assert.Equal(Server.JiraUri.AbsoluteUri.TrimEnd('/') + "/rest/api/2/issue/10001", Text(issue, "Self"));
            Assert.Equal("OPS-1", issue.BaseObject.ToString());
            Assert.Contains(Server.JiraUri.AbsoluteUri.TrimEnd('/'), Text(issue, "Connection"), StringComparison.Ordinal);
        }

        [Fact]
        public void Found_issues_pipe_into_the_link_cmdlets_by_Issue()
        {
            Server.Jira.AddIssue("OPS-1", "One");
            Server.Jira.AddIssue("OPS-2", "Two");
            Server.Jira.AddRemoteLink("OPS-2", "{\"object\":{\"url\":\"https://wiki.old.example/a\",\"title\":\"A\"}}");

            var links = RunClean("Find-Issue 'project = OPS' | Get-RemoteIssueLink").Output;

            var link = Assert.Single(links);
            Assert.Equal("PSRemoteLinks.RemoteIssueLink", TypeName(link));
            Assert.Equal("OPS-2", Text(link, "Issue"));
            Assert.Equal("https://wiki.old.example/a", Text(link, "Url"));
        }

        [Fact]
        public void A_503_on_a_page_is_retried_because_a_search_changes_nothing()
        {
            var keys = IssueSets.AddJira(Server.Jira, "BIG", 150);
            Server.Faults.Add(Fault.ServiceUnavailable("0").For("POST", "/search/jql").Times(1));
            Server.Requests.Clear();

            var result = RunClean("Find-Issue 'project = BIG'");

            Assert.Equal(keys, Keys(result));
            Assert.Equal(3, Searches().Count);
        }

        [Fact]
        public async Task Ctrl_C_while_a_page_is_in_flight_stops_at_once_after_the_issues_already_written()
        {
            var keys = IssueSets.AddJira(Server.Jira, "BIG", 300);
            Server.Faults.Add(Fault.Delay(TimeSpan.Zero).For("POST", "/search/jql").Times(1));
            var hang = Server.Faults.Add(Fault.Hang().For("POST", "/search/jql").Times(-1));
            Server.Requests.Clear();

            var running = Start("Find-Issue 'project = BIG'");
            Assert.True(SpinUntil(() => hang.Hits == 1, TimeSpan.FromSeconds(20)), "the second page hangs on the server");

            await AssertStopsPromptly(running);
            Assert.Equal(keys.Take(100).ToArray(), Keys(running.Result));
            Assert.Equal(2, Searches().Count);
        }

        [Fact]
        public void Verbose_and_debug_output_show_the_searches_and_no_secret()
        {
            IssueSets.AddJira(Server.Jira, "BIG", 150);

            var result = RunClean("Find-Issue 'project = BIG' -Verbose -Debug | Out-Null");

            Assert.Contains(result.Verbose, line => line.StartsWith("POST " + Server.JiraUri.AbsoluteUri.TrimEnd('/') + "/rest/api/2/search/jql -> 200", StringComparison.Ordinal));
            AssertNoSecretVisible(result);
        }

        [Fact]
        public void The_table_view_shows_key_status_type_assignee_and_summary()
        {
            Server.Jira.AddIssue("OPS-1", "Move the wiki", "In Progress");
            Server.Jira.SetSearchFields("OPS-1", DateTimeOffset.UtcNow, "Ada Lovelace");

            var lines = ((string)Assert.Single(RunClean("Find-Issue 'project = OPS' | Out-String -Width 120").Output).BaseObject)
                .Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();

            Assert.Equal("Issue          Status         Type       Assignee           Summary", lines[0]);
            Assert.Equal("OPS-1          In Progress    Task       Ada Lovelace       Move the wiki", lines[2]);
        }
    }
}
