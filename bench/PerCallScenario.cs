using System;
using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Bench;

/// <summary>1. What a call costs beyond the HTTP round trip itself: the module in the engine against a raw HttpClient loop, at zero latency.</summary>
internal static class PerCallScenario
{
    private const string Name = "1. Per-call overhead";
    private const string Piped = "$Keys | Get-RemoteIssueLink -ThrottleLimit 1";
    private const string Loop = "foreach ($k in $Keys) { Get-RemoteIssueLink $k }";
    private const string EngineFloor = "$Keys | ForEach-Object { $_ }";

    public static void Run(BenchWorld world, BenchSettings settings, Report report)
    {
        string[] keys = world.Keys.Take(settings.CallCount).ToArray();
        string[] warmup = world.Keys.Take(settings.CallWarmup).ToArray();
        world.Server.Latency.Clear();

        CheckLinks(world.Raw.SequentialAsync(warmup).GetAwaiter().GetResult(), warmup.Length);
        world.RunExpecting(warmup.Length, Piped, BenchWorld.KeysVariable(warmup));
        world.RunExpecting(warmup.Length, Loop, BenchWorld.KeysVariable(warmup));
        world.RunExpecting(warmup.Length, EngineFloor, BenchWorld.KeysVariable(warmup));

        var raw = new List<TimeSpan>();
        var piped = new List<TimeSpan>();
        var loop = new List<TimeSpan>();
        var floor = new List<TimeSpan>();
        for (int round = 0; round < settings.CallRounds; round++)
        {
            raw.Add(Measure.Time(() => CheckLinks(world.Raw.SequentialAsync(keys).GetAwaiter().GetResult(), keys.Length)));
            piped.Add(Measure.Time(() => world.RunExpecting(keys.Length, Piped, BenchWorld.KeysVariable(keys))));
            loop.Add(Measure.Time(() => world.RunExpecting(keys.Length, Loop, BenchWorld.KeysVariable(keys))));
            floor.Add(Measure.Time(() => world.RunExpecting(keys.Length, EngineFloor, BenchWorld.KeysVariable(keys))));
        }

        TimeSpan rawTime = Measure.Median(raw);
        TimeSpan pipedTime = Measure.Median(piped);
        TimeSpan loopTime = Measure.Median(loop);
        TimeSpan floorTime = Measure.Median(floor);
        string scenario = $"{Name} ({keys.Length} calls, 0 ms latency)";
        report.Add(scenario, "raw HttpClient + System.Text.Json, sequential", Measure.Duration(rawTime), PerCall(rawTime, keys.Length), Measure.Ratio(1));
        report.Add(scenario, "`Get-RemoteIssueLink`, keys piped, `-ThrottleLimit 1`", Measure.Duration(pipedTime), PerCall(pipedTime, keys.Length), Measure.Ratio(Ratio(pipedTime, rawTime)));
        report.Add(scenario, "`Get-RemoteIssueLink` invoked once per key", Measure.Duration(loopTime), PerCall(loopTime, keys.Length), Measure.Ratio(Ratio(loopTime, rawTime)));
        report.Add(scenario, "engine alone, no HTTP: keys piped through `ForEach-Object { $_ }`", Measure.Duration(floorTime), PerCall(floorTime, keys.Length), "+" + Measure.Ratio(Ratio(floorTime, rawTime)));
        double pipedRatio = Ratio(pipedTime, rawTime);
        report.Check("Per-call overhead <= 1.2x raw HttpClient (piped)", Measure.Ratio(pipedRatio), pipedRatio <= 1.2);
        report.Check("(information) lowest ratio any hosted pipeline reaches here: raw + engine alone", Measure.Ratio(Ratio(rawTime + floorTime, rawTime)), true);
        report.Check("(information) per-call overhead, one invocation per key", Measure.Ratio(Ratio(loopTime, rawTime)), true);
    }

    private static string PerCall(TimeSpan total, int calls) => Measure.Micros(TimeSpan.FromTicks(total.Ticks / calls)) + " per call";

    private static double Ratio(TimeSpan a, TimeSpan b) => a.TotalMilliseconds / b.TotalMilliseconds;

    private static void CheckLinks(int links, int expected)
    {
        if (links != expected)
        {
            throw new BenchmarkFailedException($"The raw client read {links} links, not {expected}.");
        }
    }
}
