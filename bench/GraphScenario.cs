using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PSRemoteLinks.Bench;

/// <summary>
/// 5. Export-IssueLinkGraph on a graph of 500 issues and 1,000 links, built by hand in the session (no HTTP): Mermaid
/// and DOT (text only) beside SVG (laid out by AutomaticGraphLayout). The graph is shaped as a walk finds one (each
/// issue linked from one found a little earlier, plus links between issues close to each other); a second SVG row
/// places the same counts at random, the layered layout's worst case, for information.
/// </summary>
internal static class GraphScenario
{
    private const string BuildLinks = @"
$global:graphLinks = for ($i = 0; $i -lt $from.Count; $i++) {
    [PSRemoteLinks.IssueLink]@{
        Issue = 'G-' + $from[$i]; LinkedIssue = 'G-' + $to[$i]; Relationship = 'blocks'; Direction = 'Outward'; Type = 'Blocks'
        IssueSummary = 'Work item ' + $from[$i]; IssueStatus = 'In Progress'; IssueStatusCategory = 'InProgress'
        LinkedIssueSummary = 'Work item ' + $to[$i]; LinkedIssueStatus = 'To Do'; LinkedIssueStatusCategory = 'ToDo'
        Depth = $(if ($from[$i] -eq 0) { 0 } else { 1 })
    }
}";

    public static void Run(BenchWorld world, BenchSettings settings, Report report)
    {
        int issues = settings.Quick ? 100 : 500;
        int links = settings.Quick ? 200 : 1000;
        int runs = settings.Quick ? 1 : 5;
        string scenario = $"6. Link graph ({issues:N0} issues, {links:N0} links, no HTTP)";

        Build(world, WalkShaped(issues, links, new Random(13)));
        TimeSpan firstSvg = Measure.Time(() => Export(world, "Svg", issues));
        TimeSpan mermaid = Median(runs, () => Export(world, "Mermaid", issues));
        TimeSpan dot = Median(runs, () => Export(world, "Dot", issues));
        TimeSpan svg = Median(runs, () => Export(world, "Svg", issues));

        Build(world, Uniform(issues, links, new Random(13)));
        TimeSpan uniform = Measure.Time(() => Export(world, "Svg", issues));

        report.Add(scenario, "`Export-IssueLinkGraph -Format Mermaid`", Measure.Duration(mermaid), $"median of {runs}", Measure.Ratio(1));
        report.Add(scenario, "`-Format Dot`", Measure.Duration(dot), $"median of {runs}", Measure.Ratio(dot / mermaid));
        report.Add(scenario, "`-Format Svg` (layered layout, spline arrows)", Measure.Duration(svg), $"median of {runs}", Measure.Ratio(svg / mermaid));
        report.Add(scenario, "`-Format Svg`, first of the session", Measure.Duration(firstSvg), "loads the layout library and compiles it", Measure.Ratio(firstSvg / mermaid));
        report.Add(scenario, "`-Format Svg`, links placed at random (worst case)", Measure.Duration(uniform), "one run", Measure.Ratio(uniform / mermaid));
        report.Check($"SVG of {issues:N0} issues and {links:N0} links < 3 s", Measure.Duration(svg), svg < TimeSpan.FromSeconds(3));
        report.Check("(information) the same counts placed at random", Measure.Duration(uniform), true);
    }

    private static void Build(BenchWorld world, (int[] From, int[] To) graph) =>
        world.Run(BuildLinks, new Dictionary<string, object?> { ["from"] = graph.From, ["to"] = graph.To });

    private static void Export(BenchWorld world, string format, int issues)
    {
        var text = (string)world.RunExpecting(1, "$graphLinks | Export-IssueLinkGraph -Format " + format).Output[0].BaseObject;
        int drawn = format switch
        {
            "Svg" => Regex.Count(text, "class=\"issue "),
            "Dot" => Regex.Count(text, "\\[label=<"),
            _ => Regex.Count(text, "^    n\\d+\\[", RegexOptions.Multiline),
        };
        if (drawn != issues)
        {
            throw new BenchmarkFailedException($"The {format} graph has {drawn} issues, not {issues}.");
        }
    }

    private static TimeSpan Median(int runs, Action action) => Measure.Median(Enumerable.Range(0, runs).Select(_ => Measure.Time(action)).ToList());

    /// <summary>Issue i is linked from one of the 20 found before it; the remaining links join issues at most 20 apart.</summary>
    private static (int[] From, int[] To) WalkShaped(int issues, int links, Random random)
    {
        var pairs = new HashSet<(int, int)>();
        var ordered = new List<(int, int)>();
        for (int i = 1; i < issues; i++)
        {
            Add(random.Next(Math.Max(0, i - 20), i), i);
        }

        while (ordered.Count < links)
        {
            int to = random.Next(1, issues);
            Add(random.Next(Math.Max(0, to - 20), to), to);
        }

        return (ordered.Select(p => p.Item1).ToArray(), ordered.Select(p => p.Item2).ToArray());

        void Add(int from, int to)
        {
            if (pairs.Add((from, to)))
            {
                ordered.Add((from, to));
            }
        }
    }

    /// <summary>Every issue appears; the links join issues chosen uniformly at random.</summary>
    private static (int[] From, int[] To) Uniform(int issues, int links, Random random)
    {
        var pairs = new HashSet<(int, int)>();
        var ordered = new List<(int, int)>();
        // Every issue is linked from an earlier one (a random tree: no issue left out of the drawing, which the count
        // check needs), then the rest of the links go anywhere.
        for (int i = 1; i < issues; i++)
        {
            Add(random.Next(i), i);
        }

        while (ordered.Count < links)
        {
            Add(random.Next(issues), random.Next(issues));
        }

        return (ordered.Select(p => p.Item1).ToArray(), ordered.Select(p => p.Item2).ToArray());

        void Add(int from, int to)
        {
            if (from != to && !pairs.Contains((to, from)) && pairs.Add((from, to)))
            {
                ordered.Add((from, to));
            }
        }
    }
}
