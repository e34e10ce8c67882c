using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>/issueLinkType and /issueLink: link types, create (201, empty body), get and delete issue links.</summary>
internal sealed partial class JiraEndpoints
{
    private static Reply GetLinkTypes(JiraCall call)
    {
        var types = new JsonArray(JiraLinkTypes.All.Select(t => (JsonNode)JiraJson.LinkType(t, call.Api)).ToArray());
        return Reply.Json(200, new JsonObject { ["issueLinkTypes"] = types });
    }

    private static Reply GetLinkType(JiraCall call, string typeId)
    {
        JiraLinkType? type = JiraLinkTypes.ById(typeId);
        return type is null
            ? Reply.Json(404, JiraJson.Errors($"No issue link type with id '{typeId}' found."))
            : Reply.Json(200, JiraJson.LinkType(type, call.Api));
    }

    private Reply PostIssueLink(JiraCall call)
    {
        JsonNode? json = RequestBody.ParseJson(call.Context, out string? parseError);
        if (json is not JsonObject body)
        {
            return Reply.Json(400, JiraJson.Errors(parseError ?? "Can not deserialize the request body: expected a JSON object."));
        }

        var fieldErrors = new JsonObject();
        JsonObject? typeRef = body["type"] as JsonObject;
        JsonObject? inwardRef = body["inwardIssue"] as JsonObject;
        JsonObject? outwardRef = body["outwardIssue"] as JsonObject;
        if (typeRef is null)
        {
            fieldErrors["issuelinks"] = "The issue link type must be specified.";
        }

        if (inwardRef is null || outwardRef is null)
        {
            fieldErrors["issues"] = "Both inwardIssue and outwardIssue must be specified.";
        }

        if (fieldErrors.Count > 0)
        {
            return Reply.Json(400, JiraJson.Errors(System.Array.Empty<string>(), fieldErrors));
        }

        string? typeName = Text(typeRef!["name"]);
        string? typeId = Text(typeRef["id"]);
        JiraLinkType? type = typeId is not null ? JiraLinkTypes.ById(typeId) : typeName is not null ? JiraLinkTypes.ByName(typeName) : null;
        if (type is null)
        {
            return Reply.Json(404, JiraJson.Errors(typeId is not null
                ? $"No issue link type with id '{typeId}' found."
                : $"No issue link type with name '{typeName}' found."));
        }

        if (ResolveIssueRef(inwardRef!, out JiraIssue? inward) is Reply inwardFailure)
        {
            return inwardFailure;
        }

        if (ResolveIssueRef(outwardRef!, out JiraIssue? outward) is Reply outwardFailure)
        {
            return outwardFailure;
        }

        if (ReferenceEquals(inward, outward))
        {
            return Reply.Json(400, JiraJson.Errors("You cannot link an issue to itself."));
        }

        (IssueLinkCreate outcome, _) = _store.CreateIssueLinkLocked(type, inward!, outward!, enforceLimit: true);
        return outcome == IssueLinkCreate.LimitReached
            ? Reply.Json(413, JiraJson.Errors("The per-issue limit for issue links has been breached."))
            : Reply.Empty(201);
    }

    private Reply GetIssueLink(JiraCall call, string linkId)
    {
        if (ResolveIssueLink(linkId, out JiraIssueLink? link) is Reply failure)
        {
            return failure;
        }

        return Reply.Json(200, JiraJson.IssueLink(link!, call.Api));
    }

    private Reply DeleteIssueLink(string linkId)
    {
        if (ResolveIssueLink(linkId, out JiraIssueLink? link) is Reply failure)
        {
            return failure;
        }

        _store.RemoveIssueLinkLocked(link!);
        return Reply.Empty(204);
    }

    private Reply? ResolveIssueLink(string linkId, out JiraIssueLink? link)
    {
        link = null;
        if (!long.TryParse(linkId, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            return Reply.Json(400, JiraJson.Errors($"Invalid issue link id '{linkId}'."));
        }

        link = _store.FindIssueLinkLocked(id);
        return link is null ? Reply.Json(404, JiraJson.Errors($"No issue link with id '{linkId}' exists.")) : null;
    }

    /// <summary>{"key": "..."} or {"id": "..."}.</summary>
    private Reply? ResolveIssueRef(JsonObject reference, out JiraIssue? issue)
    {
        string? idOrKey = Text(reference["key"]) ?? Text(reference["id"]);
        if (idOrKey is null)
        {
            issue = null;
            return Reply.Json(400, JiraJson.Errors("An issue must be given by 'key' or 'id'."));
        }

        return ResolveIssue(idOrKey, out issue);
    }

    /// <summary>Strings as they are, numbers as their text (clients send ids either way).</summary>
    private static string? Text(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => node.ToJsonString(),
        _ => null,
    };
}
