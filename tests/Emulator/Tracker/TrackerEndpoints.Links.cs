using System;
using System.Linq;
using System.Text.Json.Nodes;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>/issues/{key}/links[/{id}]: one stored link per pair, seen from both issues with opposite directions.</summary>
internal sealed partial class TrackerEndpoints
{
    private static readonly string[] LinkFields = { "relationship", "issue" };

    private Reply GetLinks(TrackerCall call, string key)
    {
        if (ResolveIssue(key, out TrackerIssue? issue) is Reply failure)
        {
            return failure;
        }

        bool idAsString = _store.ServeLinkIdsAsStrings;
        var links = issue!.Links
            .Select(l => (JsonNode)TrackerJson.Link(call.Api, l, issue, call.English, withLinkedIssueState: true, idAsString))
            .ToArray();
        return Reply.Json(200, new JsonArray(links));
    }

    private Reply GetLink(TrackerCall call, string key, string linkId)
    {
        if (ResolveLink(key, linkId, out TrackerIssue? issue, out TrackerLink? link) is Reply failure)
        {
            return failure;
        }

        return Reply.Json(200, TrackerJson.Link(call.Api, link!, issue!, call.English, withLinkedIssueState: true, _store.ServeLinkIdsAsStrings));
    }

    private Reply PostLink(TrackerCall call, string key)
    {
        if (ResolveIssue(key, out TrackerIssue? issue) is Reply failure)
        {
            return failure;
        }

        if (ReadRequiredStrings(call, LinkFields, out string[] values) is Reply invalid)
        {
            return invalid;
        }

        // Only the documented lower-case phrases are accepted here.
        TrackerRelationship? relationship = TrackerLinkTypes.FindRelationship(values[0], StringComparison.Ordinal);
        if (relationship is null)
        {
            return Reply.Json(422, TrackerJson.Error(422, string.Empty, new JsonObject { ["relationship"] = "Unknown relationship" }));
        }

        if (ResolveIssue(values[1], out TrackerIssue? other) is Reply otherMissing)
        {
            return otherMissing;
        }

        if (ReferenceEquals(other, issue))
        {
            return Reply.Json(400, TrackerJson.Error(400, "An issue cannot be linked to itself"));
        }

        if (issue!.Links.Any(l => ReferenceEquals(l.OtherThan(issue), other)))
        {
            return Reply.Json(409, TrackerJson.Error(409, $"Issues {issue.Key} and {other!.Key} are already linked"));
        }

        TrackerLink link = _store.CreateLinkLocked(issue, other!, relationship);
        return Reply.Json(201, TrackerJson.Link(call.Api, link, issue, call.English, withLinkedIssueState: false, idAsString: false));
    }

    private Reply DeleteLink(string key, string linkId)
    {
        if (ResolveLink(key, linkId, out _, out TrackerLink? link) is Reply failure)
        {
            return failure;
        }

        TrackerStore.RemoveLinkLocked(link!);
        return Reply.Empty(204);
    }

    private Reply? ResolveLink(string key, string linkId, out TrackerIssue? issue, out TrackerLink? link) =>
        ResolveOnIssue(key, linkId, i => i.Links, l => l.Id, "link", out issue, out link);
}
