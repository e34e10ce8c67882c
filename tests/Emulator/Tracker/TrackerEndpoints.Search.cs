using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSRemoteLinks.Emulator.Http;
using PSRemoteLinks.Emulator.Search;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// POST issues/_search (reference: search-api.md §5): exactly one of queue, keys, filter, query in the body; pages
/// (perPage, page; X-Total-Count, X-Total-Pages) reach the first 10,000 matches, past that the emulator answers 400
/// (real behaviour there is undocumented); scrolls (scrollType, perScroll; X-Scroll-Id and X-Scroll-Token while parts
/// remain) reach all. POST system/search/scroll/_clear releases scrolls.
/// </summary>
internal sealed partial class TrackerEndpoints
{
    public const int PageLimit = 10000;
    private const int MaxPerPage = 100;
    private const int MaxPerScroll = 1000;

    private Reply Search(TrackerCall call)
    {
        HttpRequest request = call.Context.Request;
        if (RequestBody.ParseJson(call.Context, out string? parseError) is not JsonObject body)
        {
            return Reply.Json(400, TrackerJson.Error(400, parseError ?? "Request body must be a JSON object"));
        }

        string[] selectors = new[] { "queue", "keys", "filter", "query" }.Where(body.ContainsKey).ToArray();
        if (selectors.Length > 1)
        {
            return Reply.Json(400, TrackerJson.Error(400, "You can only use keys, a queue or a search query"));
        }

        bool scrolling = request.Query.ContainsKey("scrollType") || request.Query.ContainsKey("scrollId");
        if (scrolling && selectors.FirstOrDefault() is "queue" or "keys")
        {
            return Reply.Json(400, TrackerJson.Error(400, "Scroll is not supported"));
        }

        if (Select(body, selectors.FirstOrDefault()) is not { } matches)
        {
            return Reply.Json(400, TrackerJson.Error(400, _lastQueryError ?? "Invalid search request"));
        }

        return scrolling ? Scroll(call, matches) : Page(call, matches);
    }

    private string? _lastQueryError;

    private List<TrackerIssue>? Select(JsonObject body, string? selector)
    {
        IEnumerable<TrackerIssue> all = _store.AllLocked;
        switch (selector)
        {
            case "query":
                TrackerQuery? query = TrackerQuery.Parse(body["query"]?.GetValueKind() == JsonValueKind.String ? body["query"]!.GetValue<string>() : string.Empty, out _lastQueryError);
                return query?.Apply(all).ToList();
            case "queue":
                string queue = body["queue"]?.ToString() ?? string.Empty;
                return all.Where(i => i.Key.StartsWith(queue + "-", StringComparison.OrdinalIgnoreCase)).ToList();
            case "keys":
                var keys = body["keys"] is JsonArray list ? list.Select(k => k?.ToString() ?? string.Empty).ToHashSet(StringComparer.OrdinalIgnoreCase) : new HashSet<string>(StringComparer.OrdinalIgnoreCase) { body["keys"]?.ToString() ?? string.Empty };
                return all.Where(i => keys.Contains(i.Key)).ToList();
            default:
                return all.ToList();
        }
    }

    private static Reply Page(TrackerCall call, List<TrackerIssue> matches)
    {
        int perPage = Math.Clamp(IntParameter(call.Context.Request, "perPage") ?? 50, 1, MaxPerPage);
        int page = Math.Max(1, IntParameter(call.Context.Request, "page") ?? 1);
        long end = (long)page * perPage;
        if (end > PageLimit && (long)(page - 1) * perPage < matches.Count)
        {
            return Reply.Json(400, TrackerJson.Error(400, "Page mode reaches only the first 10000 issues; use scrolling (scrollType) for more"));
        }

        IHeaderDictionary headers = call.Context.Response.Headers;
        headers["X-Total-Count"] = matches.Count.ToString(CultureInfo.InvariantCulture);
        headers["X-Total-Pages"] = ((matches.Count + perPage - 1) / perPage).ToString(CultureInfo.InvariantCulture);
        return Reply.Json(200, Issues(call, matches.Skip((page - 1) * perPage).Take(perPage)));
    }

    private Reply Scroll(TrackerCall call, List<TrackerIssue> matches)
    {
        HttpRequest request = call.Context.Request;
        string? id = request.Query["scrollId"];
        TrackerScrolls.Scroll? scroll;
        if (id is null)
        {
            int perScroll = Math.Clamp(IntParameter(request, "perScroll") ?? 100, 1, MaxPerScroll);
            (id, scroll) = _store.Scrolls.Start(matches.Select(i => i.Key).ToList(), perScroll);
        }
        else
        {
            scroll = _store.Scrolls.Find(id, request.Query["scrollToken"].ToString());
            if (scroll is null)
            {
                return Reply.Json(403, TrackerJson.Error(403, "Expired signature"));
            }
        }

        // The snapshot's keys, not the current matches: a scroll does not move when issues change.
        List<TrackerIssue> part = scroll.Keys.Skip(scroll.Position).Take(scroll.PerScroll)
            .Select(k => _store.FindLocked(k)).Where(i => i is not null).Select(i => i!).ToList();
        scroll.Position += scroll.PerScroll;
        IHeaderDictionary headers = call.Context.Response.Headers;
        headers["X-Total-Count"] = scroll.Keys.Count.ToString(CultureInfo.InvariantCulture);
        if (scroll.Position < scroll.Keys.Count)
        {
            scroll.Token = TrackerScrolls.Scroll.NewToken();
            headers["X-Scroll-Id"] = id;
            headers["X-Scroll-Token"] = scroll.Token;
        }
        else
        {
            _store.Scrolls.End(id);
        }

        return Reply.Json(200, Issues(call, part));
    }

    private Reply ClearScrolls(TrackerCall call)
    {
        if (RequestBody.ParseJson(call.Context, out string? parseError) is not JsonObject body)
        {
            return Reply.Json(400, TrackerJson.Error(400, parseError ?? "Request body must be a JSON object"));
        }

        foreach ((string id, JsonNode? token) in body)
        {
            _store.Scrolls.Clear(id, token?.ToString() ?? string.Empty);
        }

        return Reply.Empty(200);
    }

    private static JsonArray Issues(TrackerCall call, IEnumerable<TrackerIssue> issues) =>
        new(issues.Select(i => (JsonNode)SearchIssue(call, i)).ToArray());

    private static JsonObject SearchIssue(TrackerCall call, TrackerIssue issue)
    {
        JsonObject result = TrackerJson.Issue(call.Api, issue, call.English);
        result["type"] = new JsonObject
        {
            ["self"] = $"{call.Api}/issuetypes/2",
            ["id"] = "2",
            ["key"] = "task",
            ["display"] = call.English ? "Task" : "Задача",
        };
        result["updatedAt"] = TrackerJson.Timestamp(issue.UpdatedAt);
        return result;
    }

    private static int? IntParameter(HttpRequest request, string name) =>
        int.TryParse(request.Query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;
}
