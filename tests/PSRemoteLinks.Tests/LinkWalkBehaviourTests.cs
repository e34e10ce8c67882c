using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.Tests.Walks;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// How Get-IssueLink -Recurse behaves while it walks: it streams, stops at once on Ctrl+C, shows its progress,
    /// keeps -ThrottleLimit reads in flight, and refuses bad input before reading anything.
    /// </summary>
    public sealed class LinkWalkBehaviourTests : EngineTest
    {
        /// <summary>CH-1 is blocked by CH-2, which is blocked by CH-3, which is blocked by CH-4.</summary>
        private void SeedChain()
        {
            for (var i = 1; i <= 4; i++)
            {
                Server.Jira.AddIssue("CH-" + i, "Chain " + i, i == 4 ? "Done" : "To Do");
            }

            for (var i = 1; i < 4; i++)
            {
                Server.Jira.AddIssueLink("Blocks", inwardKey: "CH-" + (i + 1), outwardKey: "CH-" + i);
            }

            ConnectJira();
            Server.Requests.Clear();
        }

        [Fact]
        public async Task It_streams_the_first_level_is_out_before_the_third_is_read()
        {
            SeedChain();
            var hold = Server.Faults.Add(Fault.Hold().For("GET", "/issue/CH-3"));
            var seen = new ConcurrentQueue<object>();

            var running = Start("Get-IssueLink CH-1 -Recurse | ForEach-Object { $Seen.Enqueue($_.ToString() + ' @' + $_.Depth) }", With("Seen", seen));

            Assert.True(SpinUntil(() => hold.Hits >= 1 && seen.Count >= 2, TimeSpan.FromSeconds(30)), "the first two levels were written while CH-3's read was held");
            Assert.Equal(new object[] { "CH-1 is blocked by CH-2 @0", "CH-2 is blocked by CH-3 @1" }, seen.ToArray());
            Assert.Equal(0, Assert.Single(Server.Requests.Where("GET", "/issue/CH-3")).Status);

            hold.Release();
            Assert.True(running.Wait(TimeSpan.FromSeconds(30)));
            Assert.True(running.Result.Succeeded);
            Assert.Equal(new object[] { "CH-1 is blocked by CH-2 @0", "CH-2 is blocked by CH-3 @1", "CH-3 is blocked by CH-4 @2" }, seen.ToArray());
            await Task.CompletedTask;
        }

        [Fact]
        public async Task Ctrl_C_stops_the_walk_at_once_and_aborts_the_reads_in_flight()
        {
            SeedChain();
            var hold = Server.Faults.Add(Fault.Hold().For("GET", "/issue/CH-3"));

            var running = Start("Get-IssueLink CH-1 -Recurse");
            Assert.True(SpinUntil(() => hold.Hits >= 1, TimeSpan.FromSeconds(30)), "the walk reached CH-3");

            await AssertStopsPromptly(running);
            Assert.Empty(Server.Requests.Where("GET", "/issue/CH-4"));
        }

        [Fact]
        public void The_progress_bar_counts_issues_visited_and_queued_and_is_not_written_per_issue()
        {
            var graph = LinkGraph.ForJira("PG", 200);
            graph.SeedJira(Server.Jira);
            ConnectJira();

            var clock = Stopwatch.StartNew();
            var result = Run("Get-IssueLink PG-1 -Recurse -ThrottleLimit 8");
            var elapsed = clock.Elapsed;

            Assert.True(result.Succeeded);
            Assert.NotEmpty(result.Progress);
            Assert.All(result.Progress, p =>
            {
                Assert.Equal("Get-IssueLink", p.Activity);
                Assert.Matches(new Regex("^visited [0-9]+, queued [0-9]+$"), p.StatusDescription);
            });
            var working = result.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
            Assert.Equal("visited 200, queued 0", working[^1].StatusDescription);
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
            var visited = working.Select(p => int.Parse(p.StatusDescription.Split(' ')[1].TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(visited.OrderBy(v => v), visited);
            // At most one record every 250 ms, plus the first and the final count.
            Assert.True(working.Count <= 2 + (int)(elapsed.TotalMilliseconds / 250), working.Count + " records in " + elapsed);
        }

        [Fact]
        public void A_walk_that_ends_with_its_only_issue_shows_no_progress_bar()
        {
            SeedChain();

            var one = Run("Get-IssueLink CH-1 -Depth 0");
            var two = Run("Get-IssueLink CH-1 -Depth 1");

            Assert.Single(one.Output);
            Assert.Empty(one.Progress);
            Assert.Equal(2, two.Output.Count);
            Assert.Equal("visited 2, queued 0", two.Progress.Last(p => p.RecordType == ProgressRecordType.Processing).StatusDescription);
        }

        [Fact]
        public void ThrottleLimit_bounds_the_reads_in_flight_and_the_output_does_not_depend_on_it()
        {
            var graph = LinkGraph.ForJira("TL", 60);
            graph.SeedJira(Server.Jira);
            ConnectJira();
            Server.Latency.Fixed = TimeSpan.FromMilliseconds(40);
            Server.Requests.Clear();

            var eight = Run("Get-IssueLink TL-1 -Recurse -ThrottleLimit 8");
            var peakEight = Server.Requests.PeakConcurrent;
            Server.Latency.Random(TimeSpan.Zero, TimeSpan.FromMilliseconds(15), seed: 7);
            Server.Requests.Clear();
            var one = Run("Get-IssueLink TL-1 -Recurse -ThrottleLimit 1");
            var peakOne = Server.Requests.PeakConcurrent;

            Assert.True(eight.Succeeded && one.Succeeded);
            Assert.InRange(peakEight, 2, 8);
            Assert.Equal(1, peakOne);
            Assert.Equal(ExpectedWalk.Of(graph, new[] { "TL-1" }).Links, WalkService.Walked(eight.Output));
            Assert.Equal(WalkService.Walked(eight.Output), WalkService.Walked(one.Output));
        }

        [Fact]
        public void Verbose_lines_of_every_read_are_written()
        {
            SeedChain();

            var result = Run("Get-IssueLink CH-1 -Recurse -Verbose");

            Assert.True(result.Succeeded);
            var reads = result.Verbose.Where(v => v.StartsWith("GET ", StringComparison.Ordinal) && v.Contains("/issue/CH-", StringComparison.Ordinal)).ToList();
            Assert.Equal(4, reads.Count);
        }

        [Fact]
        public void An_unknown_Relationship_stops_the_command_naming_it_before_any_issue_is_read()
        {
            SeedChain();

            var error = TerminatingError("Get-IssueLink CH-1 -Recurse -Relationship 'is blocked by', 'blocks-ish'");

            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("InvalidInput,PSRemoteLinks.Commands.GetIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'blocks-ish' is not a relationship on this Jira site", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("'is blocked by'", error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(Server.Requests.Where("GET", "/issue/"));
        }

        [Fact]
        public void An_unknown_Tracker_Relationship_lists_the_nine_values_and_sends_nothing()
        {
            Server.Tracker.AddIssue("TW-1", "One");
            ConnectTracker();
            Server.Requests.Clear();

            var error = TerminatingError("Get-IssueLink TW-1 -Relationship blocker");

            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("'blocker' is not a Yandex Tracker relationship", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("'is dependent by'", error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(Server.Requests.All);
        }

        [Theory]
        [InlineData("-Depth -1")]
        [InlineData("-Depth x")]
        [InlineData("-Relationship ''")]
        public void Bad_Depth_or_Relationship_is_refused_by_parameter_validation(string parameters)
        {
            SeedChain();

            var error = TerminatingError("Get-IssueLink CH-1 " + parameters);

            Assert.IsAssignableFrom<ParameterBindingException>(error.Exception);
            Assert.Contains(parameters.Split(' ')[0].TrimStart('-'), error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(Server.Requests.All);
        }

        [Fact]
        public void On_Tracker_a_link_shown_with_another_id_from_its_other_side_is_still_written_once()
        {
            Server.Tracker.AddIssue("TW-1", "One");
            Server.Tracker.AddIssue("TW-2", "Two", "inProgress");
            Server.Tracker.AddLink("TW-1", "depends on", "TW-2");
            // TW-2's side of the same link under another id, as Tracker's docs do not rule out.
            Server.Faults.Add(Fault.Serve(200,
                "[{\"self\":\"x\",\"id\":999,\"type\":{\"id\":\"depends\"},\"direction\":\"inward\",\"object\":{\"key\":\"TW-1\",\"display\":\"One\"},\"status\":{\"key\":\"open\"}}]")
                .For("GET", "/issues/TW-2/links"));
            ConnectTracker();

            var result = Run("Get-IssueLink TW-1 -Recurse");

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            var link = Assert.Single(result.Output);
            Assert.Equal("TW-1 depends on TW-2", link.BaseObject.ToString());
            Assert.Equal("One", Text(link, "IssueSummary"));
            Assert.Equal("Two", Text(link, "LinkedIssueSummary"));
            Assert.Single(Server.Requests.Where("GET", "/issues/TW-2/links"));
        }

        [Fact]
        public void Without_recurse_a_Jira_link_carries_its_own_issue_summary_and_status_from_the_same_read()
        {
            SeedChain();

            var result = Run("Get-IssueLink CH-4");

            var link = Assert.Single(result.Output);
            Assert.Equal("CH-4 blocks CH-3", link.BaseObject.ToString());
            Assert.Equal("Chain 4", Text(link, "IssueSummary"));
            Assert.Equal("Done", Text(link, "IssueStatus"));
            Assert.Equal("Done", Text(link, "IssueStatusCategory"));
            Assert.Equal(0, Prop(link, "Depth"));
            Assert.Equal("?fields=issuelinks,summary,status", Assert.Single(Server.Requests.Where("GET", "/issue/CH-4")).Query);
        }
    }
}
