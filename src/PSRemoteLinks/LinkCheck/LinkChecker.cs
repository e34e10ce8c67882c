using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.LinkCheck
{
    /// <summary>
    /// Checks where one link points: HEAD, or GET where the host refuses HEAD (405, 501), following redirects itself
    /// (up to <see cref="MaxRedirects"/>) so it can say where they end. Every request waits for its place in
    /// <see cref="CheckSlots"/>; -TimeoutSec runs per request from the moment it is sent, not while it waits its turn.
    /// What went wrong with a link is data in its check, never an exception.
    /// </summary>
    internal sealed class LinkChecker
    {
        public const int MaxRedirects = 10;

        private readonly CheckSlots _slots;
        private readonly TimeSpan _timeout;

        public LinkChecker(CheckSlots slots, TimeSpan timeout)
        {
            _slots = slots;
            _timeout = timeout;
        }

        public async Task<RemoteIssueLinkCheck> CheckAsync(RemoteIssueLink link, HttpClient client, CallContext context)
        {
            var check = new RemoteIssueLinkCheck { Issue = link.Issue, Id = link.Id, Url = link.Url, Connection = link.Connection };
            var notCheckable = WebAddress.WhyNotCheckable(link, out var url);
            if (notCheckable != null)
            {
                check.Reachable = RemoteIssueLinkCheck.Unknown;
                check.Error = "not checkable: " + notCheckable;
                return check;
            }

            var clock = new Stopwatch();
            for (var hop = 0; ; hop++)
            {
                var answer = await AskAsync(client, url, clock, context).ConfigureAwait(false);
                if (answer.Failure != null)
                {
                    check.Reachable = false;
                    check.Error = answer.Failure;
                    break;
                }

                if (!answer.IsRedirect)
                {
                    CheckVerdict.Apply(check, answer);
                    break;
                }

                var target = answer.Location!;
                if (!WebAddress.IsWeb(target) || hop == MaxRedirects)
                {
                    check.StatusCode = answer.Status;
                    check.Reachable = false;
                    check.Error = WebAddress.IsWeb(target)
                        ? "more than " + MaxRedirects + " redirects"
                        : answer.StatusText + " to '" + target.Scheme + ":', which is not a web address";
                    break;
                }

                check.RedirectedTo = target.AbsoluteUri;
                url = target;
            }

            check.Elapsed = clock.Elapsed;
            return check;
        }

        private async Task<PageAnswer> AskAsync(HttpClient client, Uri url, Stopwatch clock, CallContext context)
        {
            var answer = await SendAsync(client, HttpMethod.Head, url, clock, context).ConfigureAwait(false);
            return answer.Status == 405 || answer.Status == 501
                ? await SendAsync(client, HttpMethod.Get, url, clock, context).ConfigureAwait(false)
                : answer;
        }

        private async Task<PageAnswer> SendAsync(HttpClient client, HttpMethod method, Uri url, Stopwatch clock, CallContext context)
        {
            using (await _slots.EnterAsync(url, context.Cancellation).ConfigureAwait(false))
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation))
            {
                timeout.CancelAfter(_timeout);
                var started = clock.Elapsed;
                clock.Start();
                try
                {
                    using var request = new HttpRequestMessage(method, url);
                    // Headers only: a GET's body is never read, the connection is dropped instead.
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    var location = IsRedirect(status) && response.Headers.Location != null ? WebAddress.Resolve(url, response.Headers.Location) : null;
                    clock.Stop();
                    context.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} ({4} ms){5}", method.Method, url.AbsoluteUri, status,
                        response.ReasonPhrase, (clock.Elapsed - started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),
                        location == null ? string.Empty : ", redirected to " + location.AbsoluteUri));
                    return PageAnswer.Answered(status, response.ReasonPhrase, location);
                }
                catch (OperationCanceledException) when (!context.Cancellation.IsCancellationRequested)
                {
                    return Failed(method, url, CheckFailures.Timeout(_timeout), context);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    return Failed(method, url, CheckFailures.From(ex, url), context);
                }
                finally
                {
                    clock.Stop();
                }
            }
        }

        private static PageAnswer Failed(HttpMethod method, Uri url, string failure, CallContext context)
        {
            context.Verbose(method.Method + " " + url.AbsoluteUri + " -> " + failure);
            return PageAnswer.Failed(failure);
        }

        private static bool IsRedirect(int status) => status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
