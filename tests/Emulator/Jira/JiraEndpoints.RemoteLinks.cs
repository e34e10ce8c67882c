using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>/issue/{key}/remotelink[/{id}]: list, get, upsert by globalId, replace, delete.</summary>
internal sealed partial class JiraEndpoints
{
    private static string RemoteLinkSelf(JiraCall call, JiraIssue issue, long id) =>
        $"{call.Api}/issue/{issue.Key}/remotelink/{id}";

    private Reply GetRemoteLinks(JiraCall call, string key)
    {
        if (ResolveIssue(key, out JiraIssue? issue) is Reply failure)
        {
            return failure;
        }

        if (call.Context.Request.Query.TryGetValue("globalId", out Microsoft.Extensions.Primitives.StringValues globalIds))
        {
            // Filtering by globalId answers the single link, not a one-element array.
            if (ResolveRemoteLinkByGlobalId(issue!, globalIds.ToString(), out JiraRemoteLink? match) is Reply missing)
            {
                return missing;
            }

            return Reply.Json(200, JiraJson.RemoteLink(match!, RemoteLinkSelf(call, issue!, match!.Id)));
        }

        var list = new JsonArray(issue!.RemoteLinks
            .Select(l => (JsonNode)JiraJson.RemoteLink(l, RemoteLinkSelf(call, issue, l.Id)))
            .ToArray());
        return Reply.Json(200, list);
    }

    private Reply GetRemoteLink(JiraCall call, string key, string linkId)
    {
        if (ResolveRemoteLink(key, linkId, out JiraIssue? issue, out JiraRemoteLink? link) is Reply failure)
        {
            return failure;
        }

        return Reply.Json(200, JiraJson.RemoteLink(link!, RemoteLinkSelf(call, issue!, link!.Id)));
    }

    private Reply PostRemoteLink(JiraCall call, string key)
    {
        if (ResolveIssue(key, out JiraIssue? issue) is Reply failure)
        {
            return failure;
        }

        if (ParseRemoteLinkBody(call, out JsonObject? body) is Reply invalid)
        {
            return invalid;
        }

        (RemoteLinkUpsert outcome, long id) = _store.UpsertRemoteLinkLocked(issue!, body!, enforceLimit: true);
        if (outcome == RemoteLinkUpsert.LimitReached)
        {
            return Reply.Json(413, JiraJson.Errors("The per-issue limit for remote links has been breached."));
        }

        return Reply.Json(
            outcome == RemoteLinkUpsert.Created ? 201 : 200,
            new JsonObject { ["id"] = id, ["self"] = RemoteLinkSelf(call, issue!, id) });
    }

    private Reply PutRemoteLink(JiraCall call, string key, string linkId)
    {
        if (ResolveRemoteLink(key, linkId, out _, out JiraRemoteLink? link) is Reply failure)
        {
            return failure;
        }

        if (ParseRemoteLinkBody(call, out JsonObject? body) is Reply invalid)
        {
            return invalid;
        }

        link!.Body = body!;
        return Reply.Empty(204);
    }

    private Reply DeleteRemoteLink(string key, string linkId)
    {
        if (ResolveRemoteLink(key, linkId, out JiraIssue? issue, out JiraRemoteLink? link) is Reply failure)
        {
            return failure;
        }

        _store.RemoveRemoteLinkLocked(issue!, link!);
        return Reply.Empty(204);
    }

    private Reply DeleteRemoteLinkByGlobalId(JiraCall call, string key)
    {
        if (ResolveIssue(key, out JiraIssue? issue) is Reply failure)
        {
            return failure;
        }

        string globalId = call.Context.Request.Query["globalId"].ToString();
        if (globalId.Length == 0)
        {
            return Reply.Json(400, JiraJson.Errors("A globalId must be provided."));
        }

        if (ResolveRemoteLinkByGlobalId(issue!, globalId, out JiraRemoteLink? match) is Reply missing)
        {
            return missing;
        }

        _store.RemoveRemoteLinkLocked(issue!, match!);
        return Reply.Empty(204);
    }

    /// <summary>
    /// A non-numeric id, or a link that belongs to another issue, is a 400 (as the API documents);
    /// an id that names no link at all is a 404.
    /// </summary>
    private Reply? ResolveRemoteLink(string key, string linkId, out JiraIssue? issue, out JiraRemoteLink? link)
    {
        link = null;
        if (ResolveIssue(key, out issue) is Reply failure)
        {
            return failure;
        }

        if (!long.TryParse(linkId, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            return Reply.Json(400, JiraJson.Errors($"Invalid remote issue link id '{linkId}': it must be a number."));
        }

        link = _store.FindRemoteLinkLocked(issue!, id, out JiraIssue? owner);
        if (link is not null)
        {
            return null;
        }

        return owner is null
            ? Reply.Json(404, JiraJson.Errors($"No remote issue link with id {id} exists."))
            : Reply.Json(400, JiraJson.Errors($"The remote issue link with id {id} does not belong to issue {issue!.Key}."));
    }

    /// <summary>The 404 answer when no link on <paramref name="issue"/> carries <paramref name="globalId"/>, or null when <paramref name="link"/> is set.</summary>
    private static Reply? ResolveRemoteLinkByGlobalId(JiraIssue issue, string globalId, out JiraRemoteLink? link)
    {
        link = JiraStore.FindRemoteLinkByGlobalIdLocked(issue, globalId);
        return link is null
            ? Reply.Json(404, JiraJson.Errors($"No remote issue link with global ID '{globalId}' exists on issue {issue.Key}."))
            : null;
    }

    private static Reply? ParseRemoteLinkBody(JiraCall call, out JsonObject? body)
    {
        body = null;
        JsonNode? json = RequestBody.ParseJson(call.Context, out string? parseError);
        if (json is null)
        {
            return Reply.Json(400, JiraJson.Errors(parseError ?? "The request body is empty."));
        }

        body = JiraRemoteLinkBody.Normalize(json, out JsonObject? error);
        return body is null ? Reply.Json(400, error!) : null;
    }
}
