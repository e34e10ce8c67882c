using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Find-Issue on Yandex Tracker: pages up to 10,000 matches, a scroll beyond, the scroll released when left early.</summary>
    public class FindIssueTrackerTests : FindIssueTests
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            ConnectTracker();
        }

        [Fact]
        public void Reads_25000_issues_by_switching_from_pages_to_a_scroll_each_key_once_in_the_services_order()
        {
            var keys = IssueSets.AddTracker(Server.Tracker, "BIG", 25000);
            Server.Requests.Clear();

            var result = RunClean("Find-Issue 'Queue: BIG' | ForEach-Object Issue");

            Assert.Equal(keys, result.Output.Select(o => (string)o.BaseObject).ToArray());
            var searches = Searches();
            Assert.Equal("?perPage=100&page=1", searches[0].Query);
            Assert.StartsWith("?scrollType=sorted&perScroll=1000", searches[1].Query, StringComparison.Ordinal);
            Assert.Equal(25, searches.Count(s => s.Query.Contains("scroll", StringComparison.Ordinal)));
            Assert.All(searches.Skip(2), s => Assert.StartsWith("?scrollId=", s.Query, StringComparison.Ordinal));
            Assert.All(searches, s => AssertJson("{\"query\":\"Queue: BIG\"}", s.Body));
            Assert.Equal(0, Server.Tracker.Scrolls.Open);
            Assert.Equal(0, Server.Tracker.Scrolls.Cleared);
        }

        [Fact]
        public void Up_to_10000_matches_are_read_by_pages_with_the_total_from_X_Total_Count()
        {
            var keys = IssueSets.AddTracker(Server.Tracker, "BIG", 250);
            Server.Requests.Clear();

            var (text, _, _, found) = WithTotal("Find-Issue 'Queue: BIG' -IncludeTotalCount");

            Assert.Equal("Total count: 250", text);
            Assert.Equal(keys, found);
            Assert.Equal(new[] { "?perPage=100&page=1", "?perPage=100&page=2", "?perPage=100&page=3" }, Searches().Select(s => s.Query).ToArray());
            Assert.Equal(0, Server.Tracker.Scrolls.Created);
        }

        [Fact]
        public void The_first_issue_reaches_the_pipeline_before_the_second_page_is_asked_for()
        {
            IssueSets.AddTracker(Server.Tracker, "BIG", 300);
            Server.Requests.Clear();

            Assert.Equal(1, SearchesWhenFirstIssueArrived("Find-Issue 'Queue: BIG'"));
        }

        [Fact]
        public void When_scrolling_the_first_issue_arrives_before_the_second_part_is_asked_for()
        {
            IssueSets.AddTracker(Server.Tracker, "BIG", 12000);
            Server.Requests.Clear();

            // The first page (which told the total) and the scroll's first part.
            Assert.Equal(2, SearchesWhenFirstIssueArrived("Find-Issue 'Queue: BIG'"));
        }

        [Fact]
        public void First_10_reads_one_page_of_10_even_when_more_than_10000_match()
        {
            var keys = IssueSets.AddTracker(Server.Tracker, "BIG", 12000);
            Server.Requests.Clear();

            var result = RunClean("Find-Issue 'Queue: BIG' -First 10");

            Assert.Equal(keys.Take(10).ToArray(), Keys(result));
            Assert.Equal("?perPage=10&page=1", Assert.Single(Searches()).Query);
        }

        [Fact]
        public void Skip_starts_at_the_page_that_holds_the_first_wanted_issue()
        {
            var keys = IssueSets.AddTracker(Server.Tracker, "BIG", 1000);
            Server.Requests.Clear();

            var result = RunClean("Find-Issue 'Queue: BIG' -Skip 250 -First 120");

            Assert.Equal(keys.Skip(250).Take(120).ToArray(), Keys(result));
            Assert.Equal(new[] { "?perPage=100&page=3", "?perPage=100&page=4" }, Searches().Select(s => s.Query).ToArray());
        }

        [Fact]
        public void A_scroll_left_at_First_is_released()
        {
            var keys = IssueSets.AddTracker(Server.Tracker, "BIG", 12000);
            Server.Requests.Clear();

            var result = RunClean("Find-Issue 'Queue: BIG' -First 10500");

            Assert.Equal(keys.Take(10500).ToArray(), Keys(result));
            Assert.Equal(1, Server.Tracker.Scrolls.Cleared);
            Assert.Equal(0, Server.Tracker.Scrolls.Open);
            var clear = Assert.Single(Server.Requests.Where("POST", "/system/search/scroll/_clear"));
            Assert.Equal(200, clear.Status);
        }

        [Fact]
        public void A_scroll_left_because_the_pipeline_stopped_downstream_is_released()
        {
            IssueSets.AddTracker(Server.Tracker, "BIG", 12000);

            var result = RunClean("Find-Issue 'Queue: BIG' | Select-Object -First 1500 | Measure-Object | ForEach-Object Count");

            Assert.Equal(1500, (int)Assert.Single(result.Output).BaseObject);
            Assert.True(SpinUntil(() => Server.Tracker.Scrolls.Open == 0, TimeSpan.FromSeconds(20)), "the scroll was released");
            Assert.Single(Server.Requests.Where("POST", "/system/search/scroll/_clear"));
        }

        [Fact]
        public void An_expired_scroll_starts_over_without_writing_an_issue_twice()
        {
            var keys = IssueSets.AddTracker(Server.Tracker, "BIG", 12000);

            var result = RunClean(
                "Find-Issue 'Queue: BIG' | ForEach-Object -Begin { $n = 0 } -Process { $n++; if ($n -eq 1500) { $Scrolls.ExpireAll() }; $_.Issue }",
                With("Scrolls", Server.Tracker.Scrolls));

            Assert.Equal(keys, result.Output.Select(o => (string)o.BaseObject).ToArray());
            Assert.Equal(2, Server.Tracker.Scrolls.Created);
            Assert.Contains(Server.Requests.All, r => r.Status == 403 && r.Path.EndsWith("/_search", StringComparison.Ordinal));
        }

        [Fact]
        public void A_bad_query_is_one_error_quoting_Tracker()
        {
            var error = SingleError(Run("Find-Issue 'Qeueu: TREK'"));

            Assert.Equal("BadRequest,PSRemoteLinks.Commands.FindIssueCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("Unknown field: \"Qeueu\".", error.Exception.Message, StringComparison.Ordinal);
            Assert.Single(Searches());
        }

        [Fact]
        public void Issues_carry_the_localized_status_the_category_and_the_web_url()
        {
            Server.Tracker.AddIssue("OPS-1", "Move the wiki", "inProgress");
            Server.Tracker.SetAssignee("OPS-1", "ada", "Ada Lovelace");

            var issue = SingleIssue(RunClean("Find-Issue 'Queue: OPS'"));

            Assert.Equal("OPS-1", Text(issue, "Issue"));
            Assert.Equal("Move the wiki", Text(issue, "Summary"));
            Assert.Equal("In progress", Text(issue, "Status"));
            Assert.Equal("InProgress", Text(issue, "StatusCategory"));
            Assert.Equal("Task", Text(issue, "Type"));
            Assert.Equal("Ada Lovelace", Text(issue, "Assignee"));
            Assert.IsType<DateTimeOffset>(Prop(issue, "UpdatedAt"));
            Assert.Equal("https://tracker.yandex.ru/OPS-1", Text(issue, "Url"));
            Assert.Equal(Server.TrackerUri.AbsoluteUri.TrimEnd('/') + "/v2/issues/OPS-1", Text(issue, "Self"));
        }

        [Fact]
        public void Issues_go_back_to_the_connection_they_were_found_on()
        {
            ConnectJira();
            Server.Tracker.AddIssue("OPS-1", "One");
            Server.Tracker.AddRemoteLink("OPS-1", "ru.yandex.bitbucket", "PR-7");

            var result = RunClean("$tracker = Get-IssueTrackerConnection | Where-Object Kind -eq YandexTracker; Find-Issue 'Queue: OPS' -Connection $tracker | Get-RemoteIssueLink");

            var link = Assert.Single(result.Output);
            Assert.Equal("PR-7", Text(link, "Key"));
        }
    }
}
