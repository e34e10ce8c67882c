using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PSRemoteLinks.Emulator.Http;

/// <summary>
/// Sends each request to the service that owns its path: /tracker, /gateway/ex/jira/{cloudId}, or the Jira
/// context path. Anything else gets an HTML 404, like a web server in front of the real services.
/// </summary>
internal sealed class Dispatcher
{
    private readonly JiraEndpoints _jira;
    private readonly TrackerEndpoints _tracker;
    private readonly EmulatorOptions _options;
    private readonly string _jiraContext;
    private readonly WebPages _web;
    private readonly CancellationToken _stopping;

    public Dispatcher(JiraEndpoints jira, TrackerEndpoints tracker, EmulatorOptions options, WebPages web, CancellationToken stopping)
    {
        _web = web;
        _stopping = stopping;
        _jira = jira;
        _tracker = tracker;
        _options = options;
        _jiraContext = options.NormalizedJiraContextPath;
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            // Surface emulator bugs to the test that hit them instead of an empty 500.
            await Respond.Json(context, 500, new JsonObject
            {
                ["errorMessages"] = new JsonArray("Emulator failure: " + e),
                ["errors"] = new JsonObject(),
            }).ConfigureAwait(false);
        }
    }

    private Task RouteAsync(HttpContext context)
    {
        string path = (context.Request.PathBase + context.Request.Path).Value ?? "/";
        string origin = $"{context.Request.Scheme}://{context.Request.Host}";

        if (TryStrip(path, "/tracker", out string rest))
        {
            return _tracker.HandleAsync(context, origin + "/tracker", rest);
        }

        if (TryStrip(path, "/web", out rest))
        {
            return _web.HandleAsync(context, rest, _stopping);
        }

        if (TryStrip(path, "/gateway", out rest))
        {
            string[] parts = PathSegments.Split(rest);
            if (parts is ["ex", "jira", string cloudId, .. var tail])
            {
                if (cloudId == _options.JiraCloudId)
                {
                    return _jira.HandleAsync(context, $"{origin}/gateway/ex/jira/{cloudId}", "/" + string.Join('/', tail));
                }

                return Reply.Json(404, JiraJson.Errors($"No site with cloud id '{cloudId}' is accessible.")).WriteAsync(context);
            }

            return Reply.Json(404, JiraJson.Errors("Not Found")).WriteAsync(context);
        }

        bool underJira = _jiraContext.Length > 0
            ? TryStrip(path, _jiraContext, out rest)
            : (rest = path).StartsWith("/rest/", StringComparison.Ordinal);
        return underJira
            ? _jira.HandleAsync(context, origin + _jiraContext, rest)
            : Respond.HtmlNotFound(context);
    }

    /// <summary>Matches whole segments only: "/jira" and "/jira/x" start with "/jira", "/jiraX" does not.</summary>
    private static bool TryStrip(string path, string prefix, out string rest)
    {
        if (path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] == '/'))
        {
            rest = path[prefix.Length..];
            return true;
        }

        rest = string.Empty;
        return false;
    }
}
