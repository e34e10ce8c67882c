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
        [InlineData("2026-11-23T18:02Z", 120.0)]
        [InlineData("2026-11-23T18:00:45Z", 45.0)]
        [InlineData("2026-11-23T17:59Z", 0.0)]
        // With an offset or fractions of a second.
        [InlineData("2026-11-23T19:00:10+01:00", 10.0)]
        [InlineData("2026-11-23T18:00:01.5Z", 1.5)]
        public void X_RateLimit_Reset_is_used_when_Retry_After_is_absent(string reset, double expectedSeconds)
        {
            using var response = new HttpResponseMessage((System.Net.HttpStatusCode)429);
            response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", reset);
            Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryPolicy.ServerRequestedWait(response.Headers, Now));
        }

        [Fact]
        public void Retry_After_wins_over_X_RateLimit_Reset()
        {
            using var response = new HttpResponseMessage((System.Net.HttpStatusCode)429);
            response.Headers.TryAddWithoutValidation("Retry-After", "5");
            response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "2026-11-23T18:10Z");
            Assert.Equal(TimeSpan.FromSeconds(5), RetryPolicy.ServerRequestedWait(response.Headers, Now));
        }

        [Theory]
        [InlineData("Retry-After", "soon")]
        [InlineData("X-RateLimit-Reset", "1732384800")]
        [InlineData("X-RateLimit-Reset", "tomorrow")]
        public void A_wait_header_that_cannot_be_read_falls_back_to_backoff(string header, string value)
        {
            using var response = new HttpResponseMessage((System.Net.HttpStatusCode)429);
            response.Headers.TryAddWithoutValidation(header, value);
            Assert.Null(RetryPolicy.ServerRequestedWait(response.Headers, Now));
        }

        [Fact]
        public void A_Retry_After_date_in_the_past_means_no_wait()
        {
            using var response = new HttpResponseMessage((System.Net.HttpStatusCode)503);
            response.Headers.TryAddWithoutValidation("Retry-After", "Mon, 23 Nov 2026 17:00:00 GMT");
            Assert.Equal(TimeSpan.Zero, RetryPolicy.ServerRequestedWait(response.Headers, Now));
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

        [Theory]
        [InlineData("GET", false)]
        [InlineData("PUT", false)]
        [InlineData("DELETE", false)]
        [InlineData("POST", true)]
        public void Idempotent_requests_are_retried_on_timeouts_and_broken_connections_and_an_upsert_post_too(string method, bool upsert)
        {
            var policy = new RetryPolicy(2);
            var request = new ApiRequest(new HttpMethod(method), "x", method == "GET" ? null : new byte[] { 1 }, upsert ? true : null);
            foreach (var failure in new[] { AttemptFailure.Timeout(TimeSpan.FromSeconds(2)), AttemptFailure.ConnectionLost("reset") })
            {
                var decision = policy.Decide(request, 1, failure);
                Assert.True(decision.Retry, method + " after " + failure.Description);
                Assert.InRange(decision.Wait.TotalSeconds, 0.8, 1.2);
                Assert.Equal(failure.Description, decision.Reason);
            }
        }

        [Fact]
        public void A_post_without_global_id_is_not_retried_after_what_may_have_done_it_and_the_error_says_why()
        {
            var policy = new RetryPolicy(4);
            var post = new ApiRequest(HttpMethod.Post, "x", new byte[] { 1 });
            var failures = new[]
            {
                AttemptFailure.Timeout(TimeSpan.FromSeconds(2)),
                AttemptFailure.ConnectionLost("reset"),
                AttemptFailure.Status(503, "Service Unavailable", TimeSpan.Zero),
                AttemptFailure.Status(502, "Bad Gateway", null),
            };
            foreach (var failure in failures)
            {
                var decision = policy.Decide(post, 1, failure);
                Assert.False(decision.Retry, failure.Description);
                Assert.Contains("not sent again", decision.GivingUpNote);
            }
        }

        [Fact]
        public void A_429_is_retried_for_every_method_a_plain_post_included()
        {
            var policy = new RetryPolicy(4);
            var tooMany = AttemptFailure.Status(429, "Too Many Requests", TimeSpan.FromSeconds(1));
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete })
            {
                var decision = policy.Decide(new ApiRequest(method, "x", new byte[] { 1 }, retrySafe: false), 1, tooMany);
                Assert.True(decision.Retry, method.Method);
                Assert.InRange(decision.Wait.TotalSeconds, 1.0, 1.1);
            }

            Assert.False(policy.Decide(new ApiRequest(HttpMethod.Post, "x"), 5, tooMany).Retry);
        }

        [Theory]
        [InlineData("timeout", true)]
        [InlineData("reset", true)]
        [InlineData("refused", false)]
        [InlineData("502", true)]
        [InlineData("504", true)]
        [InlineData("503", false)]
        [InlineData("429", false)]
        public void Only_a_failure_after_the_request_may_have_arrived_counts_as_a_lost_answer(string failure, bool lost)
        {
            var attempt = failure switch
            {
                "timeout" => AttemptFailure.Timeout(TimeSpan.FromSeconds(1)),
                "reset" => AttemptFailure.ConnectionLost("reset"),
                "refused" => AttemptFailure.ConnectionLost("refused", requestMayHaveArrived: false),
                _ => AttemptFailure.Status(int.Parse(failure, System.Globalization.CultureInfo.InvariantCulture), null, null),
            };

            Assert.Equal(lost, attempt.AnswerMayBeLost);
        }

        [Fact]
        public void A_429_pauses_the_whole_connection_even_when_the_request_itself_is_not_retried()
        {
            var policy = new RetryPolicy(4);
            var post = new ApiRequest(HttpMethod.Post, "x", new byte[] { 1 });
            var get = new ApiRequest(HttpMethod.Get, "x");
            var tooMany = AttemptFailure.Status(429, "Too Many Requests", TimeSpan.FromSeconds(3));

            Assert.InRange(policy.Decide(post, 1, tooMany).ConnectionPause!.Value.TotalSeconds, 3.0, 3.3);
            var retried = policy.Decide(get, 1, tooMany);
            Assert.True(retried.Retry);
            Assert.Equal(retried.Wait, retried.ConnectionPause);
            Assert.Null(policy.Decide(get, 1, AttemptFailure.Status(503, null, TimeSpan.FromSeconds(3))).ConnectionPause);
        }

        [Theory]
        [InlineData(500)]
        [InlineData(400)]
        [InlineData(401)]
        [InlineData(404)]
        [InlineData(409)]
        public void Other_statuses_are_final_even_for_a_get(int status)
        {
            var decision = new RetryPolicy(4).Decide(new ApiRequest(HttpMethod.Get, "x"), 1, AttemptFailure.Status(status, null, null));
            Assert.False(decision.Retry);
            Assert.Null(decision.GivingUpNote);
        }

        [Fact]
        public void A_permanent_failure_is_never_retried()
        {
            var decision = new RetryPolicy(4).Decide(new ApiRequest(HttpMethod.Get, "x"), 1, AttemptFailure.Permanent("TLS failure"));
            Assert.False(decision.Retry);
        }

        [Fact]
        public void MaximumRetryCount_bounds_the_attempts_and_zero_disables_retrying()
        {
            var get = new ApiRequest(HttpMethod.Get, "x");
            var unavailable = AttemptFailure.Status(503, "Service Unavailable", null);
            var policy = new RetryPolicy(2);
            Assert.True(policy.Decide(get, 1, unavailable).Retry);
            Assert.True(policy.Decide(get, 2, unavailable).Retry);
            var third = policy.Decide(get, 3, unavailable);
            Assert.False(third.Retry);
            Assert.Contains("Gave up after 3 attempts", third.GivingUpNote);

            var never = new RetryPolicy(0).Decide(get, 1, unavailable);
            Assert.False(never.Retry);
            Assert.Null(never.GivingUpNote);
            Assert.False(new RetryPolicy(0).Decide(get, 1, AttemptFailure.ConnectionLost("reset")).Retry);
        }

        [Fact]
        public void The_servers_wait_wins_over_backoff_and_is_part_of_the_reason()
        {
            var decision = new RetryPolicy(4).Decide(new ApiRequest(HttpMethod.Get, "x"), 3, AttemptFailure.Status(503, "Service Unavailable", TimeSpan.FromSeconds(2)));
            Assert.True(decision.Retry);
            Assert.InRange(decision.Wait.TotalSeconds, 2.0, 2.2);
            Assert.Equal("the server answered 503 Service Unavailable and asked to wait 2 s", decision.Reason);
        }

        [Fact]
        public void A_server_asking_for_a_wait_beyond_the_limit_is_reported_not_waited_for()
        {
            var policy = new RetryPolicy(4, maxServerWait: TimeSpan.FromSeconds(60));
            var decision = policy.Decide(new ApiRequest(HttpMethod.Get, "x"), 1, AttemptFailure.Status(429, "Too Many Requests", TimeSpan.FromSeconds(3600)));
            Assert.False(decision.Retry);
            Assert.Contains("asked to wait 3600 s", decision.GivingUpNote);
            Assert.Contains("longer than PSRemoteLinks waits (60 s)", decision.GivingUpNote);
            Assert.Null(decision.ConnectionPause);
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
