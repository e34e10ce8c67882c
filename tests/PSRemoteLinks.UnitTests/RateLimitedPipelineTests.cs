using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.Http;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    /// <summary>How the pipeline tells the connection's 429 gate what happened: only an answer from the service counts.</summary>
    public class RateLimitedPipelineTests
    {
        [Fact]
        public async Task A_probe_that_times_out_after_a_429_leaves_the_connection_rate_limited()
        {
            var calls = 0;
            using var pipeline = Pipeline(new StubHandler(async cancellation =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    var refused = new HttpResponseMessage((HttpStatusCode)429) { Content = new ByteArrayContent(Array.Empty<byte>()) };
                    refused.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
                    return refused;
                }

                // The probe: no answer until the per-attempt timeout gives up.
                await Task.Delay(Timeout.Infinite, cancellation);
                throw new InvalidOperationException("not reached");
            }));

            var error = await Assert.ThrowsAsync<ApiException>(() => pipeline.SendAsync(new ApiRequest(HttpMethod.Get, "myself"), CallContext.None));

            Assert.Equal("Timeout", error.ErrorId);
            Assert.Equal(2, calls);
            Assert.True(pipeline.Gate.IsLimited, "a timeout says nothing about the rate limit; the gate must stay shut until the service answers");
        }

        [Fact]
        public async Task A_probe_the_service_answers_reopens_the_connection()
        {
            var calls = 0;
            using var pipeline = Pipeline(new StubHandler(cancellation =>
            {
                var status = Interlocked.Increment(ref calls) == 1 ? (HttpStatusCode)429 : HttpStatusCode.OK;
                var response = new HttpResponseMessage(status) { Content = new StringContent("{}") };
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
                return Task.FromResult(response);
            }));

            await pipeline.SendAsync(new ApiRequest(HttpMethod.Get, "myself"), CallContext.None);

            Assert.Equal(2, calls);
            Assert.False(pipeline.Gate.IsLimited);
        }

        private static HttpPipeline Pipeline(HttpMessageHandler handler) =>
            new HttpPipeline(
                new PipelineSettings("Jira", new Uri("https://jira.corp/rest/api/2/"))
                {
                    Network = new NetworkOptions { MaximumRetryCount = 1, Timeout = TimeSpan.FromMilliseconds(200) },
                },
                handler);

        private sealed class StubHandler : HttpMessageHandler
        {
            private readonly Func<CancellationToken, Task<HttpResponseMessage>> _respond;

            public StubHandler(Func<CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await _respond(cancellationToken);
                response.RequestMessage = request;
                return response;
            }
        }
    }
}
