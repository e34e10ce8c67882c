using System;
using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Emulator;

internal sealed record TrackerLinkType(string Id, string InwardEn, string OutwardEn, string InwardRu, string OutwardRu)
{
    public string Inward(bool english) => english ? InwardEn : InwardRu;

    public string Outward(bool english) => english ? OutwardEn : OutwardRu;
}

/// <summary>A documented "relationship" value: which link type it makes and the creating issue's direction.</summary>
internal sealed record TrackerRelationship(string Name, string TypeId, string CreatorDirection);

internal sealed record TrackerStatus(string Id, string Key, string DisplayEn, string DisplayRu);

/// <summary>Link types, relationship phrases and statuses, with English and Russian labels.</summary>
internal static class TrackerLinkTypes
{
    public const string Outward = "outward";
    public const string Inward = "inward";

    public static readonly IReadOnlyList<TrackerLinkType> Types = new[]
    {
        new TrackerLinkType("relates", "relates", "relates", "Связана", "Связана"),
        new TrackerLinkType("depends", "Blocker", "Depends on", "Блокер", "Зависит от"),
        new TrackerLinkType("subtask", "Sub-issue", "Parent issue", "Подзадача", "Родительская задача"),
        new TrackerLinkType("duplicates", "Duplicated by", "Duplicates", "Дублируется", "Дублирует"),
        new TrackerLinkType("epic", "Has epic", "Epic", "Входит в эпик", "Эпик"),
    };

    /// <summary>The nine values POST links accepts, read from the creating (URL) issue's side.</summary>
    public static readonly IReadOnlyList<TrackerRelationship> Relationships = new[]
    {
        new TrackerRelationship("relates", "relates", Outward),
        new TrackerRelationship("depends on", "depends", Outward),
        new TrackerRelationship("is dependent by", "depends", Inward),
        new TrackerRelationship("is parent task for", "subtask", Outward),
        new TrackerRelationship("is subtask for", "subtask", Inward),
        new TrackerRelationship("duplicates", "duplicates", Outward),
        new TrackerRelationship("is duplicated by", "duplicates", Inward),
        new TrackerRelationship("is epic of", "epic", Outward),
        new TrackerRelationship("has epic", "epic", Inward),
    };

    public static readonly IReadOnlyList<TrackerStatus> Statuses = new[]
    {
        new TrackerStatus("1", "open", "Open", "Открыт"),
        new TrackerStatus("2", "inProgress", "In progress", "В работе"),
        new TrackerStatus("3", "needInfo", "Need info", "Требуется информация"),
        new TrackerStatus("4", "resolved", "Resolved", "Решен"),
        new TrackerStatus("5", "closed", "Closed", "Закрыт"),
    };

    public static TrackerLinkType Type(string id) => Types.First(t => t.Id == id);

    public static TrackerLinkType? FindType(string id) => Types.FirstOrDefault(t => t.Id == id);

    public static TrackerRelationship? FindRelationship(string name, StringComparison comparison) =>
        Relationships.FirstOrDefault(r => string.Equals(r.Name, name, comparison));

    /// <summary>The relationship phrase for a side of a link; symmetric "relates" reads the same from both.</summary>
    public static string RelationshipFor(string typeId, string direction) =>
        typeId == "relates"
            ? "relates"
            : Relationships.First(r => r.TypeId == typeId && r.CreatorDirection == direction).Name;

    public static string Opposite(string direction) => direction == Outward ? Inward : Outward;

    public static TrackerStatus Status(string key) =>
        Statuses.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase))
        ?? new TrackerStatus("99", key, key, key);
}
