using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.Http;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    /// <summary>What the pipeline refuses whatever the server does: unbounded bodies, and credentials leaving the named host.</summary>
    public class HttpPipelineLimitsTests
    {
        [Fact]
        public async Task A_body_without_a_length_is_read_only_up_to_the_cap()
        {
            var endless = new EndlessStream();
            using var pipeline = Pipeline(new StubHandler(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(endless) }));

            var error = await Assert.ThrowsAsync<ApiException>(() => pipeline.SendAsync(new ApiRequest(HttpMethod.Get, "issue/A-1/remotelink"), CallContext.None));

            Assert.Equal("ResponseTooLarge", error.ErrorId);
            Assert.Equal(ApiErrorKind.InvalidResponse, error.Kind);
            Assert.InRange(endless.BytesRead, HttpPipeline.MaxBodyBytes, HttpPipeline.MaxBodyBytes + (128 * 1024));
        }

        [Fact]
        public async Task A_declared_length_over_the_cap_is_refused_before_reading()
        {
            var endless = new EndlessStream();
            using var pipeline = Pipeline(new StubHandler(() =>
            {
                var content = new StreamContent(endless);
                content.Headers.ContentLength = HttpPipeline.MaxBodyBytes + 1L;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
            }));

            var error = await Assert.ThrowsAsync<ApiException>(() => pipeline.SendAsync(new ApiRequest(HttpMethod.Get, "myself"), CallContext.None));

            Assert.Equal("ResponseTooLarge", error.ErrorId);
            Assert.Equal(0, endless.BytesRead);
        }

        [Fact]
        public async Task A_redirect_to_another_host_is_never_sent()
        {
            var handler = new StubHandler(() =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
                response.Headers.Location = new Uri("https://elsewhere.example/rest/api/2/myself");
                return response;
            });
            using var pipeline = Pipeline(handler);

            var error = await Assert.ThrowsAsync<ApiException>(() => pipeline.SendAsync(new ApiRequest(HttpMethod.Get, "myself"), CallContext.None));

            Assert.Equal("RedirectRefused", error.ErrorId);
            Assert.Equal(ApiErrorKind.Security, error.Kind);
            Assert.Equal(1, handler.Calls);
        }

        [Theory]
        [InlineData("https://jira.corp/a", "https://jira.corp/b", true)]
        [InlineData("http://jira.corp/a", "https://jira.corp/a", true)]
        [InlineData("http://jira.corp:8080/a", "https://jira.corp:8443/a", true)]
        [InlineData("https://JIRA.corp/a", "https://jira.CORP/b", true)]
        [InlineData("https://jira.corp/a", "http://jira.corp/a", false)]
        [InlineData("https://jira.corp/a", "https://login.corp/sso", false)]
        [InlineData("http://127.0.0.1:8080/a", "http://localhost:8080/a", false)]
        [InlineData("https://jira.corp/a", "ftp://jira.corp/a", false)]
        public void Redirects_keep_to_the_named_host_and_never_downgrade(string from, string to, bool followed) =>
            Assert.Equal(followed, HttpPipeline.RedirectKeepsCredentialsSafe(new Uri(from), new Uri(to)));

        private static HttpPipeline Pipeline(HttpMessageHandler handler) =>
            new HttpPipeline(new PipelineSettings("Jira", new Uri("https://jira.corp/rest/api/2/")) { Network = new NetworkOptions { MaximumRetryCount = 0 } }, handler);

        private sealed class StubHandler : HttpMessageHandler
        {
            private readonly Func<HttpResponseMessage> _respond;

            public StubHandler(Func<HttpResponseMessage> respond) => _respond = respond;

            public int Calls { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Calls++;
                var response = _respond();
                response.RequestMessage = request;
                return Task.FromResult(response);
            }
        }

        /// <summary>A body that never ends and arrives as fast as it is read.</summary>
        private sealed class EndlessStream : Stream
        {
            public long BytesRead { get; private set; }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                buffer.AsSpan(offset, count).Fill((byte)' ');
                BytesRead += count;
                return count;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
