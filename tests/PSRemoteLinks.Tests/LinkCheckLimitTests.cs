using System;
using System.Linq;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// How many link checks are in flight: never more than 2 per host, never more than -ThrottleLimit in all, and
    /// links queued behind a busy host do not keep links to other hosts waiting. The emulator holds every page request
    /// until the test has seen how many arrived at once, so nothing here depends on timing.
    /// </summary>
    public class LinkCheckLimitTests : EngineTest
    {
        private const int Hosts = 4;
        private const int LinksPerHost = 5;

        protected override EmulatorOptions CreateOptions() => new EmulatorOptions { WebHostCount = Hosts };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("WEB-1", "Wiki migration");
            // Grouped by host, as links of one issue often are: the first five all point to one host.
            foreach (var host in Server.WebHosts)
            {
                for (var i = 0; i < LinksPerHost; i++)
                {
                    Server.Jira.AddRemoteLink("WEB-1", "{\"object\":{\"url\":\"" + host.AbsoluteUri + "/ok/" + i + "\",\"title\":\"Page\"}}");
                }
            }
        }

        [Theory]
        [InlineData(16, Hosts * 2)]
        [InlineData(3, 3)]
        public void At_most_two_requests_per_host_and_ThrottleLimit_in_all(int throttleLimit, int expectedInFlight)
        {
            ConnectJira();
            Server.Requests.Clear();
            var hold = Server.Faults.Add(Fault.Hold().For("HEAD", "/web/").Times(int.MaxValue));

            var running = Start("Test-RemoteIssueLink WEB-1 -ThrottleLimit " + throttleLimit + " -TimeoutSec 300");
            var reached = SpinUntil(() => Server.Requests.InFlight == expectedInFlight, TimeSpan.FromSeconds(60));
            var held = Server.Requests.All.Where(r => r.Status == 0).ToList();
            hold.Release();
            Assert.True(running.Wait(TimeSpan.FromSeconds(120)), "the checks ended");

            Assert.True(reached, "expected " + expectedInFlight + " requests in flight, saw " + Server.Requests.InFlight);
            var result = running.Result;
            Assert.Empty(result.Errors);
            Assert.Equal(Hosts * LinksPerHost, result.Output.Count);
            Assert.All(result.Output, c => Assert.Equal(true, Prop(c, "Reachable")));
            Assert.Equal(expectedInFlight, Server.Requests.PeakConcurrent);
            Assert.InRange(Server.Web.PeakPerHost, 1, 2);
            Assert.Equal(Hosts, Server.Web.HostsSeen);
            Assert.All(held.GroupBy(r => r.Headers["Host"]), g => Assert.InRange(g.Count(), 1, 2));
            if (throttleLimit >= Hosts * 2)
            {
                // Links of the later hosts went ahead while the first host's links waited their turn.
                Assert.Equal(Hosts, held.Select(r => r.Headers["Host"]).Distinct().Count());
            }
        }
    }
}
