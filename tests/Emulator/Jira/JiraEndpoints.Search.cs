using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSRemoteLinks.Emulator.Http;
using PSRemoteLinks.Emulator.Search;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// Search and serverInfo, as the deployment the emulator plays (<see cref="EmulatorOptions.JiraDeployment"/>) has them:
/// Cloud answers <c>search/jql</c> (nextPageToken, isLast, no total) and <c>search/approximate-count</c>, and 410 to
/// the old <c>search</c>; Data Center answers <c>search</c> (startAt, maxResults capped at 1000, total) and 404 to
/// <c>search/jql</c> (reference: search-api.md §1-§3).
/// </summary>
internal sealed partial class JiraEndpoints
{
    private const int DataCenterMaxResults = 1000;
    private const int CloudMaxResults = 5000;
    private const string RemovedSearch = "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";
    private const string Unbounded = "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";

    private bool IsCloud => _options.JiraDeployment == JiraDeployment.Cloud;

    private Reply ServerInfo(JiraCall call)
    {
        string site = call.Api[..call.Api.IndexOf("/rest/api/", StringComparison.Ordinal)];
        int gateway = site.IndexOf("/gateway/ex/jira/", StringComparison.Ordinal);
        if (gateway >= 0)
        {
            // Through the gateway, baseUrl is still the site people browse.
            site = site[..gateway] + _options.NormalizedJiraContextPath;
        }

        return Reply.Json(200, new JsonObject
        {
            ["baseUrl"] = site,
            ["version"] = IsCloud ? "1001.0.0-SNAPSHOT" : "10.3.13",
            ["versionNumbers"] = IsCloud ? new JsonArray(1001, 0, 0) : new JsonArray(10, 3, 13),
            ["deploymentType"] = IsCloud ? "Cloud" : "Server",
            ["buildNumber"] = IsCloud ? 100288 : 10030013,
            ["serverTitle"] = "Emulated Jira",
        });
    }

    /// <summary>POST search/jql (Cloud): the token is the offset of the next page, opaque to the client.</summary>
    private Reply SearchJql(JiraCall call)
    {
        if (!IsCloud)
        {
            return Reply.Json(404, new JsonObject { ["message"] = "HTTP 404 Not Found", ["status-code"] = 404, ["sub-code"] = -1 });
        }

        if (ReadSearch(call, out JsonObject? body) is Reply bad)
        {
            return bad;
        }

        if (ParseJql(body!, out Jql? jql) is Reply invalid)
        {
            return invalid;
        }

        if (jql!.Unbounded)
        {
            return Reply.Json(400, JiraJson.Errors(Unbounded));
        }

        int maxResults = IntOf(body!, "maxResults") ?? 50;
        if (maxResults < 1 || maxResults > CloudMaxResults)
        {
            return Reply.Json(400, JiraJson.Errors("The max results parameter has to be between 1 and 5,000."));
        }

        int offset = 0;
        if (body!["nextPageToken"] is JsonNode tokenNode && !TryReadToken(tokenNode.GetValue<string>(), out offset))
        {
            return Reply.Json(400, JiraJson.Errors("The provided next page token is invalid or expired."));
        }

        List<JiraIssue> all = jql.Apply(_store.AllLocked.Where(i => !_store.IsForbiddenLocked(i))).ToList();
        List<JiraIssue> page = all.Skip(offset).Take(maxResults).ToList();
        bool last = offset + page.Count >= all.Count;
        var result = new JsonObject { ["issues"] = Issues(page, call.Api, body!), ["isLast"] = last };
        if (!last)
        {
            result["nextPageToken"] = Token(offset + page.Count);
        }

        return Reply.Json(200, result);
    }

