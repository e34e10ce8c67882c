using System;
using System.Linq;
using PSRemoteLinks.Emulator;

namespace PSRemoteLinks.Bench;

/// <summary>
/// 5. Get-IssueLink -Recurse over the emulator's generated link graph (1,000 issues in the full run) with latency:
/// what -ThrottleLimit buys a breadth-first walk, which can only read the issues it has found so far.
/// </summary>
internal static class LinkWalkScenario
{
    public static void Run(BenchWorld world, BenchSettings settings, Report report, Action<string> progress)
    {
        LinkGraph graph = LinkGraph.ForJira("WALK", Math.Max(10, settings.BulkCount));
        graph.SeedJira(world.Server.Jira);
        int links = graph.Edges.Count - graph.Island.Count;
        string scenario = $"5. Link walk ({graph.Main.Count} issues, {links} links, {settings.LatencyText} latency)";
        string walk = "Get-IssueLink " + graph.Start + " -Recurse -ThrottleLimit ";

        // Warm up the walk's code paths outside the measurement.
        world.Server.Latency.Clear();
        world.RunExpecting(links, walk + "16");

        world.Server.Latency.Fixed = settings.BulkLatency;
        try
        {
            double? sequential = null;
            double? throttle16 = null;
            foreach (int limit in settings.ThrottleLimits)
            {
                progress($"walk: -ThrottleLimit {limit}");
                world.Server.Requests.Clear();
                TimeSpan time = Measure.Time(() => world.RunExpecting(links, walk + limit));
                int reads = world.Server.Requests.All.Count(r => r.Method == "GET");
                if (reads != graph.Main.Count)
                {
                    throw new BenchmarkFailedException($"the walk read {reads} issues, not {graph.Main.Count} (each once).");
                }

                sequential ??= time.TotalSeconds;
                if (limit == 16)
                {
                    throttle16 = time.TotalSeconds;
                }

                string detail = Measure.Number(reads / time.TotalSeconds) + $" issues/s, peak {world.Server.Requests.PeakConcurrent} in flight";
                report.Add(scenario, $"`-Recurse -ThrottleLimit {limit}`", Measure.Duration(time), detail, Measure.Ratio(sequential.Value / time.TotalSeconds));
            }

            if (throttle16 is double t16)
            {
                double speedUp = sequential!.Value / t16;
                report.Check("walk with `-ThrottleLimit 16` >= 10x faster than `-ThrottleLimit 1`", Measure.Ratio(speedUp), speedUp >= 10);
            }
        }
        finally
        {
            world.Server.Latency.Clear();
        }
    }
}
