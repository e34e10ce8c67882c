using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>429 answers slow the whole connection down: a bulk run waits the service out instead of hammering it.</summary>
    public class BulkRateLimitTests : BulkTests
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            // Enough retries that the one request probing the service could never run out of them in these storms.
            ConnectJira("-MaximumRetryCount 10");
        }

        [Fact]
        public void A_429_storm_during_a_bulk_create_ends_with_every_link_made_exactly_once()
        {
            var keys = SeedIssues(16);
            var storm = Server.Faults.Add(Fault.TooManyRequests("1").For("POST", "/remotelink").Times(10));

            var result = Run(
                "$Keys | ForEach-Object { [pscustomobject]@{ Issue = $_; Url = 'https://ci.example.org/' + $_; Title = 'build ' + $_; GlobalId = 'ci=' + $_ } }"
                + " | New-RemoteIssueLink -ThrottleLimit 8",
                With("Keys", keys));

            Assert.Empty(result.Errors);
            Assert.Equal(keys, IssuesOf(result.Output));
            Assert.Equal(10, storm.Hits);
            foreach (var key in keys)
            {
                var links = Server.Jira.RemoteLinks(key);
                Assert.Equal(2, links.Count);
                Assert.Single(links, l => (string?)l["globalId"] == "ci=" + key);
            }

            // Every request is accounted for: one accepted POST per item, one repeat per 429, nothing more.
            var posts = Server.Requests.Where("POST", "/remotelink");
            Assert.Equal(keys.Length + storm.Hits, posts.Count);
            Assert.Equal(keys.Length, posts.Count(p => p.Status == 201));
            Assert.Equal(keys.Length, Server.Requests.Where("GET", "/remotelink/").Count);
        }

        [Fact]
        public async Task While_the_service_refuses_one_probe_per_pause_goes_out_not_every_request_in_flight()
        {
            const int Throttle = 16;
            var keys = SeedIssues(40);
            var storm = Server.Faults.Add(Fault.TooManyRequests("1").For("GET", "/remotelink").Times(-1));
            var clock = Stopwatch.StartNew();
            var running = Start("$Keys | Get-RemoteIssueLink -Verbose -ThrottleLimit " + Throttle, With("Keys", keys));
            Assert.True(SpinUntil(() => storm.Hits > 0, TimeSpan.FromSeconds(20)), "the storm began");

            // The service's rate-limit window stays shut this long: part of the scenario, not a synchronisation.
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            Server.Faults.Clear();
            var window = clock.Elapsed;

            Assert.True(running.Wait(TimeSpan.FromSeconds(60)), "the run finished");
            var result = running.Result;
            Assert.Empty(result.Errors);
            Assert.Equal(keys, IssuesOf(result.Output));
            // At most the requests already in flight when the first 429 arrived, then one probe per pause of >= 1 s.
            // Without the connection-wide gate every request in flight retries each second: about Throttle x window.
            var bound = Throttle + (int)Math.Ceiling(window.TotalSeconds) + 1;
            Assert.InRange(storm.Hits, 1, bound);
            Assert.Equal(keys.Length + storm.Hits, Server.Requests.Count);
            Assert.Contains(result.Verbose, v => v.StartsWith("Retrying GET", StringComparison.Ordinal) && v.Contains("429"));
        }

        [Fact]
        public void A_429_on_one_item_makes_the_next_items_wait_too()
        {
            var keys = SeedIssues(6);
            Server.Faults.Add(Fault.TooManyRequests("1").For("GET", "/B-1/remotelink"));
            var clock = Stopwatch.StartNew();

            // Strictly sequential: B-2 starts only after B-1 is done, yet B-1's pause must not end with B-1.
            var result = Run("$Keys | Get-RemoteIssueLink -ThrottleLimit 1", With("Keys", keys));

            Assert.Empty(result.Errors);
            Assert.Equal(keys, IssuesOf(result.Output));
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), "the Retry-After second was honoured");
            Assert.Equal(keys.Length + 1, Server.Requests.Count);
        }
    }
}
