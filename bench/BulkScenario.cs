using System;
using System.Linq;

namespace PSRemoteLinks.Bench;

/// <summary>2. Many issues over a network with latency: what -ThrottleLimit buys, against a raw 16-way HttpClient loop.</summary>
internal static class BulkScenario
{
    public static void Run(BenchWorld world, BenchSettings settings, Report report, Action<string> progress)
    {
        string[] keys = world.Keys.Take(settings.BulkCount).ToArray();
        string scenario = $"2. Bulk ({keys.Length} keys piped, {settings.LatencyText} latency)";

        // Open the connections both clients will reuse, outside the measurement.
        world.Server.Latency.Clear();
        world.RunExpecting(64, "$Keys | Get-RemoteIssueLink -ThrottleLimit 64", BenchWorld.KeysVariable(world.Keys.Take(64).ToArray()));
        world.Raw.ConcurrentAsync(world.Keys.Take(64).ToArray(), settings.RawConcurrency).GetAwaiter().GetResult();

        world.Server.Latency.Fixed = settings.BulkLatency;
        try
        {
            double? sequential = null;
            double? throttle16 = null;
            foreach (int limit in settings.ThrottleLimits)
            {
                progress($"bulk: -ThrottleLimit {limit}");
                world.Server.Requests.Clear();
                TimeSpan time = Measure.Time(() => world.RunExpecting(keys.Length, "$Keys | Get-RemoteIssueLink -ThrottleLimit " + limit, BenchWorld.KeysVariable(keys)));
                int peak = world.Server.Requests.PeakConcurrent;
                sequential ??= time.TotalSeconds;
                if (limit == 16)
                {
                    throttle16 = time.TotalSeconds;
                }

                report.Add(scenario, $"`-ThrottleLimit {limit}`", Measure.Duration(time), Rate(keys.Length, time) + $", peak {peak} in flight", Measure.Ratio(sequential.Value / time.TotalSeconds));
            }

            progress($"bulk: raw HttpClient, {settings.RawConcurrency}-way");
            world.Server.Requests.Clear();
            TimeSpan raw = Measure.Time(() => RawJiraClient.Expect(world.Raw.ConcurrentAsync(keys, settings.RawConcurrency).GetAwaiter().GetResult(), keys.Length));
            report.Add(scenario, $"raw HttpClient, {settings.RawConcurrency}-way", Measure.Duration(raw), Rate(keys.Length, raw) + $", peak {world.Server.Requests.PeakConcurrent} in flight", Measure.Ratio(sequential!.Value / raw.TotalSeconds));

            if (throttle16 is double t16)
            {
                double speedUp = sequential.Value / t16;
                double versusRaw = t16 / raw.TotalSeconds;
                report.Check("`-ThrottleLimit 16` >= 12x faster than `-ThrottleLimit 1`", Measure.Ratio(speedUp), speedUp >= 12);
                report.Check($"`-ThrottleLimit 16` within 1.3x of the raw {settings.RawConcurrency}-way loop", Measure.Ratio(versusRaw) + " of its time", versusRaw <= 1.3);
            }
        }
        finally
        {
            world.Server.Latency.Clear();
        }
    }

    private static string Rate(int requests, TimeSpan time) => Measure.Number(requests / time.TotalSeconds) + " req/s";
}
