using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>Tracker API under /tracker/v2 and /tracker/v3 (identical): routing and the shared checks.</summary>
internal sealed partial class TrackerEndpoints
{
    private const string IssueNotFound = "Issue not found";

    private readonly TrackerStore _store;
    private readonly EmulatorOptions _options;

    public TrackerEndpoints(TrackerStore store, EmulatorOptions options)
    {
        _store = store;
        _options = options;
    }

    /// <param name="context">The request being handled.</param>
    /// <param name="trackerBase">Absolute URL of the Tracker root as the client addressed it, e.g. http://127.0.0.1:5000/tracker.</param>
    /// <param name="remainder">The decoded path after /tracker, e.g. /v2/issues/TREK-1/links.</param>
    public Task HandleAsync(HttpContext context, string trackerBase, string remainder)
    {
        string[] parts = PathSegments.Split(remainder);
        if (parts is not ["v2" or "v3", .. var route])
        {
            return Reply.Json(404, TrackerJson.Error(404, "Not found")).WriteAsync(context);
        }

        if (TrackerAuth.Check(context.Request, _options) is Reply denied)
        {
            return denied.WriteAsync(context);
        }

        var call = new TrackerCall(context, $"{trackerBase}/{parts[0]}", TrackerAuth.WantsEnglish(context.Request));
        Reply reply;
        lock (_store.Gate)
        {
            reply = Route(call, route);
        }

        return reply.WriteAsync(context);
    }

    private Reply Route(TrackerCall call, string[] route)
    {
        string method = call.Context.Request.Method;
        return route switch
        {
            ["myself"] => Only(method, "GET", () => Myself(call)),
            ["issues", "_search"] => Only(method, "POST", () => Search(call)),
            ["system", "search", "scroll", "_clear"] => Only(method, "POST", () => ClearScrolls(call)),
            ["issues", string key] => Only(method, "GET", () => GetIssue(call, key)),
            ["issues", string key, "links"] => method switch
            {
                "GET" => GetLinks(call, key),
                "POST" => PostLink(call, key),
                _ => NotAllowed("GET, POST"),
            },
            ["issues", string key, "links", string linkId] => method switch
            {
                "GET" => GetLink(call, key, linkId),
                "DELETE" => DeleteLink(key, linkId),
                _ => NotAllowed("GET, DELETE"),
            },
            ["issues", string key, "remotelinks"] => method switch
            {
                "GET" => GetRemoteLinks(call, key),
                "POST" => PostRemoteLink(call, key),
                _ => NotAllowed("GET, POST"),
            },
            ["issues", string key, "remotelinks", string linkId] => method switch
            {
                "GET" => GetRemoteLink(call, key, linkId),
                "DELETE" => DeleteRemoteLink(key, linkId),
                _ => NotAllowed("GET, DELETE"),
            },
            ["linktypes"] => Only(method, "GET", () => GetLinkTypes(call)),
            ["linktypes", string typeId] => Only(method, "GET", () => GetLinkType(call, typeId)),
            ["applications"] => Only(method, "GET", () => GetApplications(call)),
            _ => Reply.Json(404, TrackerJson.Error(404, "Not found")),
        };
    }

    private static Reply Only(string method, string allowed, Func<Reply> handler) =>
        method == allowed ? handler() : NotAllowed(allowed);

    private static Reply NotAllowed(string allow) => new(405, TrackerJson.Error(405, "Method not allowed"), allow);

    private static Reply Myself(TrackerCall call) => Reply.Json(200, new JsonObject
    {
        ["self"] = $"{call.Api}/users/{TrackerJson.AdminUid}",
        ["uid"] = TrackerJson.AdminUid,
        ["login"] = "admin",
        ["display"] = TrackerJson.AdminDisplay,
        ["email"] = "admin@example.com",
    });

    private Reply GetIssue(TrackerCall call, string key)
    {
        if (ResolveIssue(key, out TrackerIssue? issue) is Reply failure)
        {
            return failure;
        }

        return Reply.Json(200, TrackerJson.Issue(call.Api, issue!, call.English));
    }

    private static Reply GetLinkTypes(TrackerCall call) =>
        Reply.Json(200, new JsonArray(TrackerLinkTypes.Types.Select(t => (JsonNode)TrackerJson.LinkType(call.Api, t.Id, call.English)).ToArray()));

    private static Reply GetLinkType(TrackerCall call, string typeId) =>
        TrackerLinkTypes.FindType(typeId) is null
            ? Reply.Json(404, TrackerJson.Error(404, "Link type not found"))
            : Reply.Json(200, TrackerJson.LinkType(call.Api, typeId, call.English));

    private Reply GetApplications(TrackerCall call) =>
        Reply.Json(200, new JsonArray(_store.ApplicationsLocked.Select(a => (JsonNode)TrackerJson.Application(call.Api, a)).ToArray()));

    /// <summary>The 404 answer, or null when <paramref name="issue"/> is set.</summary>
    private Reply? ResolveIssue(string idOrKey, out TrackerIssue? issue)
    {
        issue = _store.FindLocked(idOrKey);
        return issue is null ? Reply.Json(404, TrackerJson.Error(404, IssueNotFound)) : null;
    }

    /// <summary>The issue and one of its links (or external links) by id; the 400 or 404 answer otherwise.</summary>
    private Reply? ResolveOnIssue<T>(
        string key, string linkId, Func<TrackerIssue, IEnumerable<T>> links, Func<T, long> idOf, string noun, out TrackerIssue? issue, out T? found)
        where T : class
    {
        found = null;
        if (ResolveIssue(key, out issue) is Reply failure)
        {
            return failure;
        }

        if (!TryParseId(linkId, out long id))
        {
            return Reply.Json(400, TrackerJson.Error(400, $"Invalid {noun} id '{linkId}'"));
        }

        found = links(issue!).FirstOrDefault(l => idOf(l) == id);
        return found is null ? Reply.Json(404, TrackerJson.Error(404, char.ToUpperInvariant(noun[0]) + noun[1..] + " not found")) : null;
    }

    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    /// <summary>Reads the required string fields of a JSON object body; the 400 answer names every missing one.</summary>
    private static Reply? ReadRequiredStrings(TrackerCall call, string[] names, out string[] values)
    {
        values = new string[names.Length];
        JsonNode? json = RequestBody.ParseJson(call.Context, out string? parseError);
        if (json is not JsonObject body)
        {
            return Reply.Json(400, TrackerJson.Error(400, parseError ?? "Request body must be a JSON object"));
        }

        var missing = new JsonObject();
        for (int i = 0; i < names.Length; i++)
        {
            JsonNode? node = body[names[i]];
            if (node is not null && node.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Trim().Length > 0)
            {
                values[i] = node.GetValue<string>().Trim();
            }
            else
            {
                missing[names[i]] = node is null ? "Required field is missing" : "Must be a non-empty string";
            }
        }

        return missing.Count > 0 ? Reply.Json(400, TrackerJson.Error(400, string.Empty, missing)) : null;
    }

    private sealed record TrackerCall(HttpContext Context, string Api, bool English);
}
