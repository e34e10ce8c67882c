using System;
using System.Linq;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Ending a bulk run early (Ctrl+C, an error downstream) ends every request it has in flight.</summary>
    public class BulkStopTests : BulkTests
    {
        [Fact]
        public async Task Stopping_mid_bulk_returns_promptly_and_leaves_no_request_running()
        {
            var keys = SeedIssues(30);
            Server.Faults.Add(Fault.Delay(TimeSpan.Zero).For("GET", "/remotelink").Times(5));
            var hang = Server.Faults.Add(Fault.Hang().For("GET", "/remotelink").Times(-1));
            var running = Start("$Keys | Get-RemoteIssueLink -ThrottleLimit 8", With("Keys", keys));
            Assert.True(SpinUntil(() => hang.Hits == 8, TimeSpan.FromSeconds(20)), "8 requests hang on the server");

            await AssertStopsPromptly(running);

            // The 5 answered items and the 8 that hung: nothing was sent after the stop.
            Assert.Equal(13, Server.Requests.Count);
            var written = IssuesOf(running.Result.Output);
            Assert.Equal(keys.Take(written.Length).ToArray(), written);
        }

        [Fact]
        public async Task A_terminating_error_downstream_cancels_the_requests_still_in_flight()
        {
            var keys = SeedIssues(6);
            // B-1 is held until B-2..B-4 have reached the server; they never get an answer.
            var hold = Server.Faults.Add(Fault.Hold().For("GET", "/B-1/remotelink"));
            var hang = Server.Faults.Add(Fault.Hang().For("GET", "/remotelink").Times(-1));

            var running = Start("$Keys | Get-RemoteIssueLink -ThrottleLimit 4 | ForEach-Object { throw 'enough' }", With("Keys", keys));
            Assert.True(SpinUntil(() => hold.Hits == 1 && hang.Hits == 3, TimeSpan.FromSeconds(20)), "B-1 is held while B-2..B-4 hang on the server");
            hold.Release();

            Assert.True(running.Wait(TimeSpan.FromSeconds(30)), "the pipeline ended");
            Assert.Contains("enough", running.Result.TerminatingError?.Message);
            Assert.Equal(3, hang.Hits);
            Assert.True(await Server.Requests.WaitForIdleAsync(TimeSpan.FromSeconds(10)), "the requests left in flight were cancelled");
        }
    }
}
