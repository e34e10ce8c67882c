using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PSRemoteLinks.Emulator;

/// <summary>Renders Jira REST v2 response bodies. <c>api</c> is the absolute base the client used, e.g. http://127.0.0.1:5000/jira/rest/api/2.</summary>
internal static class JiraJson
{
    public static JsonObject Errors(params string[] messages) => Errors(messages, new JsonObject());

    public static JsonObject Errors(IEnumerable<string> messages, JsonObject fieldErrors)
    {
        var list = new JsonArray();
        foreach (string message in messages)
        {
            list.Add(message);
        }

        return new JsonObject { ["errorMessages"] = list, ["errors"] = fieldErrors };
    }

    /// <param name="issue">The issue to render.</param>
    /// <param name="api">Absolute API base for self links.</param>
    /// <param name="fields">Field names to include; null includes all.</param>
    public static JsonObject Issue(JiraIssue issue, string api, IReadOnlySet<string>? fields)
    {
        var all = new (string Name, Func<JsonNode> Render)[]
        {
            ("summary", () => issue.Summary),
            ("status", () => Status(issue.Status)),
            ("issuetype", IssueType),
            ("priority", Priority),
            ("issuelinks", () => new JsonArray(issue.IssueLinks.Select(l => (JsonNode)IssueLinkEntry(l, issue, api)).ToArray())),
        };

        var rendered = new JsonObject();
        foreach ((string name, Func<JsonNode> render) in all)
        {
            if (fields is null || fields.Contains(name))
            {
                rendered[name] = render();
            }
        }

        return new JsonObject
        {
            ["expand"] = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            ["id"] = issue.Id,
            ["self"] = $"{api}/issue/{issue.Id}",
            ["key"] = issue.Key,
            ["fields"] = rendered,
        };
    }

    /// <summary>One <c>fields.issuelinks</c> entry as seen from <paramref name="viewer"/>: it names only the other issue.</summary>
    public static JsonObject IssueLinkEntry(JiraIssueLink link, JiraIssue viewer, string api)
    {
        var entry = new JsonObject
        {
            ["id"] = link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["self"] = $"{api}/issueLink/{link.Id}",
            ["type"] = LinkType(link.Type, api),
        };
        if (ReferenceEquals(link.Inward, viewer))
        {
            entry["outwardIssue"] = LinkedIssue(link.Outward, api);
        }
        else
        {
            entry["inwardIssue"] = LinkedIssue(link.Inward, api);
        }

        return entry;
    }

    public static JsonObject IssueLink(JiraIssueLink link, string api) => new()
    {
        ["id"] = link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["self"] = $"{api}/issueLink/{link.Id}",
        ["type"] = LinkType(link.Type, api),
        ["inwardIssue"] = LinkedIssue(link.Inward, api),
        ["outwardIssue"] = LinkedIssue(link.Outward, api),
    };

    public static JsonObject LinkType(JiraLinkType type, string api) => new()
    {
        ["id"] = type.Id,
        ["name"] = type.Name,
        ["inward"] = type.Inward,
        ["outward"] = type.Outward,
        ["self"] = $"{api}/issueLinkType/{type.Id}",
    };

    public static JsonObject RemoteLink(JiraRemoteLink link, string self)
    {
        var result = new JsonObject { ["id"] = link.Id, ["self"] = self };
        foreach (KeyValuePair<string, JsonNode?> property in link.Body)
        {
            result[property.Key] = property.Value?.DeepClone();
        }

        return result;
    }

    public static JsonObject LinkedIssue(JiraIssue issue, string api) => new()
    {
        ["id"] = issue.Id,
        ["key"] = issue.Key,
        ["self"] = $"{api}/issue/{issue.Id}",
        ["fields"] = new JsonObject
        {
            ["summary"] = issue.Summary,
            ["status"] = Status(issue.Status),
            ["priority"] = Priority(),
            ["issuetype"] = IssueType(),
        },
    };

    public static JsonObject Status(string name)
    {
        (string key, string categoryName) = name.ToUpperInvariant() switch
        {
            "DONE" or "CLOSED" or "RESOLVED" => ("done", "Done"),
            "IN PROGRESS" or "IN REVIEW" => ("indeterminate", "In Progress"),
            _ => ("new", "To Do"),
        };
        return new JsonObject
        {
            ["name"] = name,
            ["statusCategory"] = new JsonObject { ["key"] = key, ["name"] = categoryName },
        };
    }

    private static JsonObject IssueType() => new JsonObject { ["name"] = "Task", ["subtask"] = false };

    private static JsonObject Priority() => new JsonObject { ["name"] = "Medium" };
}
