using System;
using System.Net.Http;
using PSRemoteLinks.Http;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    public class RetryPolicyTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

        [Fact]
        public void Retry_After_in_seconds_is_the_wait()
        {
            using var response = new HttpResponseMessage((System.Net.HttpStatusCode)429);
            response.Headers.TryAddWithoutValidation("Retry-After", "7");
            Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.ServerRequestedWait(response.Headers, Now));
        }

        [Fact]
        public void Retry_After_as_an_http_date_waits_until_then()
        {
            using var response = new HttpResponseMessage((System.Net.HttpStatusCode)503);
            response.Headers.TryAddWithoutValidation("Retry-After", "Mon, 23 Nov 2026 18:00:30 GMT");
            Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.ServerRequestedWait(response.Headers, Now));
        }

        [Theory]
        [InlineData("2026-11-23T18:02Z", 120)]
        [InlineData("2026-11-23T18:00:45Z", 45)]
        [InlineData("2026-11-23T17:59Z", 0)]
        public void X_RateLimit_Reset_is_used_when_Retry_After_is_absent(string reset, int expectedSeconds)
        {
            using var response = new HttpResponseMessage((System.Net.HttpStatusCode)429);
            response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", reset);
            Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryPolicy.ServerRequestedWait(response.Headers, Now));
        }

        [Fact]
        public void No_header_means_no_server_wait()
        {
            using var response = new HttpResponseMessage((System.Net.HttpStatusCode)503);
            Assert.Null(RetryPolicy.ServerRequestedWait(response.Headers, Now));
        }

        [Theory]
        [InlineData(429, true)]
        [InlineData(502, true)]
        [InlineData(503, true)]
        [InlineData(504, true)]
        [InlineData(500, false)]
        [InlineData(404, false)]
        public void Only_passing_states_are_retried(int status, bool retried) =>
            Assert.Equal(retried, RetryPolicy.IsRetryableStatus(status));

        [Fact]
        public void A_post_without_idempotency_is_never_retried_and_others_are_bounded()
        {
            var policy = new RetryPolicy(2);
            var post = new ApiRequest(HttpMethod.Post, "x", new byte[] { 1 });
            var upsert = new ApiRequest(HttpMethod.Post, "x", new byte[] { 1 }, retrySafe: true);
            var get = new ApiRequest(HttpMethod.Get, "x");
            Assert.False(policy.CanRetry(post, 1));
            Assert.True(policy.CanRetry(upsert, 1));
            Assert.True(policy.CanRetry(get, 2));
            Assert.False(policy.CanRetry(get, 3));
            Assert.False(new RetryPolicy(0).CanRetry(get, 1));
        }

        [Fact]
        public void Backoff_grows_is_jittered_and_capped()
        {
            var policy = new RetryPolicy(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
            for (var i = 0; i < 50; i++)
            {
                var first = policy.Backoff(1).TotalSeconds;
                var third = policy.Backoff(3).TotalSeconds;
                var tenth = policy.Backoff(10).TotalSeconds;
                Assert.InRange(first, 0.8, 1.2);
                Assert.InRange(third, 3.2, 4.8);
                Assert.InRange(tenth, 6.4, 9.6);
            }
        }

        [Fact]
        public void A_server_wait_is_never_shortened()
        {
            var policy = new RetryPolicy(1);
            for (var i = 0; i < 50; i++)
            {
                Assert.InRange(policy.Honour(TimeSpan.FromSeconds(2)).TotalSeconds, 2.0, 2.2);
            }
        }
    }
}
