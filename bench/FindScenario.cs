using System;
using System.Collections.Generic;
using System.Linq;
using PSRemoteLinks.Emulator;

namespace PSRemoteLinks.Bench;

/// <summary>
/// 5. Find-Issue streaming a large result from Jira Cloud's search/jql (100 issues a page, latency on every page),
/// against a raw HttpClient paging loop, and how much memory stays held while it streams.
/// </summary>
internal static class FindScenario
{
    private const string Project = "FIND";
    private const int PageSize = 100;
    private const int MemoryProbeEvery = 2000;

    public static void Run(BenchWorld world, BenchSettings settings, Report report, Action<string> progress)
    {
        int count = settings.Quick ? 2000 : 20000;
        string jql = "project = " + Project;
        string scenario = $"8. Find-Issue ({count:N0} issues, {count / PageSize} pages, {settings.LatencyText} per page)";
        IssueSets.AddJira(world.Server.Jira, Project, count);
        using var raw = new RawJiraSearch(world.Server.JiraUri, world.Server.Options.JiraUser, world.Server.Options.JiraApiToken);

        // Connections, serverInfo and the JIT warmed outside the measurement.
        world.Server.Latency.Clear();
        world.Run($"Find-Issue '{jql}' -First 300 | Out-Null");
        Expect(raw.CountAsync(jql, PageSize).GetAwaiter().GetResult(), count);

        world.Server.Latency.Fixed = settings.BulkLatency;
        try
        {
            progress("find: raw HttpClient paging loop");
            TimeSpan rawTime = Measure.Time(() => Expect(raw.CountAsync(jql, PageSize).GetAwaiter().GetResult(), count));
            report.Add(scenario, "raw HttpClient + System.Text.Json paging loop", Measure.Duration(rawTime), Rate(count, rawTime), Measure.Ratio(1.0));

            progress("find: Find-Issue");
            TimeSpan findTime = Measure.Time(() => Expect(Count(world.Run($"Find-Issue '{jql}' | Measure-Object")), count));
            double ratio = findTime.TotalSeconds / rawTime.TotalSeconds;
            report.Add(scenario, "`Find-Issue | Measure-Object`", Measure.Duration(findTime), Rate(count, findTime), Measure.Ratio(ratio));

            progress("find: memory held while streaming");
            long growth = RetainedGrowth(world, jql, count);
            report.Add(scenario, $"memory held while streaming (full GC every {MemoryProbeEvery:N0} issues)", string.Empty, "+" + Measure.Megabytes(growth) + " at most over the start", string.Empty);

            report.Check($"Find-Issue over {count:N0} issues within 1.2x of a raw paging loop", Measure.Ratio(ratio) + " of its time", ratio <= 1.2);
            report.Check("Find-Issue memory growth while streaming under 50 MB", "+" + Measure.Megabytes(growth), growth < 50L * 1024 * 1024);
        }
        finally
        {
            world.Server.Latency.Clear();
        }
    }

    /// <summary>
    /// The most the managed heap held above its level before the search, measured after a full collection each time
    /// another <see cref="MemoryProbeEvery"/> issues went by: what the streaming keeps, not garbage waiting for a GC.
    /// </summary>
    private static long RetainedGrowth(BenchWorld world, string jql, int count)
    {
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        Func<long> probe = () =>
        {
            long now = GC.GetTotalMemory(forceFullCollection: true);
            peak = Math.Max(peak, now);
            return now;
        };
        world.Run(
            $"$n = 0; Find-Issue '{jql}' | ForEach-Object {{ $n++; if ($n % {MemoryProbeEvery} -eq 0) {{ $null = $Probe.Invoke() }} }}; if ($n -ne {count}) {{ throw \"read $n issues\" }}",
            new Dictionary<string, object?> { ["Probe"] = probe });
        return peak - baseline;
    }

    private static int Count(EngineHost.ScriptResult result) =>
        result.Output.Count == 1 && result.Output[0].Properties["Count"]?.Value is int n ? n : -1;

    private static void Expect(int issues, int expected)
    {
        if (issues != expected)
        {
            throw new BenchmarkFailedException($"The search read {issues} issues, not {expected}.");
        }
    }

    private static string Rate(int issues, TimeSpan time) => Measure.Number(issues / time.TotalSeconds) + " issues/s";
}
