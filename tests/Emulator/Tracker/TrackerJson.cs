using System;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PSRemoteLinks.Emulator;

/// <summary>Renders Tracker v2/v3 bodies. <c>api</c> is the absolute base the client used, e.g. http://127.0.0.1:5000/tracker/v2.</summary>
internal static class TrackerJson
{
    public const long AdminUid = 1120000000016876;
    public const string AdminDisplay = "Emulated Admin";

    public static JsonObject Error(int status, string message, JsonObject? fieldErrors = null)
    {
        var messages = new JsonArray();
        if (message.Length > 0)
        {
            messages.Add(message);
        }

        return new JsonObject
        {
            ["errors"] = fieldErrors ?? new JsonObject(),
            ["errorMessages"] = messages,
            ["statusCode"] = status,
        };
    }

    /// <summary>Tracker's timestamp format: UTC, milliseconds, offset without a colon.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    public static JsonObject Admin(string api) => new()
    {
        ["self"] = $"{api}/users/{AdminUid}",
        ["id"] = AdminUid.ToString(CultureInfo.InvariantCulture),
        ["display"] = AdminDisplay,
    };

    public static JsonObject Status(string api, string key, bool english)
    {
        TrackerStatus status = TrackerLinkTypes.Status(key);
        return new JsonObject
        {
            ["self"] = $"{api}/statuses/{status.Id}",
            ["id"] = status.Id,
            ["key"] = status.Key,
            ["display"] = english ? status.DisplayEn : status.DisplayRu,
        };
    }

    public static JsonObject LinkType(string api, string typeId, bool english)
    {
        TrackerLinkType type = TrackerLinkTypes.Type(typeId);
        return new JsonObject
        {
            ["self"] = $"{api}/linktypes/{type.Id}",
            ["id"] = type.Id,
            ["inward"] = type.Inward(english),
            ["outward"] = type.Outward(english),
        };
    }

    public static JsonObject Issue(string api, TrackerIssue issue, bool english)
    {
        var result = new JsonObject
        {
            ["self"] = $"{api}/issues/{issue.Key}",
            ["id"] = issue.Id,
            ["key"] = issue.Key,
            ["version"] = 1,
            ["summary"] = issue.Summary,
            ["status"] = Status(api, issue.StatusKey, english),
        };
        if (Assignee(api, issue) is JsonObject assignee)
        {
            result["assignee"] = assignee;
        }

        return result;
    }

    /// <param name="api">Absolute API base for self links.</param>
    /// <param name="link">The stored link.</param>
    /// <param name="viewer">The issue in the request URL; the link is rendered from its side.</param>
    /// <param name="english">English labels instead of Russian ones.</param>
    /// <param name="withLinkedIssueState">GET answers carry the linked issue's assignee and status; the POST answer does not.</param>
    /// <param name="idAsString">Render the id as a JSON string, as some real responses do.</param>
    public static JsonObject Link(string api, TrackerLink link, TrackerIssue viewer, bool english, bool withLinkedIssueState, bool idAsString)
    {
        TrackerIssue other = link.OtherThan(viewer);
        string createdAt = Timestamp(link.CreatedAt);
        var result = new JsonObject
        {
            ["self"] = $"{api}/issues/{viewer.Key}/links/{link.Id}",
            ["id"] = idAsString ? JsonValue.Create(link.Id.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(link.Id),
            ["type"] = LinkType(api, link.TypeId, english),
            ["direction"] = link.DirectionFor(viewer),
            ["object"] = new JsonObject
            {
                ["self"] = $"{api}/issues/{other.Key}",
                ["id"] = other.Id,
                ["key"] = other.Key,
                ["display"] = other.Summary,
            },
            ["createdBy"] = Admin(api),
            ["updatedBy"] = Admin(api),
            ["createdAt"] = createdAt,
            ["updatedAt"] = createdAt,
        };
        if (withLinkedIssueState)
        {
            if (Assignee(api, other) is JsonObject assignee)
            {
                result["assignee"] = assignee;
            }

            result["status"] = Status(api, other.StatusKey, english);
        }

        return result;
    }

    public static JsonObject RemoteLink(string api, TrackerIssue issue, TrackerRemoteLink link, TrackerApplicationInfo? application, bool english)
    {
        string createdAt = Timestamp(link.CreatedAt);
        return new JsonObject
        {
            ["self"] = $"{api}/issues/{issue.Key}/remotelinks/{link.Id}",
            ["id"] = link.Id,
            ["type"] = LinkType(api, link.TypeId, english),
            ["direction"] = link.Direction,
            ["object"] = new JsonObject
            {
                ["self"] = $"{api}/applications/{link.Origin}/objects/{link.ObjectId}",
                ["id"] = link.ObjectId,
                ["key"] = link.Key,
                ["application"] = Application(api, application ?? new TrackerApplicationInfo(link.Origin, link.Origin)),
            },
            ["createdBy"] = Admin(api),
            ["updatedBy"] = Admin(api),
            ["createdAt"] = createdAt,
            ["updatedAt"] = createdAt,
        };
    }

    /// <summary>The docs say an application's type equals its id.</summary>
    public static JsonObject Application(string api, TrackerApplicationInfo application) => new()
    {
        ["self"] = $"{api}/applications/{application.Id}",
        ["id"] = application.Id,
        ["type"] = application.Id,
        ["name"] = application.Name,
    };

    private static JsonObject? Assignee(string api, TrackerIssue issue) =>
        issue.AssigneeLogin is null
            ? null
            : new JsonObject
            {
                ["self"] = $"{api}/users/{issue.AssigneeLogin}",
                ["id"] = issue.AssigneeLogin,
                ["display"] = issue.AssigneeDisplay,
            };
}
