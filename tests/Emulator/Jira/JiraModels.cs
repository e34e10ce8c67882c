using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PSRemoteLinks.Emulator;

internal sealed class JiraIssue
{
    public JiraIssue(string id, string key, string summary, string status)
    {
        Id = id;
        Key = key;
        Summary = summary;
        Status = status;
    }

    public string Id { get; }

    public string Key { get; }

    public string Summary { get; set; }

    public string Status { get; set; }

    /// <summary>fields.updated; searches filter and sort on it.</summary>
    public DateTimeOffset Updated { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The assignee's display name; null when unassigned.</summary>
    public string? Assignee { get; set; }

    public List<JiraRemoteLink> RemoteLinks { get; } = new();

    public List<JiraIssueLink> IssueLinks { get; } = new();
}

/// <summary>A remote link as stored: the normalized request body, without id and self.</summary>
internal sealed class JiraRemoteLink
{
    public JiraRemoteLink(long id, JsonObject body)
    {
        Id = id;
        Body = body;
    }

    public long Id { get; }

    public JsonObject Body { get; set; }

    public string? GlobalId => GlobalIdOf(Body);

    /// <summary>The globalId a stored (normalized) remote link body carries, or null.</summary>
    public static string? GlobalIdOf(JsonObject body) => body["globalId"]?.GetValue<string>();
}

/// <summary>One issue link, shared by both issues. "Inward issue A, outward issue B" reads "A &lt;outward&gt; B" (A blocks B).</summary>
internal sealed record JiraIssueLink(long Id, JiraLinkType Type, JiraIssue Inward, JiraIssue Outward);

internal sealed record JiraLinkType(string Id, string Name, string Inward, string Outward);

/// <summary>An issue link as a test sees it: "<paramref name="InwardKey"/> &lt;type outward&gt; <paramref name="OutwardKey"/>", e.g. DEMO-3 blocks DEMO-1.</summary>
public sealed record JiraIssueLinkInfo(string Id, string Type, string InwardKey, string OutwardKey);
