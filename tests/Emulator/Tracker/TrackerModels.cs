using System;
using System.Collections.Generic;

namespace PSRemoteLinks.Emulator;

internal sealed class TrackerIssue
{
    public TrackerIssue(string id, string key, string summary, string statusKey)
    {
        Id = id;
        Key = key;
        Summary = summary;
        StatusKey = statusKey;
    }

    public string Id { get; }

    public string Key { get; }

    public string Summary { get; set; }

    public string StatusKey { get; set; }

    public string? AssigneeLogin { get; set; }

    public string? AssigneeDisplay { get; set; }

    /// <summary>updatedAt; searches sort on it.</summary>
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public List<TrackerLink> Links { get; } = new();

    public List<TrackerRemoteLink> RemoteLinks { get; } = new();
}

/// <summary>One stored link, seen from both issues: the creator's direction as created, the other issue's reversed.</summary>
internal sealed record TrackerLink(long Id, string TypeId, TrackerIssue Creator, TrackerIssue Other, string CreatorDirection, DateTimeOffset CreatedAt)
{
    public string DirectionFor(TrackerIssue viewer) =>
        ReferenceEquals(viewer, Creator) ? CreatorDirection : TrackerLinkTypes.Opposite(CreatorDirection);

    public TrackerIssue OtherThan(TrackerIssue viewer) => ReferenceEquals(viewer, Creator) ? Other : Creator;
}

internal sealed record TrackerRemoteLink(
    long Id,
    string Relationship,
    string TypeId,
    string Direction,
    string ObjectId,
    string Key,
    string Origin,
    bool? Backlink,
    DateTimeOffset CreatedAt);

/// <summary>A Tracker issue link as seen from one issue: "that issue <paramref name="Relationship"/> <paramref name="OtherKey"/>".</summary>
public sealed record TrackerLinkInfo(long Id, string Relationship, string OtherKey, string TypeId, string Direction);

/// <summary>A Tracker external link; <paramref name="Backlink"/> is the ?backlink= value it was created with (null when absent).</summary>
public sealed record TrackerRemoteLinkInfo(long Id, string Relationship, string Origin, string Key, string TypeId, string Direction, bool? Backlink);

/// <summary>A registered external application (a valid "origin" for external links).</summary>
public sealed record TrackerApplicationInfo(string Id, string Name);
