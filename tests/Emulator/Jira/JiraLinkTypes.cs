using System;
using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Emulator;

/// <summary>The issue link types of a fresh Jira Cloud site.</summary>
internal static class JiraLinkTypes
{
    public static readonly IReadOnlyList<JiraLinkType> All = new[]
    {
        new JiraLinkType("10000", "Blocks", "is blocked by", "blocks"),
        new JiraLinkType("10001", "Cloners", "is cloned by", "clones"),
        new JiraLinkType("10002", "Duplicate", "is duplicated by", "duplicates"),
        new JiraLinkType("10003", "Relates", "relates to", "relates to"),
    };

    public static JiraLinkType? ById(string id) => All.FirstOrDefault(t => t.Id == id);

    public static JiraLinkType? ByName(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
