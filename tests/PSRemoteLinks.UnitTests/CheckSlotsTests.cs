using System;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.LinkCheck;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    /// <summary>Who may send a link check: 2 per host (scheme, host, port), the total limit over all hosts.</summary>
    public class CheckSlotsTests
    {
        private static readonly Uri WikiA = new Uri("https://wiki.example.com/a");
        private static readonly Uri WikiB = new Uri("https://WIKI.example.com:443/b");
        private static readonly Uri Ci = new Uri("https://ci.example.com/c");
        private static readonly Uri WikiOverHttp = new Uri("http://wiki.example.com/a");

        [Fact]
        public async Task A_third_request_to_one_host_waits_while_other_hosts_go_ahead()
        {
            var slots = new CheckSlots(total: 16);
            using var first = await slots.EnterAsync(WikiA, CancellationToken.None);
            using var second = await slots.EnterAsync(WikiB, CancellationToken.None);

            var third = slots.EnterAsync(WikiA, CancellationToken.None);
            using var otherHost = await slots.EnterAsync(Ci, CancellationToken.None);
            using var otherScheme = await slots.EnterAsync(WikiOverHttp, CancellationToken.None);

            Assert.False(third.IsCompleted, "wiki.example.com:443 already has 2 in flight");
            first.Dispose();
            using var entered = await third.WaitAsync(TimeSpan.FromSeconds(10));
        }

        [Fact]
        public async Task The_total_limit_holds_over_all_hosts_and_a_waiting_host_holds_no_place()
        {
            var slots = new CheckSlots(total: 2);
            using var a = await slots.EnterAsync(WikiA, CancellationToken.None);
            var b = await slots.EnterAsync(Ci, CancellationToken.None);

            var c = slots.EnterAsync(WikiOverHttp, CancellationToken.None);
            Assert.False(c.IsCompleted, "the total of 2 is taken");
            b.Dispose();
            b.Dispose(); // a second Dispose releases nothing more
            using var entered = await c.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(slots.EnterTotalAsync(CancellationToken.None).IsCompleted, "still 2 in flight after the double Dispose");
        }

        [Fact]
        public async Task A_cancelled_wait_gives_back_its_host_place()
        {
            var slots = new CheckSlots(total: 1);
            var held = await slots.EnterAsync(Ci, CancellationToken.None);
            using var cancel = new CancellationTokenSource();

            var waiting = slots.EnterAsync(WikiA, cancel.Token);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            held.Dispose();

            using var one = await slots.EnterAsync(WikiA, CancellationToken.None);
            var two = slots.EnterAsync(WikiA, CancellationToken.None);
            Assert.False(two.IsCompleted, "the total of 1 is taken, so the second waits for it, not for the host");
            one.Dispose();
            (await two.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        }

        [Theory]
        [InlineData("https://Wiki.Example.com/x", "https://wiki.example.com:443")]
        [InlineData("http://wiki.example.com:8080/x", "http://wiki.example.com:8080")]
        [InlineData("https://bücher.example/x", "https://xn--bcher-kva.example:443")]
        public void The_host_key_is_scheme_host_and_port(string url, string key) => Assert.Equal(key, CheckSlots.HostKey(new Uri(url)));
    }
}