    /// <summary>POST search: 410 on Cloud; startAt paging with a total on Data Center.</summary>
    private Reply SearchStartAt(JiraCall call)
    {
        if (IsCloud)
        {
            return Reply.Json(410, JiraJson.Errors(RemovedSearch));
        }

        if (ReadSearch(call, out JsonObject? body) is Reply bad)
        {
            return bad;
        }

        if (ParseJql(body!, out Jql? jql) is Reply invalid)
        {
            return invalid;
        }

        int startAt = Math.Max(0, IntOf(body!, "startAt") ?? 0);
        int maxResults = Math.Clamp(IntOf(body!, "maxResults") ?? 50, 0, DataCenterMaxResults);
        List<JiraIssue> all = jql!.Apply(_store.AllLocked.Where(i => !_store.IsForbiddenLocked(i))).ToList();
        List<JiraIssue> page = all.Skip(startAt).Take(maxResults).ToList();
        return Reply.Json(200, new JsonObject
        {
            ["expand"] = "schema,names",
            ["startAt"] = startAt,
            ["maxResults"] = maxResults,
            ["total"] = all.Count,
            ["issues"] = Issues(page, call.Api, body!),
        });
    }

    private Reply ApproximateCount(JiraCall call)
    {
        if (!IsCloud)
        {
            return Reply.Json(404, new JsonObject { ["message"] = "HTTP 404 Not Found", ["status-code"] = 404, ["sub-code"] = -1 });
        }

        if (ReadSearch(call, out JsonObject? body) is Reply bad)
        {
            return bad;
        }

        if (ParseJql(body!, out Jql? jql) is Reply invalid)
        {
            return invalid;
        }

        return jql!.Unbounded
            ? Reply.Json(400, JiraJson.Errors(Unbounded))
            : Reply.Json(200, new JsonObject { ["count"] = jql.Apply(_store.AllLocked.Where(i => !_store.IsForbiddenLocked(i))).Count() });
    }

    private static Reply? ReadSearch(JiraCall call, out JsonObject? body)
    {
        body = RequestBody.ParseJson(call.Context, out string? error) as JsonObject;
        return body is null ? Reply.Json(400, JiraJson.Errors(error ?? "The request body is not a JSON object.")) : null;
    }

    private Reply? ParseJql(JsonObject body, out Jql? jql)
    {
        string text = body["jql"] is JsonNode node && node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : string.Empty;
        var projects = new HashSet<string>(_store.AllLocked.Select(i => Jql.ProjectOf(i.Key)), StringComparer.OrdinalIgnoreCase);
        jql = Jql.Parse(text, projects, out string? error);
        return jql is null ? Reply.Json(400, JiraJson.Errors(error!)) : null;
    }

    private static JsonArray Issues(List<JiraIssue> page, string api, JsonObject body)
    {
        HashSet<string>? fields = body["fields"] is JsonArray requested
            ? new HashSet<string>(requested.Select(f => f?.GetValue<string>() ?? string.Empty), StringComparer.Ordinal)
            : null;
        return new JsonArray(page.Select(i => (JsonNode)SearchIssue(i, api, fields)).ToArray());
    }

    /// <summary>An issue as search returns it: the requested fields only (Cloud's default is none, just id and key).</summary>
    private static JsonObject SearchIssue(JiraIssue issue, string api, HashSet<string>? fields)
    {
        JsonObject rendered = JiraJson.Issue(issue, api, fields ?? new HashSet<string>());
        var extra = (JsonObject)rendered["fields"]!;
        if (fields is null || fields.Contains("updated"))
        {
            // Jira's format: milliseconds and an offset without a colon.
            extra["updated"] = issue.Updated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
        }

        if (fields is null || fields.Contains("assignee"))
        {
            extra["assignee"] = issue.Assignee is null ? null : new JsonObject
            {
                ["self"] = $"{api}/user?accountId=5b10a2844c20165700ede21g",
                ["accountId"] = "5b10a2844c20165700ede21g",
                ["displayName"] = issue.Assignee,
                ["active"] = true,
            };
        }

        if (extra.Count == 0)
        {
            rendered.Remove("fields");
        }

        return rendered;
    }

    private static int? IntOf(JsonObject body, string name) =>
        body[name] is JsonNode node && node.GetValueKind() == JsonValueKind.Number ? node.GetValue<int>() : null;

    private static string Token(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("emulated-page:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("emulated-page:", StringComparison.Ordinal)
                && int.TryParse(text["emulated-page:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>Which Jira the emulator plays where the two differ (search, serverInfo).</summary>
public enum JiraDeployment
{
    Cloud,
    DataCenter,
}
