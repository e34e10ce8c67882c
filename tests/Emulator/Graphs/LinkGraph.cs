using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSRemoteLinks.Emulator;

/// <summary>One link of a <see cref="LinkGraph"/>: "<see cref="From"/> <see cref="Relationship"/> <see cref="To"/>" is true.</summary>
public sealed record LinkGraphEdge(string From, string Relationship, string To);

/// <summary>
/// A generated issue-link graph for link walks and their benchmark: a random tree grown from <c>PREFIX-1</c> (so every
/// main issue is reachable from it), extra links that make diamonds (an issue reached along two paths), directed
/// cycles of "blocks"/"depends on" links, and a small island no main issue links to. Deterministic for a seed; at most
/// one link per pair of issues (Tracker refuses a second one). Seeds either service's store with the same shape.
/// </summary>
public sealed class LinkGraph
{
    private LinkGraph(string prefix, IReadOnlyList<string> main, IReadOnlyList<string> island, IReadOnlyList<LinkGraphEdge> edges, LinkFamily[] families)
    {
        Prefix = prefix;
        Main = main;
        Island = island;
        Edges = edges;
        Families = families;
    }

    public string Prefix { get; }

    /// <summary>PREFIX-1 .. PREFIX-n: all reachable from PREFIX-1 when every link is followed.</summary>
    public IReadOnlyList<string> Main { get; }

    /// <summary>Issues linked only among themselves: a walk from the main issues never reads them.</summary>
    public IReadOnlyList<string> Island { get; }

    /// <summary>Every link, in creation order (which is the order each issue lists its links in).</summary>
    public IReadOnlyList<LinkGraphEdge> Edges { get; }

    /// <summary>The relationship phrases used, each with the phrase read from the other side.</summary>
    internal IReadOnlyList<LinkFamily> Families { get; }

    public string Start => Main[0];

    /// <summary>Jira's three link types: Blocks, Relates and Duplicate.</summary>
    public static LinkGraph ForJira(string prefix = "WALK", int issues = 1000, int seed = 13) => Generate(prefix, issues, seed, JiraFamilies);

    /// <summary>Tracker's five link types, so all nine relationship values occur.</summary>
    public static LinkGraph ForTracker(string prefix = "WALK", int issues = 1000, int seed = 13) => Generate(prefix, issues, seed, TrackerFamilies);

    /// <summary>The phrase the other issue reads for <paramref name="phrase"/>.</summary>
    public string Inverse(string phrase) =>
        Families.First(f => f.Forward == phrase || f.Backward == phrase) is var f && f.Forward == phrase ? f.Backward : f.Forward;

    public void SeedJira(JiraStore jira)
    {
        ArgumentNullException.ThrowIfNull(jira);
        foreach (string key in Main.Concat(Island))
        {
            jira.AddIssue(key, Summary(key), Status(key, "To Do", "In Progress", "Done"));
        }

        foreach (LinkGraphEdge edge in Edges)
        {
            LinkFamily family = Families.First(f => f.Forward == edge.Relationship || f.Backward == edge.Relationship);
            // Jira's AddIssueLink reads "inward <type's outward phrase> outward" (Blocks: inward blocks outward).
            bool fromIsInward = JiraLinkTypes.ByName(family.Type)!.Outward == edge.Relationship;
            jira.AddIssueLink(family.Type, fromIsInward ? edge.From : edge.To, fromIsInward ? edge.To : edge.From);
        }
    }

    public void SeedTracker(TrackerStore tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        foreach (string key in Main.Concat(Island))
        {
            tracker.AddIssue(key, Summary(key), Status(key, "open", "inProgress", "closed"));
        }

        foreach (LinkGraphEdge edge in Edges)
        {
            tracker.AddLink(edge.From, edge.Relationship, edge.To);
        }
    }

    public static string Summary(string key) => "Work item " + key;

    private static string Status(string key, string todo, string inProgress, string done) =>
        (int.Parse(key[(key.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture) % 3) switch
        {
            0 => done,
            1 => todo,
            _ => inProgress,
        };

    private static readonly LinkFamily[] JiraFamilies =
    {
        new("Blocks", "is blocked by", "blocks", 6),
        new("Relates", "relates to", "relates to", 2),
        new("Duplicate", "duplicates", "is duplicated by", 2),
    };

    private static readonly LinkFamily[] TrackerFamilies =
    {
        new("depends", "depends on", "is dependent by", 4),
        new("subtask", "is parent task for", "is subtask for", 2),
        new("relates", "relates", "relates", 2),
        new("duplicates", "duplicates", "is duplicated by", 1),
        new("epic", "is epic of", "has epic", 1),
    };

    /// <remarks>
    /// A family's first phrase is the "chain" one: a tree link mostly reads "parent ⟨forward⟩ child" ("WALK-1 is
    /// blocked by WALK-7"), so following that phrase from the start goes deep, while the other phrases and the
    /// reversed links give -Relationship something to prune.
    /// </remarks>
    private static LinkGraph Generate(string prefix, int issues, int seed, LinkFamily[] families)
    {
        if (issues < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(issues), "A link graph needs at least 10 issues.");
        }

        var random = new Random(seed);
        var main = Enumerable.Range(1, issues).Select(i => Key(prefix, i)).ToArray();
        int islandSize = Math.Max(3, issues / 50);
        var island = Enumerable.Range(issues + 1, islandSize).Select(i => Key(prefix, i)).ToArray();
        var edges = new List<LinkGraphEdge>();
        var pairs = new HashSet<(int, int)>();
        var parent = new int[issues + 1];
        int totalWeight = families.Sum(f => f.Weight);

        LinkFamily PickFamily()
        {
            int roll = random.Next(totalWeight);
            foreach (LinkFamily family in families)
            {
                roll -= family.Weight;
                if (roll < 0)
                {
                    return family;
                }
            }

            return families[^1];
        }

        bool Add(int from, string phrase, int to, string[] keys, int offset)
        {
            if (from == to || !pairs.Add((Math.Min(from, to), Math.Max(from, to))))
            {
                return false;
            }

            edges.Add(new LinkGraphEdge(keys[from - offset], phrase, keys[to - offset]));
            return true;
        }

        for (int child = 2; child <= issues; child++)
        {
            parent[child] = random.Next(1, child);
            LinkFamily family = PickFamily();
            bool chain = random.NextDouble() < 0.85;
            Add(parent[child], chain ? family.Forward : family.Backward, child, main, 1);

            if (random.NextDouble() < 0.3)
            {
                // A second way into the same issue: a diamond.
                LinkFamily other = PickFamily();
                Add(random.Next(1, child), other.Forward, child, main, 1);
            }
        }

        // Directed cycles: a grandchild that is "blocked by" its grandparent again (chain phrase from the grandchild).
        LinkFamily first = families[0];
        for (int child = issues; child > 1 && edges.Count < issues * 1.45; child -= 7)
        {
            int grandparent = parent[parent[child]];
            if (grandparent >= 1)
            {
                Add(child, first.Forward, grandparent, main, 1);
            }
        }

        // The island: a small ring of its own.
        for (int i = 0; i < island.Length; i++)
        {
            Add(issues + 1 + i, families[i % families.Length].Forward, issues + 1 + ((i + 1) % island.Length), island, issues + 1);
        }

        return new LinkGraph(prefix, main, island, edges, families);
    }

    private static string Key(string prefix, int number) => prefix + "-" + number.ToString(CultureInfo.InvariantCulture);

    internal sealed record LinkFamily(string Type, string Forward, string Backward, int Weight);
}
