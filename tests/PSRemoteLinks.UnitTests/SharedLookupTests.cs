using System;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.Http;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    /// <summary>A cached lookup shared by callers: one caller giving up never fails the others.</summary>
    public class SharedLookupTests
    {
        [Fact]
        public async Task The_caller_that_started_the_read_can_cancel_without_failing_the_others()
        {
            var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var reads = 0;
            var lookup = new SharedLookup<string>(async context =>
            {
                Interlocked.Increment(ref reads);
                // The read honours the token it was given, as an HTTP call does.
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (context.Cancellation.Register(() => cancelled.TrySetResult(true)))
                {
                    await Task.WhenAny(release.Task, cancelled.Task);
                }

                context.Cancellation.ThrowIfCancellationRequested();
                return await release.Task;
            }, CancellationToken.None);

            using var first = new CancellationTokenSource();
            var firstCaller = lookup.GetAsync(new CallContext(first.Token));
            var secondCaller = lookup.GetAsync(new CallContext(CancellationToken.None));

            first.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstCaller);
            Assert.False(secondCaller.IsCompleted);

            release.SetResult("types");
            Assert.Equal("types", await secondCaller);
            Assert.Equal("types", await lookup.GetAsync(new CallContext(CancellationToken.None)));
            Assert.Equal(1, reads);
        }

        [Fact]
        public async Task A_failed_read_is_not_kept()
        {
            var reads = 0;
            var lookup = new SharedLookup<int>(_ => Interlocked.Increment(ref reads) == 1
                ? Task.FromException<int>(new InvalidOperationException("down"))
                : Task.FromResult(reads), CancellationToken.None);

            await Assert.ThrowsAsync<InvalidOperationException>(() => lookup.GetAsync(CallContext.None));
            Assert.Equal(2, await lookup.GetAsync(CallContext.None));
            Assert.Equal(2, await lookup.GetAsync(CallContext.None));
        }

        [Fact]
        public async Task Closing_the_connection_ends_a_read_in_flight()
        {
            using var lifetime = new CancellationTokenSource();
            var lookup = new SharedLookup<int>(async context =>
            {
                await Task.Delay(Timeout.Infinite, context.Cancellation);
                return 0;
            }, lifetime.Token);

            var caller = lookup.GetAsync(CallContext.None);
            lifetime.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => caller);
        }
    }
}
