using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// A scripted misbehaviour: what to do (factory methods) and which requests it applies to
/// (<see cref="For"/>, <see cref="Times"/>). Faults run before authentication.
/// </summary>
public sealed partial class Fault
{
    private readonly FaultAction _action;
    private readonly string _description;
    private string? _method;
    private string? _pathContains;
    private int _remaining = 1;
    private int _hits;

    private Fault(string description, FaultAction action)
    {
        _description = description;
        _action = action;
    }

    internal delegate Task FaultAction(HttpContext context, RequestDelegate next, CancellationToken stopping);

    /// <summary>How many requests this fault has served.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Answers <paramref name="status"/> with <paramref name="body"/> (none when null).</summary>
    public static Fault Status(int status, string? body = null, string contentType = "application/json", string? retryAfter = null)
    {
        return new Fault($"status {status}", (context, _, _) =>
        {
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            return body is null
                ? Respond.Empty(context, status)
                : Respond.Text(context, status, body, contentType);
        });
    }

    /// <summary>429 with Retry-After and a Jira-style JSON error body.</summary>
    public static Fault TooManyRequests(string retryAfter = "1")
    {
        return new Fault($"429 (Retry-After {retryAfter})", (context, _, _) =>
        {
            context.Response.Headers.RetryAfter = retryAfter;
            context.Response.Headers["X-RateLimit-Remaining"] = "0";
            context.Response.Headers["RateLimit-Reason"] = "jira-burst-based";
            return Respond.Text(
                context,
                StatusCodes.Status429TooManyRequests,
                "{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}",
                Respond.JsonContentType);
        });
    }

    /// <summary>503 as a load balancer sends it (an HTML page), with Retry-After when given.</summary>
    public static Fault ServiceUnavailable(string? retryAfter = null)
    {
        return new Fault("503", (context, _, _) =>
        {
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            return Respond.Text(context, StatusCodes.Status503ServiceUnavailable, FaultPages.ServiceUnavailable, "text/html;charset=UTF-8");
        });
    }

    /// <summary>An HTML sign-in page, as an SSO proxy or a Jira session timeout serves it.</summary>
    public static Fault HtmlLoginPage(int status = 200)
    {
        return new Fault($"HTML login page ({status})", (context, _, _) =>
            Respond.Text(context, status, FaultPages.LoginPage, "text/html;charset=UTF-8"));
    }

    /// <summary>Never answers; returns only when the client aborts (or the emulator stops, which drops the connection).</summary>
    public static Fault Hang()
    {
        return new Fault("hang", async (context, _, stopping) =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            context.Abort();
        });
    }

    /// <summary>Waits, then handles the request normally.</summary>
    public static Fault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new Fault($"delay {delay.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms", (context, next, stopping) =>
            LatencyPlan.DelayThenNextAsync(context, next, delay, stopping));
    }

    /// <summary>Answers with <paramref name="body"/> verbatim.</summary>
    public static Fault Serve(int status, string body, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(body);
        return ServeBytes(status, Encoding.UTF8.GetBytes(body), contentType);
    }

    /// <summary>Answers with <paramref name="body"/> verbatim.</summary>
    public static Fault ServeBytes(int status, byte[] body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new Fault($"serve {status} ({body.Length} bytes {contentType})", (context, _, _) =>
            Respond.Bytes(context, status, body, contentType));
    }

    /// <summary>Only requests with this method (null = any) whose decoded path contains <paramref name="pathContains"/> (ignoring case).</summary>
    public Fault For(string? method, string pathContains)
    {
        _method = method;
        _pathContains = pathContains;
        return this;
    }

    /// <summary>How many matching requests to serve (default 1); -1 serves every matching request.</summary>
    public Fault Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, -1);
        Volatile.Write(ref _remaining, count);
        return this;
    }

    public override string ToString()
    {
        string target = _method is null && string.IsNullOrEmpty(_pathContains)
            ? "any request"
            : $"{_method ?? "*"} *{_pathContains}*";
        int remaining = Volatile.Read(ref _remaining);
        return $"{_description} for {target}, {(remaining < 0 ? "always" : remaining + " left")}, {Hits} hit(s)";
    }

    internal bool TryClaim(string method, string path)
    {
        if (!RequestMatch.Matches(_method, _pathContains, method, path))
        {
            return false;
        }

        while (true)
        {
            int remaining = Volatile.Read(ref _remaining);
            if (remaining == 0)
            {
                return false;
            }

            if (remaining < 0 || Interlocked.CompareExchange(ref _remaining, remaining - 1, remaining) == remaining)
            {
                Interlocked.Increment(ref _hits);
                return true;
            }
        }
    }

    internal Task ApplyAsync(HttpContext context, RequestDelegate next, CancellationToken stopping) =>
        _action(context, next, stopping);
}
