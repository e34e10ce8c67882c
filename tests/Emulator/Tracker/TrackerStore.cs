using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSRemoteLinks.Emulator;

/// <summary>The emulated Yandex Tracker organization's issues, links, external links and applications. Thread-safe.</summary>
public sealed class TrackerStore
{
    private readonly Dictionary<string, TrackerIssue> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TrackerIssue> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<TrackerApplicationInfo> _applications = new()
    {
        new TrackerApplicationInfo("ru.yandex.bitbucket", "Bitbucket"),
        new TrackerApplicationInfo("ru.yandex.lunapark", "Lunapark"),
    };

    private long _nextIssueNumber = 1;
    private long _nextLinkId = 4709605;
    private long _nextRemoteLinkId = 51299313;
    private long _nextObjectId = 13570010;
    private volatile bool _serveLinkIdsAsStrings;

    internal object Gate { get; } = new();

    /// <summary>When true, GET .../links answers <c>"id": "4709606"</c> (a string) instead of a number; real responses do both.</summary>
    public bool ServeLinkIdsAsStrings
    {
        get => _serveLinkIdsAsStrings;
        set => _serveLinkIdsAsStrings = value;
    }

    /// <summary>Creates an issue and returns its id (24 hex characters).</summary>
    public string AddIssue(string key, string summary, string statusKey = "open")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(statusKey);
        lock (Gate)
        {
            if (_byKey.ContainsKey(key))
            {
                throw new InvalidOperationException($"Issue {key} already exists.");
            }

            string id = "593cd211ef7e8a33" + (_nextIssueNumber++).ToString("x8", CultureInfo.InvariantCulture);
            var issue = new TrackerIssue(id, key, summary, statusKey);
            _byKey.Add(key, issue);
            _byId.Add(id, issue);
            return id;
        }
    }

    /// <summary>Sets the ids the next issue link and the next external link get (null: leave as is), so a test can make them overlap.</summary>
    public void SetNextIds(long? linkId = null, long? remoteLinkId = null)
    {
        lock (Gate)
        {
            _nextLinkId = linkId ?? _nextLinkId;
            _nextRemoteLinkId = remoteLinkId ?? _nextRemoteLinkId;
        }
    }

    /// <summary>Sets (or with null clears) the issue's assignee, shown as "assignee" on links that point to it.</summary>
    public void SetAssignee(string key, string? login, string? display = null)
    {
        lock (Gate)
        {
            TrackerIssue issue = Require(key);
            issue.AssigneeLogin = login;
            issue.AssigneeDisplay = login is null ? null : display ?? login;
        }
    }

    /// <summary>Registers (or renames) an application that external links may use as "origin".</summary>
    public void AddApplication(string id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(name);
        lock (Gate)
        {
            _applications.RemoveAll(a => a.Id == id);
            _applications.Add(new TrackerApplicationInfo(id, name));
        }
    }

    /// <summary>Seeds a link as if POSTed to <paramref name="key"/> with this relationship; returns its id.</summary>
    public long AddLink(string key, string relationship, string otherKey)
    {
        lock (Gate)
        {
            TrackerRelationship rel = RequireRelationship(relationship);
            return CreateLinkLocked(Require(key), Require(otherKey), rel).Id;
        }
    }

    /// <summary>Seeds an external link; returns its id.</summary>
    public long AddRemoteLink(string key, string origin, string objectKey, string relationship = "relates")
    {
        lock (Gate)
        {
            TrackerRelationship rel = RequireRelationship(relationship);
            if (FindApplicationLocked(origin) is null)
            {
                throw new ArgumentException($"Unknown application '{origin}'.", nameof(origin));
            }

            return CreateRemoteLinkLocked(Require(key), rel, objectKey, origin, backlink: null).Id;
        }
    }

    /// <summary>The issue's links as seen from it, in creation order.</summary>
    public IReadOnlyList<TrackerLinkInfo> Links(string key)
    {
        lock (Gate)
        {
            TrackerIssue issue = Require(key);
            return issue.Links.Select(l =>
            {
                string direction = l.DirectionFor(issue);
                return new TrackerLinkInfo(l.Id, TrackerLinkTypes.RelationshipFor(l.TypeId, direction), l.OtherThan(issue).Key, l.TypeId, direction);
            }).ToArray();
        }
    }

    public IReadOnlyList<TrackerRemoteLinkInfo> RemoteLinks(string key)
    {
        lock (Gate)
        {
            return Require(key).RemoteLinks
                .Select(l => new TrackerRemoteLinkInfo(l.Id, l.Relationship, l.Origin, l.Key, l.TypeId, l.Direction, l.Backlink))
                .ToArray();
        }
    }

    /// <summary>Open scrolls of issues/_search, released by system/search/scroll/_clear or by <see cref="TrackerScrolls.ExpireAll"/>.</summary>
    public TrackerScrolls Scrolls { get; } = new();

    /// <summary>Every issue, in creation order.</summary>
    internal IEnumerable<TrackerIssue> AllLocked => _byKey.Values;

    internal TrackerIssue? FindLocked(string idOrKey) =>
        _byKey.TryGetValue(idOrKey, out TrackerIssue? issue) || _byId.TryGetValue(idOrKey, out issue) ? issue : null;

    internal TrackerApplicationInfo? FindApplicationLocked(string id) => _applications.FirstOrDefault(a => a.Id == id);

    internal IReadOnlyList<TrackerApplicationInfo> ApplicationsLocked => _applications;

    internal TrackerLink CreateLinkLocked(TrackerIssue creator, TrackerIssue other, TrackerRelationship relationship)
    {
        var link = new TrackerLink(_nextLinkId++, relationship.TypeId, creator, other, relationship.CreatorDirection, DateTimeOffset.UtcNow);
        creator.Links.Add(link);
        other.Links.Add(link);
        return link;
    }

    internal static void RemoveLinkLocked(TrackerLink link)
    {
        link.Creator.Links.Remove(link);
        link.Other.Links.Remove(link);
    }

    internal TrackerRemoteLink CreateRemoteLinkLocked(TrackerIssue issue, TrackerRelationship relationship, string objectKey, string origin, bool? backlink)
    {
        var link = new TrackerRemoteLink(
            _nextRemoteLinkId++,
            relationship.Name,
            relationship.TypeId,
            relationship.CreatorDirection,
            (_nextObjectId++).ToString(CultureInfo.InvariantCulture),
            objectKey,
            origin,
            backlink,
            DateTimeOffset.UtcNow);
        issue.RemoteLinks.Add(link);
        return link;
    }

    internal static void RemoveRemoteLinkLocked(TrackerIssue issue, TrackerRemoteLink link) => issue.RemoteLinks.Remove(link);

    private TrackerIssue Require(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FindLocked(key) ?? throw new KeyNotFoundException($"No Tracker issue {key}.");
    }

    private static TrackerRelationship RequireRelationship(string relationship) =>
        TrackerLinkTypes.FindRelationship(relationship, StringComparison.OrdinalIgnoreCase)
            ?? throw new ArgumentException($"Unknown relationship '{relationship}'.", nameof(relationship));
}
