using System;
using System.Collections.Generic;
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

        /// <summary>How long the check for a wanted client certificate may take (one local handshake; -TimeoutSec if shorter).</summary>
        private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(3);
        private static readonly MediaTypeHeaderValue JsonContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        private static readonly string UserAgent = "PSRemoteLinks/" + typeof(HttpPipeline).Assembly.GetName().Version?.ToString(3);

        private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

        private readonly HttpClient _client;
        private readonly PipelineSettings _settings;
        private readonly RateLimitGate _gate = new RateLimitGate();
        private readonly CancellationTokenSource _lifetime = new CancellationTokenSource();

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
            Lifetime = _lifetime.Token;
        }

        public SecretRedactor Redactor { get; }

        public RetryPolicy Retry { get; }

        /// <summary>Cancelled when the connection is closed: for work shared by several callers, which no single caller's Ctrl+C may end.</summary>
        public CancellationToken Lifetime { get; }

        internal RateLimitGate Gate => _gate;

        public async Task<ApiResponse> SendAsync(ApiRequest request, CallContext context)
        {
            var url = new Uri(_settings.ApiBase, request.RelativeUrl);
            var earlierAnswerLost = false;
            for (var attempt = 1; ; attempt++)
            {
                Outcome outcome;
                RetryDecision? decision = null;
                using (var pass = await _gate.EnterAsync(context.Cancellation).ConfigureAwait(false))
                {
                    outcome = await AttemptAsync(request, url, context).ConfigureAwait(false);
                    if (outcome.Response == null)
                    {
                        decision = Retry.Decide(request, attempt, outcome.Failure!);
                    }

                    // Only an answer from the service tells the gate anything: a probe that timed out or lost its
                    // connection leaves the connection rate limited, so the others keep waiting for a real answer.
                    // A 429 pauses every request on the connection for the wait the service asked. When that wait is
                    // longer than PSRemoteLinks waits there is no pause, but the others go one at a time, so each
                    // finds out with a single request.
                    if (outcome.ServiceAnswered)
                    {
                        var rateLimited = outcome.Failure?.StatusCode == 429;
                        pass.Answered(rateLimited ? decision!.ConnectionPause ?? TimeSpan.Zero : (TimeSpan?)null);
                    }
                }

                if (outcome.Response != null)
                {
                    return outcome.Response;
                }

                var error = outcome.Error!;
                error.SetRequest(request.Method.Method, url.AbsolutePath);
                if (earlierAnswerLost && request.GoneMeansDone && outcome.Failure!.StatusCode == 404)
                {
                    // The earlier attempt reached the service and did it; only its answer was lost.
                    context.Verbose(string.Format(CultureInfo.InvariantCulture,
                        "{0} {1}: already gone, so the earlier attempt whose answer was lost did it; counted as done.",
                        request.Method, Redactor.Scrub(url.AbsoluteUri)));
                    return new ApiResponse(404, Array.Empty<byte>(), null, request.Method.Method, url.AbsolutePath);
                }

                if (!decision!.Retry)
                {
                    throw decision.GivingUpNote == null
                        ? error
                        : new ApiException(error.Kind, error.ErrorId, error.Message + " " + decision.GivingUpNote, error.StatusCode, error, error.Method, error.Path);
                }

                earlierAnswerLost |= outcome.Failure!.AnswerMayBeLost;
                var reason = Redactor.Scrub(decision.Reason);
                context.Verbose(string.Format(CultureInfo.InvariantCulture,
                    "Retrying {0} {1} in {2} (retry {3} of {4}): {5}",
                    request.Method, Redactor.Scrub(url.AbsoluteUri), Seconds(decision.Wait), attempt, Retry.MaximumRetryCount, reason));
                context.Waiting(new RetryWait(_settings.ServiceName, request.Method.Method, url.AbsolutePath, reason, decision.Wait, attempt, Retry.MaximumRetryCount));

                // After a 429 the next attempt waits at the gate, together with every other request on the connection.
                if (decision.ConnectionPause == null)
                {
                    await Task.Delay(decision.Wait, context.Cancellation).ConfigureAwait(false);
                }
            }
        }

        public void Dispose()
        {
            if (!_lifetime.IsCancellationRequested)
            {
                _lifetime.Cancel();
            }

            _client.Dispose();
        }

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

                response = await SendFollowingRedirectsAsync(request, url, context, attemptTimeout.Token).ConfigureAwait(false);
                var answeredUrl = response.RequestMessage?.RequestUri ?? url;
                var body = await ReadBodyAsync(response, method, answeredUrl, attemptTimeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (context.WantsVerbose)
                {
                    context.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} ({4} ms)",
                        method, shownUrl, status, response.ReasonPhrase, watch.ElapsedMilliseconds));
                }
                if (body.Length > 0 && context.WantsDebug)
                {
                    context.Debug("Response body: " + DebugText(body));
                }

                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (response.IsSuccessStatusCode)
                {
                    return Outcome.Success(new ApiResponse(status, body, mediaType, method, answeredUrl.AbsolutePath) { Headers = Kept(response, request.KeepHeaders) });
                }

                var error = ErrorResponses.FromStatus(_settings.ServiceName, method, answeredUrl.AbsolutePath, status, response.ReasonPhrase, body, mediaType, Redactor);
                var serverWait = RetryPolicy.IsRetryableStatus(status) ? RetryPolicy.ServerRequestedWait(response.Headers, DateTimeOffset.UtcNow) : null;
                return Outcome.Failed(error, AttemptFailure.Status(status, response.ReasonPhrase, serverWait));
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                var timeout = _settings.Network.Timeout;
                context.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> no complete answer within {2}", method, shownUrl, Seconds(timeout)));
                var error = new ApiException(ApiErrorKind.Timeout, "Timeout",
                    _settings.ServiceName + " did not answer " + method + " " + url.AbsolutePath + " completely within "
                    + Seconds(timeout) + " (-TimeoutSec " + timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + ").");
                return Outcome.Failed(error, AttemptFailure.Timeout(timeout));
            }
            catch (ApiException ex)
            {
                // Refused redirects and oversized bodies: another attempt would meet the same answer.
                context.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2}", method, shownUrl, ex.ErrorId));
                return Outcome.Failed(ex, AttemptFailure.Permanent(ex.ErrorId));
            }
            catch (HttpRequestException ex)
            {
                context.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> failed after {2} ms: {3}", method, shownUrl, watch.ElapsedMilliseconds, Redactor.Scrub(Innermost(ex).Message)));
                return await ClassifyAsync(ex, method, url, cancellation).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                // The connection broke while the body was being read.
                context.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> broke off after {2} ms: {3}", method, shownUrl, watch.ElapsedMilliseconds, Redactor.Scrub(Innermost(ex).Message)));
                return Outcome.Failed(ConnectionFailure(method, url, ex), AttemptFailure.ConnectionLost(Redactor.Scrub(Sentences.End(Innermost(ex).Message))));
            }
            finally
            {
                response?.Dispose();
            }
        }

        /// <summary>
        /// Follows redirects on the same host (an http:// to https:// upgrade, a moved context path) with the credentials.
        /// A redirect to another host, or from https:// down to http://, is refused with an error naming the target:
        /// following it without credentials would still hand the request (path, body) to a host the user never named,
        /// and would fail there anyway; following it with them would give the credentials away.
        /// </summary>
        private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(ApiRequest request, Uri url, CallContext context, CancellationToken cancellation)
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

                var target = WithoutUserInfo(response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(url, response.Headers.Location));
                response.Dispose();
                if (!RedirectKeepsCredentialsSafe(url, target))
                {
                    throw new ApiException(ApiErrorKind.Security, "RedirectRefused",
                        _settings.ServiceName + " redirected " + method.Method + " " + url.AbsolutePath + " (" + status + ") to "
                        + Redactor.Scrub(target.GetLeftPart(UriPartial.Authority))
                        + ". PSRemoteLinks does not follow a redirect to another host or from https:// to http://, so the credentials stay with "
                        + url.Host + ". If that address is right, connect to it with -Uri.",
                        status);
                }

                if (hop >= MaxRedirects)
                {
                    throw new ApiException(ApiErrorKind.Connection, "TooManyRedirects",
                        _settings.ServiceName + " redirected " + method.Method + " " + url.AbsolutePath + " more than " + MaxRedirects + " times.", status);
                }

                context.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2}, following to {3}",
                    method.Method, Redactor.Scrub(url.AbsoluteUri), status, Redactor.Scrub(target.AbsoluteUri)));
                if (status == 303)
                {
                    method = HttpMethod.Get;
                    body = null;
                }

                url = target;
            }
        }

        private static IReadOnlyDictionary<string, string> Kept(HttpResponseMessage response, string[]? names)
        {
            if (names == null)
            {
                return NoHeaders;
            }

            var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
            {
                if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
                {
                    kept[name] = string.Join(", ", values);
                }
            }

            return kept;
        }

        /// <summary>A Location header may carry user:password@; it is neither followed with nor shown.</summary>
        private static Uri WithoutUserInfo(Uri uri) =>
            string.IsNullOrEmpty(uri.UserInfo) ? uri : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;

        /// <summary>Same host name (the port may change, as it does from http:// to https://), and never a downgrade to plain http://.</summary>
        internal static bool RedirectKeepsCredentialsSafe(Uri from, Uri to)
        {
            if (to.Scheme != Uri.UriSchemeHttp && to.Scheme != Uri.UriSchemeHttps)
            {
                return false;
            }

            if (from.Scheme == Uri.UriSchemeHttps && to.Scheme != Uri.UriSchemeHttps)
            {
                return false;
            }

            return string.Equals(from.IdnHost, to.IdnHost, StringComparison.OrdinalIgnoreCase);
        }

        private HttpRequestMessage BuildMessage(HttpMethod method, Uri url, byte[]? body)
        {
            var message = new HttpRequestMessage(method, url);
            // Constant values: added without the parser, which would run again for every request.
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
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

        private async Task<Outcome> ClassifyAsync(HttpRequestException ex, string method, Uri url, CancellationToken cancellation)
        {
            var inner = Innermost(ex);
            var detail = Redactor.Scrub(Sentences.End(inner.Message));
            if (IsTlsFailure(ex))
            {
                var error = new ApiException(ApiErrorKind.Certificate, "CertificateError",
                    "The TLS connection to " + url.GetLeftPart(UriPartial.Authority) + " failed for " + method + " " + url.AbsolutePath + ": "
                    + detail + " If the server uses a self-signed or internal certificate, trust its CA on this machine, "
                    + "or connect with -SkipCertificateCheck; if it asks for a client certificate, connect with -Certificate.",
                    null, ex);
                return Outcome.Failed(error, AttemptFailure.Permanent("TLS failure"));
            }

            if (ProxyRefused(ex))
            {
                var error = new ApiException(ApiErrorKind.Authentication, "ProxyAuthenticationRequired",
                    "The proxy refused " + method + " " + url.AbsolutePath + " with 407 Proxy Authentication Required: give -ProxyCredential "
                    + "(or -ProxyUseDefaultCredentials), or check the one given.",
                    407, ex);
                return Outcome.Failed(error, AttemptFailure.Permanent("proxy authentication"));
            }

            var neverSent = NeverSent(ex);
            if (!neverSent && await ServerWantsMissingCertificateAsync(url, cancellation).ConfigureAwait(false))
            {
                var error = new ApiException(ApiErrorKind.Authentication, "ClientCertificateRequired",
                    _settings.ServiceName + " at " + url.GetLeftPart(UriPartial.Authority) + " asks for a client certificate (mutual TLS) and closed the connection of "
                    + method + " " + url.AbsolutePath + " that had none. Connect with -Certificate and a certificate the server accepts.",
                    null, ex);
                return Outcome.Failed(error, AttemptFailure.Permanent("client certificate required"));
            }

            return Outcome.Failed(ConnectionFailure(method, url, ex), AttemptFailure.ConnectionLost(detail, requestMayHaveArrived: !neverSent));
        }

        /// <summary>
        /// After an https:// connection dropped without an answer and no -Certificate was given: does the server want
        /// one? Asked directly only when no proxy is in between (through a proxy the answer would be the proxy's).
        /// </summary>
        private Task<bool> ServerWantsMissingCertificateAsync(Uri url, CancellationToken cancellation)
        {
            var network = _settings.Network;
            if (url.Scheme != Uri.UriSchemeHttps || network.Certificate != null || network.Proxy != null || (!network.NoProxy && SystemProxyUsedFor(url)))
            {
                return Task.FromResult(false);
            }

            var limit = network.Timeout < ProbeLimit ? network.Timeout : ProbeLimit;
            return ClientCertificateProbe.ServerAsksForCertificateAsync(url, limit, cancellation);
        }

        private static bool SystemProxyUsedFor(Uri url)
        {
            try
            {
                var proxy = WebRequest.DefaultWebProxy;
                if (proxy == null || proxy.IsBypassed(url))
                {
                    return false;
                }

                var through = proxy.GetProxy(url);
                return through != null && through != url;
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is NotSupportedException || ex is PlatformNotSupportedException)
            {
                return true;
            }
        }

        /// <summary>The connection was refused or the host not found: the request never left this machine.</summary>
        private static bool NeverSent(Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.NoData:
                        case SocketError.TryAgain:
                            return true;
                    }
                }

                if (e is WebException web && (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTlsFailure(HttpRequestException ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException || e.GetType().Name.IndexOf("Certificate", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private ApiException ConnectionFailure(string method, Uri url, Exception ex) =>
            new ApiException(ApiErrorKind.Connection, "ConnectionFailed",
                "Could not reach " + _settings.ServiceName + " at " + url.GetLeftPart(UriPartial.Authority) + " for " + method + " " + url.AbsolutePath
                + ": " + Redactor.Scrub(Sentences.End(Innermost(ex).Message)) + ClientCertificateHint(url, ex), null, ex);

        /// <summary>
        /// Over TLS 1.3 a server that wants a client certificate and gets none (or an unknown one) simply drops the
        /// connection after the handshake: the client cannot tell that apart from any other dropped connection.
        /// </summary>
        private string ClientCertificateHint(Uri url, Exception ex)
        {
            if (url.Scheme != Uri.UriSchemeHttps || NeverSent(ex))
            {
                return string.Empty;
            }

            return _settings.Network.Certificate == null
                ? " If the server requires a client certificate (mutual TLS), connect with -Certificate."
                : " If the server requires a client certificate, check that it accepts the one given with -Certificate.";
        }

        /// <summary>
        /// A proxy's 407 on an https:// tunnel arrives as an exception, not a response. It is recognised by the status
        /// it carries (HttpRequestException.StatusCode on .NET, the WebException's response on .NET Framework), never
        /// by its text: "407" also appears in other messages, such as a refused connection to port 4070.
        /// </summary>
        private static bool ProxyRefused(HttpRequestException ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                var statusProperty = e.GetType().GetProperty("StatusCode", BindingFlags.Public | BindingFlags.Instance);
                if (statusProperty?.GetValue(e) is HttpStatusCode code && code == HttpStatusCode.ProxyAuthenticationRequired)
                {
                    return true;
                }

                if (e is WebException web && web.Response is HttpWebResponse response && response.StatusCode == HttpStatusCode.ProxyAuthenticationRequired)
                {
                    return true;
                }
            }

            return false;
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

        private static string Seconds(TimeSpan span) => RetryPolicy.Seconds(span);

        private sealed class Outcome
        {
            private Outcome(ApiResponse? response, ApiException? error, AttemptFailure? failure)
            {
                Response = response;
                Error = error;
                Failure = failure;
            }

            public ApiResponse? Response { get; }

            /// <summary>The error to report if this attempt is the last.</summary>
            public ApiException? Error { get; }

            public AttemptFailure? Failure { get; }

            /// <summary>The service answered (successfully or with an error status), rather than the network failing.</summary>
            public bool ServiceAnswered => Response != null || Failure!.Kind == AttemptFailureKind.Status;

            public static Outcome Success(ApiResponse response) => new Outcome(response, null, null);

            public static Outcome Failed(ApiException error, AttemptFailure failure) => new Outcome(null, error, failure);
        }
    }
}
