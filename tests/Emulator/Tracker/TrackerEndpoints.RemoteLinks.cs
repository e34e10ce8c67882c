using System;
using System.Linq;
using System.Text.Json.Nodes;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>/issues/{key}/remotelinks[/{id}]: external links to objects in registered applications.</summary>
internal sealed partial class TrackerEndpoints
{
    private static readonly string[] RemoteLinkFields = { "relationship", "key", "origin" };

    private Reply GetRemoteLinks(TrackerCall call, string key)
    {
        if (ResolveIssue(key, out TrackerIssue? issue) is Reply failure)
        {
            return failure;
        }

        var links = issue!.RemoteLinks.Select(l => (JsonNode)RenderRemoteLink(call, issue, l)).ToArray();
        return Reply.Json(200, new JsonArray(links));
    }

    private Reply GetRemoteLink(TrackerCall call, string key, string linkId)
    {
        if (ResolveRemoteLink(key, linkId, out TrackerIssue? issue, out TrackerRemoteLink? link) is Reply failure)
        {
            return failure;
        }

        return Reply.Json(200, RenderRemoteLink(call, issue!, link!));
    }

    private Reply PostRemoteLink(TrackerCall call, string key)
    {
        if (ResolveIssue(key, out TrackerIssue? issue) is Reply failure)
        {
            return failure;
        }

        if (ReadRequiredStrings(call, RemoteLinkFields, out string[] values) is Reply invalid)
        {
            return invalid;
        }

        // The docs recommend "RELATES"; clients also send "relates".
        TrackerRelationship? relationship = TrackerLinkTypes.FindRelationship(values[0], StringComparison.OrdinalIgnoreCase);
        if (relationship is null)
        {
            return Reply.Json(422, TrackerJson.Error(422, string.Empty, new JsonObject { ["relationship"] = "Unknown relationship" }));
        }

        string objectKey = values[1];
        string origin = values[2];
        if (_store.FindApplicationLocked(origin) is null)
        {
            return Reply.Json(404, TrackerJson.Error(404, "Application not found"));
        }

        if (issue!.RemoteLinks.Any(l => l.Origin == origin && l.Key == objectKey))
        {
            return Reply.Json(409, TrackerJson.Error(409, $"Issue {issue.Key} is already linked to {origin} object {objectKey}"));
        }

        bool? backlink = call.Context.Request.Query["backlink"].ToString().ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            _ => null,
        };
        TrackerRemoteLink link = _store.CreateRemoteLinkLocked(issue, relationship, objectKey, origin, backlink);
        return Reply.Json(201, RenderRemoteLink(call, issue, link));
    }

    private Reply DeleteRemoteLink(string key, string linkId)
    {
        if (ResolveRemoteLink(key, linkId, out TrackerIssue? issue, out TrackerRemoteLink? link) is Reply failure)
        {
            return failure;
        }

        TrackerStore.RemoveRemoteLinkLocked(issue!, link!);
        return Reply.Empty(204);
    }

    private Reply? ResolveRemoteLink(string key, string linkId, out TrackerIssue? issue, out TrackerRemoteLink? link) =>
        ResolveOnIssue(key, linkId, i => i.RemoteLinks, l => l.Id, "remote link", out issue, out link);

    private JsonObject RenderRemoteLink(TrackerCall call, TrackerIssue issue, TrackerRemoteLink link) =>
        TrackerJson.RemoteLink(call.Api, issue, link, _store.FindApplicationLocked(link.Origin), call.English);
}
