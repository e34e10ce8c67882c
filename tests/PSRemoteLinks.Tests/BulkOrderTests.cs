using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>-ThrottleLimit keeps several requests in flight, yet everything a user sees comes in input order.</summary>
    public class BulkOrderTests : BulkTests
    {
        [Fact]
        public void Objects_and_verbose_lines_follow_input_order_when_answers_arrive_shuffled()
        {
            var keys = SeedIssues(40);
            Server.Latency.Random(TimeSpan.Zero, TimeSpan.FromMilliseconds(120), seed: 1234);

            var result = Run("$Keys | Get-RemoteIssueLink -ThrottleLimit 16 -Verbose", With("Keys", keys));

            Assert.Empty(result.Errors);
            Assert.Equal(keys, IssuesOf(result.Output));
            Assert.Equal(keys.Select(k => "link " + k), result.Output.Select(o => Text(o, "Title")));
            var requestLines = result.Verbose.Select(v => Regex.Match(v, "^GET .*/issue/([^/]+)/remotelink -> 200")).Where(m => m.Success);
            Assert.Equal(keys, requestLines.Select(m => m.Groups[1].Value).ToArray());
            Assert.True(Server.Requests.PeakConcurrent >= 2, "answers were awaited concurrently (peak " + Server.Requests.PeakConcurrent + ")");
        }

        [Fact]
        public void A_failing_item_in_the_middle_gives_its_error_in_its_place_and_every_other_items_object()
        {
            var keys = SeedIssues(12);
            Server.Jira.Forbid("B-6");
            Server.Latency.Random(TimeSpan.Zero, TimeSpan.FromMilliseconds(60), seed: 7);

            // 2>&1 sends the error down the output stream, so its place among the objects shows.
            var result = Run("$Keys | Get-RemoteIssueLink -ThrottleLimit 8 2>&1", With("Keys", keys));

            var seen = result.Output.Select(o => o.BaseObject is ErrorRecord e ? "error " + e.TargetObject : Text(o, "Issue")).ToArray();
            Assert.Equal(keys.Select(k => k == "B-6" ? "error B-6" : k).ToArray(), seen);
            var error = result.Output.Select(o => o.BaseObject).OfType<ErrorRecord>().Single();
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Equal("PermissionDenied,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal(keys.Length, Server.Requests.Where("GET", "/remotelink").Count);
        }

        [Fact]
        public void An_array_argument_is_worked_concurrently_and_written_in_order()
        {
            var keys = SeedIssues(12);
            Server.Latency.Random(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(150), seed: 99);

            var result = Run("Get-RemoteIssueLink -Issue $Keys -ThrottleLimit 6", With("Keys", keys));

            Assert.Empty(result.Errors);
            Assert.Equal(keys, IssuesOf(result.Output));
            Assert.InRange(Server.Requests.PeakConcurrent, 2, 6);
        }

        [Fact]
        public void ThrottleLimit_4_keeps_several_requests_in_flight_and_never_more_than_4()
        {
            var keys = SeedIssues(16);
            Server.Latency.Fixed = TimeSpan.FromMilliseconds(200);

            var result = Run("$Keys | Get-RemoteIssueLink -ThrottleLimit 4", With("Keys", keys));

            Assert.Empty(result.Errors);
            Assert.Equal(keys, IssuesOf(result.Output));
            Assert.InRange(Server.Requests.PeakConcurrent, 2, 4);
        }

        [Fact]
        public void The_default_throttle_is_4()
        {
            var keys = SeedIssues(12);
            // Requests wait at the server until released: 4 in flight is then reached however slow the machine is,
            // and a default of 2 or 3 never reaches it.
            var hold = Server.Faults.Add(Fault.Hold().For("GET", "/remotelink").Times(-1));

            var running = Start("$Keys | Get-RemoteIssueLink", With("Keys", keys));
            var reached = SpinUntil(() => Server.Requests.InFlight >= 4, TimeSpan.FromSeconds(30));
            hold.Release();

            Assert.True(running.Wait(TimeSpan.FromSeconds(30)), "the pipeline ended");
            Assert.True(reached, "4 requests were in flight at once (peak " + Server.Requests.PeakConcurrent + ")");
            Assert.Equal(keys, IssuesOf(running.Result.Output));
            Assert.Equal(4, Server.Requests.PeakConcurrent);
        }

        [Fact]
        public void ThrottleLimit_1_never_overlaps_two_requests()
        {
            var keys = SeedIssues(10);
            Server.Latency.Random(TimeSpan.Zero, TimeSpan.FromMilliseconds(40), seed: 5);

            var result = Run("$Keys | Get-RemoteIssueLink -ThrottleLimit 1", With("Keys", keys));

            Assert.Equal(keys, IssuesOf(result.Output));
            Assert.Equal(1, Server.Requests.PeakConcurrent);
        }

        [Fact]
        public void Each_item_of_a_bulk_create_does_its_requests_in_sequence_and_items_overlap()
        {
            var keys = SeedIssues(8);
            Server.Requests.Clear();
            Server.Latency.Fixed = TimeSpan.FromMilliseconds(100);

            var result = Run(
                "$Keys | ForEach-Object { [pscustomobject]@{ Issue = $_; Url = 'https://ci.example.org/' + $_; Title = 'build ' + $_ } } | New-RemoteIssueLink -ThrottleLimit 4",
                With("Keys", keys));

            Assert.Empty(result.Errors);
            Assert.Equal(keys, IssuesOf(result.Output));
            Assert.Equal(keys.Select(k => "build " + k), result.Output.Select(o => Text(o, "Title")));
            Assert.All(keys, k => Assert.Equal(2, Server.Jira.RemoteLinks(k).Count));
            // Per item: the POST, then the read-back of the link it created (the journal is in arrival order).
            foreach (var key in keys)
            {
                var created = Server.Jira.RemoteLinks(key)[1]["id"]!.ToString();
                var own = Server.Requests.All.Where(r => r.Path.Contains("/issue/" + key + "/", StringComparison.Ordinal)).Select(r => r.Method + " " + r.Path).ToArray();
                Assert.Equal(new[] { "POST /jira/rest/api/2/issue/" + key + "/remotelink", "GET /jira/rest/api/2/issue/" + key + "/remotelink/" + created }, own);
            }

            Assert.InRange(Server.Requests.PeakConcurrent, 2, 4);
        }

        [Fact]
        public void ThrottleLimit_outside_1_to_128_is_refused_naming_the_parameter()
        {
            var error = TerminatingError("Get-RemoteIssueLink B-1 -ThrottleLimit 0");
            Assert.Equal("ParameterArgumentValidationError,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("ThrottleLimit", error.Exception.Message);

            error = TerminatingError("Get-RemoteIssueLink B-1 -ThrottleLimit 129");
            Assert.Contains("128", error.Exception.Message);
        }
    }
}
