using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// Jira REST v2 (also answered as v3 and latest) under one site prefix: the context path, or the Atlassian
/// gateway's /ex/jira/{cloudId}. Routing, authentication and the checks every request shares live here;
/// the operations are in the other JiraEndpoints.*.cs files.
/// </summary>
internal sealed partial class JiraEndpoints
{
    private const string NotFoundIssue = "Issue does not exist or you do not have permission to see it.";
    private const string ForbiddenIssue = "You do not have the permission to see the specified issue.";

    private static readonly string[] AllFields = { "summary", "status", "issuetype", "priority", "issuelinks" };

    private readonly JiraStore _store;
    private readonly EmulatorOptions _options;

    public JiraEndpoints(JiraStore store, EmulatorOptions options)
    {
        _store = store;
        _options = options;
    }

    /// <param name="context">The request being handled.</param>
    /// <param name="siteBase">Absolute URL of the site as the client addressed it, e.g. http://127.0.0.1:5000/jira.</param>
    /// <param name="remainder">The decoded path after the site prefix, e.g. /rest/api/2/issue/DEMO-1.</param>
    public Task HandleAsync(HttpContext context, string siteBase, string remainder)
    {
        string[] parts = PathSegments.Split(remainder);
        if (parts is not ["rest", "api", "2" or "3" or "latest", .. var route])
        {
            return Reply.Json(404, JiraJson.Errors($"No REST resource at {remainder}.")).WriteAsync(context);
        }

        if (!JiraAuth.IsAuthorized(context.Request, _options, out bool credentialsSent))
        {
            if (credentialsSent)
            {
                context.Response.Headers["X-Seraph-LoginReason"] = "AUTHENTICATED_FAILED";
            }

            return Reply.Json(401, JiraJson.Errors("You are not authenticated. Authentication required to perform this operation."))
                .WriteAsync(context);
        }

        string method = context.Request.Method;
        bool needsJson = HttpMethods.IsDelete(method) || HttpMethods.IsPost(method) || HttpMethods.IsPut(method);
        if (needsJson && !ContentTypes.IsJson(context.Request))
        {
            // Jira Cloud really does this even for body-less DELETEs.
            return Reply.Json(415, JiraJson.Errors("Unsupported Media Type")).WriteAsync(context);
        }

        var call = new JiraCall(context, $"{siteBase}/rest/api/{parts[2]}");
        Reply reply;
        lock (_store.Gate)
        {
            reply = Route(call, route);
        }

        return reply.WriteAsync(context);
    }

    private Reply Route(JiraCall call, string[] route)
    {
        string method = call.Context.Request.Method;
        return route switch
        {
            ["myself"] => Only(method, "GET", () => Myself(call)),
            ["issue", string key] => Only(method, "GET", () => GetIssue(call, key)),
            ["issue", string key, "remotelink"] => method switch
            {
                "GET" => GetRemoteLinks(call, key),
                "POST" => PostRemoteLink(call, key),
                "DELETE" => DeleteRemoteLinkByGlobalId(call, key),
                _ => NotAllowed("GET, POST, DELETE"),
            },
            ["issue", string key, "remotelink", string linkId] => method switch
            {
                "GET" => GetRemoteLink(call, key, linkId),
                "PUT" => PutRemoteLink(call, key, linkId),
                "DELETE" => DeleteRemoteLink(key, linkId),
                _ => NotAllowed("GET, PUT, DELETE"),
            },
            ["issueLinkType"] => Only(method, "GET", () => GetLinkTypes(call)),
            ["issueLinkType", string typeId] => Only(method, "GET", () => GetLinkType(call, typeId)),
            ["issueLink"] => Only(method, "POST", () => PostIssueLink(call)),
            ["issueLink", string linkId] => method switch
            {
                "GET" => GetIssueLink(call, linkId),
                "DELETE" => DeleteIssueLink(linkId),
                _ => NotAllowed("GET, DELETE"),
            },
            ["serverInfo"] => Only(method, "GET", () => ServerInfo(call)),
            ["search"] => Only(method, "POST", () => SearchStartAt(call)),
            ["search", "jql"] => Only(method, "POST", () => SearchJql(call)),
            ["search", "approximate-count"] => Only(method, "POST", () => ApproximateCount(call)),
            _ => Reply.Json(404, JiraJson.Errors($"No REST resource at /{string.Join('/', route)}.")),
        };
    }

    private static Reply Only(string method, string allowed, Func<Reply> handler) =>
        method == allowed ? handler() : NotAllowed(allowed);

    private static Reply NotAllowed(string allow) =>
        new(405, JiraJson.Errors("Method Not Allowed"), allow);

    private Reply Myself(JiraCall call)
    {
        const string accountId = "5b10a2844c20165700ede21g";
        return Reply.Json(200, new JsonObject
        {
            ["self"] = $"{call.Api}/user?accountId={accountId}",
            ["accountId"] = accountId,
            ["name"] = "admin",
            ["emailAddress"] = _options.JiraUser,
            ["displayName"] = "Emulated Admin",
            ["active"] = true,
        });
    }

    private Reply GetIssue(JiraCall call, string key)
    {
        if (ResolveIssue(key, out JiraIssue? issue) is Reply failure)
        {
            return failure;
        }

        return Reply.Json(200, JiraJson.Issue(issue!, call.Api, RequestedFields(call.Context.Request)));
    }

    /// <summary>The 404/403 answer when the issue cannot be used, or null when <paramref name="issue"/> is set.</summary>
    private Reply? ResolveIssue(string idOrKey, out JiraIssue? issue)
    {
        issue = _store.FindLocked(idOrKey);
        if (_store.IsForbiddenLocked(idOrKey) || (issue is not null && _store.IsForbiddenLocked(issue)))
        {
            issue = null;
            return Reply.Json(403, JiraJson.Errors(ForbiddenIssue));
        }

        return issue is null ? Reply.Json(404, JiraJson.Errors(NotFoundIssue)) : null;
    }

    /// <summary>The ?fields= list (repeatable, comma-separated); null means every field.</summary>
    private static HashSet<string>? RequestedFields(HttpRequest request)
    {
        if (!request.Query.TryGetValue("fields", out Microsoft.Extensions.Primitives.StringValues values))
        {
            return null;
        }

        string[] names = values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        bool everything = names.Any(n => n is "*all" or "*navigable");
        var result = new HashSet<string>(
            everything ? AllFields : names.Where(n => !n.StartsWith('-')),
            StringComparer.Ordinal);
        foreach (string excluded in names.Where(n => n.StartsWith('-')))
        {
            result.Remove(excluded[1..]);
        }

        return result;
    }

    private sealed record JiraCall(HttpContext Context, string Api);
}
