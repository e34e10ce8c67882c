using System;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.Http;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    /// <summary>The connection-wide 429 brake, on a clock the test moves (the gate never passes before the clock says so).</summary>
    public class RateLimitGateTests
    {
        private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
        private DateTimeOffset _now = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

        [Fact]
        public void An_open_gate_lets_every_attempt_through_at_once()
        {
            var gate = NewGate();
            for (var i = 0; i < 3; i++)
            {
                Assert.False(EnteredAtOnce(gate).IsProbe);
            }
        }

        [Fact]
        public async Task After_a_429_nobody_enters_before_the_pause_ends_then_one_probe_goes_before_the_rest()
        {
            var gate = NewGate();
            Refuse(gate);
            var first = gate.EnterAsync(CancellationToken.None);
            var second = gate.EnterAsync(CancellationToken.None);
            Assert.False(first.IsCompleted);
            Assert.False(second.IsCompleted);

            _now += TimeSpan.FromSeconds(1);
            var winner = await Task.WhenAny(first, second).WaitAsync(Patience);
            var probe = await winner;
            var other = winner == first ? second : first;
            Assert.True(probe.IsProbe);
            Assert.False(other.IsCompleted);

            probe.Answered(null);
            var follower = await other.WaitAsync(Patience);
            Assert.False(follower.IsProbe);
            Assert.False(gate.IsLimited);
        }

        [Fact]
        public async Task A_probe_refused_again_keeps_the_others_waiting_for_the_next_pause()
        {
            var gate = NewGate();
            Refuse(gate);
            _now += TimeSpan.FromSeconds(1);
            var probe = await gate.EnterAsync(CancellationToken.None).WaitAsync(Patience);
            var waiting = gate.EnterAsync(CancellationToken.None);

            probe.Answered(TimeSpan.FromSeconds(5));
            probe.Dispose();

            Assert.True(gate.IsLimited);
            Assert.Equal(TimeSpan.FromSeconds(5), gate.RemainingPause);
            Assert.False(waiting.IsCompleted);
            _now += TimeSpan.FromSeconds(5);
            Assert.True((await waiting.WaitAsync(Patience)).IsProbe);
        }

        [Fact]
        public async Task A_probe_that_ends_without_an_answer_hands_the_probe_to_another_request()
        {
            var gate = NewGate();
            Refuse(gate);
            _now += TimeSpan.FromSeconds(1);
            var probe = await gate.EnterAsync(CancellationToken.None).WaitAsync(Patience);
            var waiting = gate.EnterAsync(CancellationToken.None);
            Assert.False(waiting.IsCompleted);

            probe.Dispose();

            Assert.True((await waiting.WaitAsync(Patience)).IsProbe);
            Assert.True(gate.IsLimited);
        }

        [Fact]
        public void An_answer_to_a_request_sent_before_the_429_does_not_reopen_the_gate()
        {
            var gate = NewGate();
            var early = EnteredAtOnce(gate);
            var refused = EnteredAtOnce(gate);

            refused.Answered(Pause);
            early.Answered(null);

            Assert.True(gate.IsLimited);
        }

        [Fact]
        public void A_429_asking_for_no_pause_still_lets_only_one_request_go_at_a_time()
        {
            var gate = NewGate();
            EnteredAtOnce(gate).Answered(TimeSpan.Zero);

            var probe = EnteredAtOnce(gate);
            var next = gate.EnterAsync(CancellationToken.None);

            Assert.True(probe.IsProbe);
            Assert.False(next.IsCompleted);
        }

        [Fact]
        public void A_shorter_pause_asked_later_does_not_cut_a_longer_one_short()
        {
            var gate = NewGate();
            var first = EnteredAtOnce(gate);
            var second = EnteredAtOnce(gate);

            first.Answered(TimeSpan.FromSeconds(30));
            second.Answered(TimeSpan.FromSeconds(5));

            Assert.Equal(TimeSpan.FromSeconds(30), gate.RemainingPause);
        }

        [Fact]
        public async Task Cancelling_a_waiting_request_ends_its_wait_with_OperationCanceled()
        {
            var gate = NewGate();
            Refuse(gate);
            using var cancel = new CancellationTokenSource();
            var waiting = gate.EnterAsync(cancel.Token);

            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        }

        private RateLimitGate NewGate() => new RateLimitGate(() => _now);

        private static void Refuse(RateLimitGate gate)
        {
            using var pass = EnteredAtOnce(gate);
            pass.Answered(Pause);
        }

        /// <summary>A pass the gate gave without waiting.</summary>
        private static RateLimitGate.Pass EnteredAtOnce(RateLimitGate gate)
        {
            var entering = gate.EnterAsync(CancellationToken.None);
            Assert.True(entering.IsCompletedSuccessfully, "the gate let the attempt through at once");
            return entering.GetAwaiter().GetResult();
        }
    }
}
