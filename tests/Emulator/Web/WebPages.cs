using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// Plain web pages under /web/ for link checks, on every listener of the emulator. The first segment says how a page
/// answers: ok (200), missing (404), status/{code}, moved/{n} (a chain of n 301s ending at ok), no-head (405 to HEAD,
/// 200 to GET), hang (never answers), slow/{ms} (200 after ms), cookie (a 302 that sets a cookie, to ok),
/// redirect?to={absolute url} (302 there). Anything else is 404. It counts, per Host header, how many requests were
/// waiting for their answer at once.
/// </summary>
public sealed class WebPages
{
    private readonly ConcurrentDictionary<string, HostLoad> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most requests one host had waiting for their answer at one moment, over all hosts (0 before any).</summary>
    public int PeakPerHost => _hosts.Values.Select(h => h.Peak).DefaultIfEmpty(0).Max();

    /// <summary>How many distinct hosts (Host header: address and port) asked for a page.</summary>
    public int HostsSeen => _hosts.Count;

    /// <summary>Forgets the counts (between a benchmark's runs).</summary>
    public void ResetCounts() => _hosts.Clear();

    internal async Task HandleAsync(HttpContext context, string rest, CancellationToken stopping)
    {
        HostLoad load = _hosts.GetOrAdd(context.Request.Host.Value ?? string.Empty, _ => new HostLoad());
        int answered = 0;
        void Answered()
        {
            if (Interlocked.Exchange(ref answered, 1) == 0)
            {
                load.Leave();
            }
        }

        load.Enter();
        // Counted until the answer's headers start, so a client that already has its answer is never counted as waiting.
        context.Response.OnStarting(() =>
        {
            Answered();
            return Task.CompletedTask;
        });
        try
        {
            await AnswerAsync(context, rest, stopping).ConfigureAwait(false);
        }
        finally
        {
            Answered();
        }
    }

    private static async Task AnswerAsync(HttpContext context, string rest, CancellationToken stopping)
    {
        string[] parts = PathSegments.Split(rest);
        string page = parts.Length == 0 ? "ok" : parts[0];
        switch (page)
        {
            case "ok":
                await Page(context, 200, "OK").ConfigureAwait(false);
                return;
            case "missing":
                await Page(context, 404, "Not Found").ConfigureAwait(false);
                return;
            case "status" when parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int status) && status is >= 200 and < 600:
                await Page(context, status, "Status " + status).ConfigureAwait(false);
                return;
            case "moved" when parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int hops) && hops >= 1:
                string tail = string.Join('/', parts.Skip(2).Select(Uri.EscapeDataString));
                Redirect(context, 301, hops == 1 ? "/web/ok/" + tail : $"/web/moved/{hops - 1}/{tail}");
                return;
            case "no-head":
                if (HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.Headers.Allow = "GET";
                    await Page(context, 405, "Method Not Allowed").ConfigureAwait(false);
                    return;
                }

                await Page(context, 200, "OK").ConfigureAwait(false);
                return;
            case "hang":
                await HangAsync(context, stopping).ConfigureAwait(false);
                return;
            case "slow" when parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int milliseconds):
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping))
                {
                    await Task.Delay(milliseconds, linked.Token).ConfigureAwait(false);
                }

                await Page(context, 200, "OK").ConfigureAwait(false);
                return;
            case "cookie":
                context.Response.Headers.SetCookie = "wiki_session=4f9c1e; Path=/; HttpOnly";
                Redirect(context, 302, "/web/ok/" + string.Join('/', parts.Skip(1).Select(Uri.EscapeDataString)));
                return;
            case "redirect" when Uri.TryCreate(context.Request.Query["to"].ToString(), UriKind.Absolute, out Uri? target):
                Redirect(context, 302, target.AbsoluteUri);
                return;
            default:
                await Respond.HtmlNotFound(context).ConfigureAwait(false);
                return;
        }
    }

    private static Task Page(HttpContext context, int status, string title)
    {
        string html = $"<!DOCTYPE html>\n<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>\n";
        return Respond.Text(context, status, html, "text/html;charset=UTF-8");
    }

    private static void Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        context.Response.ContentLength = 0;
    }

    /// <summary>Never answers: ends (dropping the connection) only when the client gives up or the emulator stops.</summary>
    private static async Task HangAsync(HttpContext context, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }

    private sealed class HostLoad
    {
        private int _current;
        private int _peak;

        public int Peak => Volatile.Read(ref _peak);

        public void Enter()
        {
            int now = Interlocked.Increment(ref _current);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }
        }

        public void Leave() => Interlocked.Decrement(ref _current);
    }
}
