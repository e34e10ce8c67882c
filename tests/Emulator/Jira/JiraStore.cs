using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PSRemoteLinks.Emulator;

/// <summary>The emulated Jira site's issues, remote links and issue links. All members are thread-safe.</summary>
public sealed class JiraStore
{
    /// <summary>Jira Cloud's per-issue cap for remote links, and separately for issue links.</summary>
    public const int PerIssueLinkLimit = 2000;

    private readonly Dictionary<string, JiraIssue> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JiraIssue> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forbidden = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, JiraIssue> _remoteLinkOwners = new();
    private readonly Dictionary<long, JiraIssueLink> _issueLinks = new();
    private long _nextIssueId = 10001;
    private long _nextRemoteLinkId = 10000;
    private long _nextIssueLinkId = 20000;

    /// <summary>Held by the endpoints for a whole request, so each request sees and leaves a consistent state.</summary>
    internal object Gate { get; } = new();

    /// <summary>Creates an issue (ids are assigned 10001, 10002, ...) and returns its id.</summary>
    public string AddIssue(string key, string summary, string status = "To Do")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(status);
        lock (Gate)
        {
            if (_byKey.ContainsKey(key))
            {
                throw new InvalidOperationException($"Issue {key} already exists.");
            }

            var issue = new JiraIssue((_nextIssueId++).ToString(CultureInfo.InvariantCulture), key, summary, status);
            _byKey.Add(key, issue);
            _byId.Add(issue.Id, issue);
            return issue.Id;
        }
    }

    /// <summary>
    /// Sets the ids the next remote link and the next issue link get (null: leave as is), so a test can make the two
    /// id sequences overlap as they do on a real site. Ids already in use are not checked.
    /// </summary>
    public void SetNextIds(long? remoteLinkId = null, long? issueLinkId = null)
    {
        lock (Gate)
        {
            _nextRemoteLinkId = remoteLinkId ?? _nextRemoteLinkId;
            _nextIssueLinkId = issueLinkId ?? _nextIssueLinkId;
        }
    }

    /// <summary>Every request on this issue answers 403 from now on (the key need not exist yet).</summary>
    public void Forbid(string key)
    {
        lock (Gate)
        {
            _forbidden.Add(key);
        }
    }

    /// <summary>The stored remote links of an issue (id plus the stored fields, no self), in creation order.</summary>
    public IReadOnlyList<JsonObject> RemoteLinks(string key)
    {
        lock (Gate)
        {
            return Require(key).RemoteLinks.Select(l => JiraJson.RemoteLink(l, string.Empty)).Select(o =>
            {
                o.Remove("self");
                return o;
            }).ToArray();
        }
    }

    /// <summary>
    /// Seeds a remote link from a RemoteIssueLinkRequest body (same validation and globalId upsert as POST,
    /// but no per-issue cap) and returns its id.
    /// </summary>
    public long AddRemoteLink(string key, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject? body = JiraRemoteLinkBody.Normalize(JsonNode.Parse(json), out JsonObject? error);
        if (body is null)
        {
            throw new ArgumentException("Invalid remote link: " + error?.ToJsonString(), nameof(json));
        }

        lock (Gate)
        {
            return UpsertRemoteLinkLocked(Require(key), body, enforceLimit: false).Id;
        }
    }

    /// <summary>Seeds an issue link: <paramref name="inwardKey"/> &lt;type outward&gt; <paramref name="outwardKey"/> (Blocks: inward blocks outward). Returns its id.</summary>
    public string AddIssueLink(string typeName, string inwardKey, string outwardKey)
    {
        lock (Gate)
        {
            JiraLinkType type = JiraLinkTypes.ByName(typeName) ?? JiraLinkTypes.ById(typeName)
                ?? throw new ArgumentException($"Unknown issue link type '{typeName}'.", nameof(typeName));
            (_, JiraIssueLink? link) = CreateIssueLinkLocked(type, Require(inwardKey), Require(outwardKey), enforceLimit: false);
            return link!.Id.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The issue links touching an issue, in creation order.</summary>
    public IReadOnlyList<JiraIssueLinkInfo> IssueLinks(string key)
    {
        lock (Gate)
        {
            return Require(key).IssueLinks
                .Select(l => new JiraIssueLinkInfo(l.Id.ToString(CultureInfo.InvariantCulture), l.Type.Name, l.Inward.Key, l.Outward.Key))
                .ToArray();
        }
    }

    /// <summary>Sets an issue's fields.updated and assignee as searches see them (null clears the assignee).</summary>
    public void SetSearchFields(string key, DateTimeOffset updated, string? assignee = null)
    {
        lock (Gate)
        {
            JiraIssue issue = Require(key);
            issue.Updated = updated;
            issue.Assignee = assignee;
        }
    }

    /// <summary>Every issue, in creation order (ids ascending).</summary>
    internal IEnumerable<JiraIssue> AllLocked => _byId.Values;

    internal JiraIssue? FindLocked(string idOrKey) =>
        _byKey.TryGetValue(idOrKey, out JiraIssue? issue) || _byId.TryGetValue(idOrKey, out issue) ? issue : null;

    internal bool IsForbiddenLocked(JiraIssue issue) => _forbidden.Contains(issue.Key);

    internal bool IsForbiddenLocked(string idOrKey) => _forbidden.Contains(idOrKey);

    /// <summary>Replaces the link carrying the same globalId on this issue, or creates one.</summary>
    internal (RemoteLinkUpsert Outcome, long Id) UpsertRemoteLinkLocked(JiraIssue issue, JsonObject body, bool enforceLimit)
    {
        string? globalId = JiraRemoteLink.GlobalIdOf(body);
        if (globalId is not null)
        {
            JiraRemoteLink? existing = FindRemoteLinkByGlobalIdLocked(issue, globalId);
            if (existing is not null)
            {
                existing.Body = body;
                return (RemoteLinkUpsert.Updated, existing.Id);
            }
        }

        if (enforceLimit && issue.RemoteLinks.Count >= PerIssueLinkLimit)
        {
            return (RemoteLinkUpsert.LimitReached, 0);
        }

        var link = new JiraRemoteLink(_nextRemoteLinkId++, body);
        issue.RemoteLinks.Add(link);
        _remoteLinkOwners.Add(link.Id, issue);
        return (RemoteLinkUpsert.Created, link.Id);
    }

    /// <summary>Null when the id is unknown; <paramref name="owner"/> tells whether it belongs to another issue.</summary>
    internal JiraRemoteLink? FindRemoteLinkLocked(JiraIssue issue, long id, out JiraIssue? owner)
    {
        _remoteLinkOwners.TryGetValue(id, out owner);
        return ReferenceEquals(owner, issue) ? issue.RemoteLinks.First(l => l.Id == id) : null;
    }

    /// <summary>The issue's remote link carrying <paramref name="globalId"/>, or null.</summary>
    internal static JiraRemoteLink? FindRemoteLinkByGlobalIdLocked(JiraIssue issue, string globalId) =>
        issue.RemoteLinks.FirstOrDefault(l => l.GlobalId == globalId);

    internal void RemoveRemoteLinkLocked(JiraIssue issue, JiraRemoteLink link)
    {
        issue.RemoteLinks.Remove(link);
        _remoteLinkOwners.Remove(link.Id);
    }

    internal (IssueLinkCreate Outcome, JiraIssueLink? Link) CreateIssueLinkLocked(JiraLinkType type, JiraIssue inward, JiraIssue outward, bool enforceLimit)
    {
        JiraIssueLink? same = inward.IssueLinks.FirstOrDefault(l =>
            l.Type == type && ReferenceEquals(l.Inward, inward) && ReferenceEquals(l.Outward, outward));
        if (same is not null)
        {
            // Jira answers "created" again but keeps a single link.
            return (IssueLinkCreate.AlreadyExists, same);
        }

        if (enforceLimit && (inward.IssueLinks.Count >= PerIssueLinkLimit || outward.IssueLinks.Count >= PerIssueLinkLimit))
        {
            return (IssueLinkCreate.LimitReached, null);
        }

        var link = new JiraIssueLink(_nextIssueLinkId++, type, inward, outward);
        _issueLinks.Add(link.Id, link);
        inward.IssueLinks.Add(link);
        outward.IssueLinks.Add(link);
        return (IssueLinkCreate.Created, link);
    }

    internal JiraIssueLink? FindIssueLinkLocked(long id) => _issueLinks.GetValueOrDefault(id);

    internal void RemoveIssueLinkLocked(JiraIssueLink link)
    {
        _issueLinks.Remove(link.Id);
        link.Inward.IssueLinks.Remove(link);
        link.Outward.IssueLinks.Remove(link);
    }

    private JiraIssue Require(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FindLocked(key) ?? throw new KeyNotFoundException($"No Jira issue {key}.");
    }
}

internal enum RemoteLinkUpsert
{
    Created,
    Updated,
    LimitReached,
}

internal enum IssueLinkCreate
{
    Created,
    AlreadyExists,
    LimitReached,
}
