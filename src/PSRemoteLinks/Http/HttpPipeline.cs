using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// The request pipeline of one connection: one HttpClient, the auth header, retries with Retry-After,
    /// a connection-wide pause on 429, bounded bodies, redirects that never carry credentials to another host,
    /// and a verbose line per attempt. Every failure leaves as an <see cref="ApiException"/>; cancellation as
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    internal sealed class HttpPipeline : IDisposable
    {
        public const int MaxBodyBytes = 64 * 1024 * 1024;
        private const int MaxRedirects = 5;
        private const int MaxDebugChars = 2000;
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        private static readonly string UserAgent = "PSRemoteLinks/" + typeof(HttpPipeline).Assembly.GetName().Version?.ToString(3);

        private readonly HttpClient _client;
        private readonly PipelineSettings _settings;
        private readonly RateLimitGate _gate = new RateLimitGate();

        public HttpPipeline(PipelineSettings settings, HttpMessageHandler handler)
        {
            _settings = settings;
            Redactor = new SecretRedactor(settings.Secrets);
            Retry = new RetryPolicy(settings.Network.MaximumRetryCount);
            // The per-attempt timeout is ours (linked to Ctrl+C); HttpClient's own would not tell the two apart.
            _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            // .NET Framework (Windows PowerShell) otherwise sends "Expect: 100-continue" with every POST/PUT and waits
            // for an interim answer before the body: a round trip more per write, which bulk work pays a thousand times.
            _client.DefaultRequestHeaders.ExpectContinue = false;
        }

        public Uri ApiBase => _settings.ApiBase;

        public string ServiceName => _settings.ServiceName;

        public SecretRedactor Redactor { get; }

        public RetryPolicy Retry { get; }

        public RateLimitGate Gate => _gate;

        public async Task<ApiResponse> SendAsync(ApiRequest request, CallContext context)
        {
            var url = new Uri(_settings.ApiBase, request.RelativeUrl);
            for (var attempt = 1; ; attempt++)
            {
                Outcome outcome;
                TimeSpan wait;
                using (var pass = await _gate.EnterAsync(context.Cancellation).ConfigureAwait(false))
                {
                    outcome = await AttemptAsync(request, url, context).ConfigureAwait(false);
                    wait = outcome.Response != null ? TimeSpan.Zero
                        : outcome.ServerWait.HasValue ? Retry.Honour(outcome.ServerWait.Value) : Retry.Backoff(attempt);
                    // A 429 pauses every request on the connection. A pause longer than PSRemoteLinks waits fails this
                    // request (below) and lets the others go one at a time, so each finds out with one request.
                    pass.Answered(!outcome.RateLimited ? (TimeSpan?)null : outcome.ServerWait > Retry.MaxServerWait ? TimeSpan.Zero : wait);
                }

                if (outcome.Response != null)
                {
                    return outcome.Response;
                }

                var failure = outcome.Failure!;
                if (!outcome.Retryable || !Retry.CanRetry(request, attempt))
                {
                    throw failure;
                }

                if (outcome.ServerWait > Retry.MaxServerWait)
                {
                    throw new ApiException(failure.Kind, failure.ErrorId,
                        failure.Message + " The server asked to wait " + Seconds(outcome.ServerWait.Value) + " before retrying, longer than PSRemoteLinks waits.",
                        failure.StatusCode, failure);
                }

                context.Verbose(string.Format(CultureInfo.InvariantCulture,
                    "Retrying {0} {1} in {2} (retry {3} of {4}): {5}",
                    request.Method, Redactor.Scrub(url.AbsoluteUri), Seconds(wait), attempt, Retry.MaximumRetryCount, outcome.Reason));

                // After a 429 the next attempt waits at the gate, with every other request on the connection.
                if (!outcome.RateLimited)
                {
                    await Task.Delay(wait, context.Cancellation).ConfigureAwait(false);
                }
            }
        }

        public void Dispose() => _client.Dispose();

        private async Task<Outcome> AttemptAsync(ApiRequest request, Uri url, CallContext context)
        {
            var cancellation = context.Cancellation;
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            attemptTimeout.CancelAfter(_settings.Network.Timeout);
            var watch = Stopwatch.StartNew();
            var method = request.Method.Method;
            var shownUrl = Redactor.Scrub(url.AbsoluteUri);
            HttpResponseMessage? response = null;
            try
            {
                if (request.JsonBody != null && context.WantsDebug)
                {
                    context.Debug(method + " " + shownUrl + " body: " + DebugText(request.JsonBody));
                }

                response = await SendFollowingRedirectsAsync(request, url, attemptTimeout.Token).ConfigureAwait(false);
                var body = await ReadBodyAsync(response, method, url, attemptTimeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                context.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} ({4} ms)",
                    method, shownUrl, status, response.ReasonPhrase, watch.ElapsedMilliseconds));
                if (body.Length > 0 && context.WantsDebug)
                {
                    context.Debug("Response body: " + DebugText(body));
                }

                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (response.IsSuccessStatusCode)
                {
                    return Outcome.Success(new ApiResponse(status, body, mediaType, method, url.AbsolutePath));
                }

                var error = ErrorResponses.FromStatus(_settings.ServiceName, method, url.AbsolutePath, status, response.ReasonPhrase, body, mediaType, Redactor);
                if (RetryPolicy.IsRetryableStatus(status))
                {
                    var serverWait = RetryPolicy.ServerRequestedWait(response.Headers, DateTimeOffset.UtcNow);
                    var reason = "the server answered " + status + " " + response.ReasonPhrase
                        + (serverWait.HasValue ? " and asked to wait " + Seconds(serverWait.Value) : string.Empty);
                    return Outcome.Retry(error, reason, serverWait, rateLimited: status == 429);
                }

                return Outcome.Final(error);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                context.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> no answer within {2}", method, shownUrl, Seconds(_settings.Network.Timeout)));
                var error = new ApiException(ApiErrorKind.Timeout, "Timeout",
                    _settings.ServiceName + " did not answer " + method + " " + url.AbsolutePath + " within "
                    + Seconds(_settings.Network.Timeout) + " (-TimeoutSec).");
                return Outcome.Retry(error, "no answer within " + Seconds(_settings.Network.Timeout), null, rateLimited: false);
            }
            catch (HttpRequestException ex)
            {
                context.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> failed after {2} ms: {3}", method, shownUrl, watch.ElapsedMilliseconds, Redactor.Scrub(Innermost(ex).Message)));
                return Classify(ex, method, url);
            }
            catch (IOException ex)
            {
                // The connection broke while the body was being read.
                return Outcome.Retry(ConnectionFailure(method, url, ex), "the connection was interrupted: " + Innermost(ex).Message, null, rateLimited: false);
            }
            finally
            {
                response?.Dispose();
            }
        }

        private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(ApiRequest request, Uri url, CancellationToken cancellation)
        {
            var method = request.Method;
            var body = request.JsonBody;
            for (var hop = 0; ; hop++)
            {
                using var message = BuildMessage(method, url, body);
                var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var isRedirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
                if (!isRedirect || response.Headers.Location == null)
                {
                    return response;
                }

                var target = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(url, response.Headers.Location);
                response.Dispose();
                if (!string.Equals(target.Host, url.Host, StringComparison.OrdinalIgnoreCase)
                    || (url.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps))
                {
                    throw new ApiException(ApiErrorKind.Connection, "RedirectRefused",
                        _settings.ServiceName + " redirected " + method.Method + " " + url.AbsolutePath + " to " + Redactor.Scrub(target.GetLeftPart(UriPartial.Authority))
                        + ". PSRemoteLinks does not send credentials to another host or over a downgraded connection: connect with that address as -Uri if it is right.",
                        status);
                }

                if (hop >= MaxRedirects)
                {
                    throw new ApiException(ApiErrorKind.Connection, "TooManyRedirects",
                        _settings.ServiceName + " redirected " + method.Method + " " + url.AbsolutePath + " more than " + MaxRedirects + " times.", status);
                }

                if (status == 303)
                {
                    method = HttpMethod.Get;
                    body = null;
                }

                url = target;
            }
        }

        private HttpRequestMessage BuildMessage(HttpMethod method, Uri url, byte[]? body)
        {
            var message = new HttpRequestMessage(method, url);
            message.Headers.Accept.ParseAdd("application/json");
            message.Headers.UserAgent.ParseAdd(UserAgent);
            if (_settings.Authorization != null)
            {
                message.Headers.Authorization = _settings.Authorization;
            }

            foreach (var header in _settings.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (body != null)
            {
                message.Content = new ByteArrayContent(body);
                message.Content.Headers.ContentType = JsonContentType;
            }
            else if (method == HttpMethod.Delete || method == HttpMethod.Post || method == HttpMethod.Put)
            {
                // Jira Cloud answers 415 to a bodyless DELETE that names no content type.
                message.Content = new ByteArrayContent(Array.Empty<byte>());
                message.Content.Headers.ContentType = JsonContentType;
            }

            return message;
        }

        private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, string method, Uri url, CancellationToken cancellation) =>
            await BoundedBody.ReadAsync(response.Content, MaxBodyBytes, cancellation).ConfigureAwait(false) ?? throw TooLarge(method, url);

        private ApiException TooLarge(string method, Uri url) =>
            new ApiException(ApiErrorKind.InvalidResponse, "ResponseTooLarge",
                _settings.ServiceName + "'s answer to " + method + " " + url.AbsolutePath + " is larger than " + (MaxBodyBytes / (1024 * 1024))
                + " MiB, which is not what this endpoint returns; PSRemoteLinks stopped reading it.");

        private Outcome Classify(HttpRequestException ex, string method, Uri url)
        {
            var inner = Innermost(ex);
            if (ex.InnerException is AuthenticationException || inner is AuthenticationException
                || inner.GetType().Name.IndexOf("Certificate", StringComparison.Ordinal) >= 0)
            {
                return Outcome.Final(new ApiException(ApiErrorKind.Certificate, "CertificateError",
                    "The TLS connection to " + url.GetLeftPart(UriPartial.Authority) + " failed for " + method + " " + url.AbsolutePath + ": "
                    + Redactor.Scrub(inner.Message) + " If the server uses a self-signed or internal certificate, trust its CA on this machine, or connect with -SkipCertificateCheck.",
                    null, ex));
            }

            if (ProxyRefused(ex))
            {
                return Outcome.Final(new ApiException(ApiErrorKind.Authentication, "ProxyAuthenticationRequired",
                    "The proxy refused " + method + " " + url.AbsolutePath + " with 407 Proxy Authentication Required: give -ProxyCredential or -ProxyUseDefaultCredentials.",
                    407, ex));
            }

            return Outcome.Retry(ConnectionFailure(method, url, ex), "the connection failed: " + Redactor.Scrub(inner.Message), null, rateLimited: false);
        }

        private ApiException ConnectionFailure(string method, Uri url, Exception ex) =>
            new ApiException(ApiErrorKind.Connection, "ConnectionFailed",
                "Could not reach " + _settings.ServiceName + " at " + url.GetLeftPart(UriPartial.Authority) + " for " + method + " " + url.AbsolutePath
                + ": " + Redactor.Scrub(Innermost(ex).Message), null, ex);

        private static bool ProxyRefused(HttpRequestException ex)
        {
            // .NET reports a proxy's 407 on a CONNECT tunnel as an exception carrying the status code.
            var statusProperty = ex.GetType().GetProperty("StatusCode", BindingFlags.Public | BindingFlags.Instance);
            if (statusProperty?.GetValue(ex) is HttpStatusCode code && (int)code == 407)
            {
                return true;
            }

            return ex.Message.IndexOf("407", StringComparison.Ordinal) >= 0;
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex;
        }

        /// <summary>
        /// The start of a body for -Debug. Only a prefix is decoded: turning a whole 2,000-link answer into a string
        /// for a line that shows 2,000 characters (and is usually not shown at all) would cost more than the parse.
        /// </summary>
        private string DebugText(byte[] body)
        {
            var prefixBytes = Math.Min(body.Length, (MaxDebugChars + Redactor.LongestSecret) * 4);
            var text = Redactor.Scrub(Encoding.UTF8.GetString(body, 0, prefixBytes));
            return prefixBytes < body.Length && text.Length <= MaxDebugChars ? text + "…" : Truncate(text);
        }

        private static string Truncate(string text) => text.Length <= MaxDebugChars ? text : text.Substring(0, MaxDebugChars) + "…";

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

        private sealed class Outcome
        {
            public ApiResponse? Response { get; private set; }

            public ApiException? Failure { get; private set; }

            public bool Retryable { get; private set; }

            public bool RateLimited { get; private set; }

            public TimeSpan? ServerWait { get; private set; }

            public string Reason { get; private set; } = string.Empty;

            public static Outcome Success(ApiResponse response) => new Outcome { Response = response };

            public static Outcome Final(ApiException failure) => new Outcome { Failure = failure };

            public static Outcome Retry(ApiException failure, string reason, TimeSpan? serverWait, bool rateLimited) =>
                new Outcome { Failure = failure, Retryable = true, Reason = reason, ServerWait = serverWait, RateLimited = rateLimited };
        }
    }
}
