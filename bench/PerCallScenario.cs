using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace PSRemoteLinks.Bench;

/// <summary>
/// 1. What a call costs beyond the HTTP round trip itself: the module in the engine against a raw HttpClient loop, at
/// zero latency. The first round is reported on its own: .NET starts every method with quickly compiled code and
/// optimises what keeps running after a while, so the first thousand calls measure the JIT as much as the code (and
/// the engine, much larger than the raw loop, has far more of it to compile). The target is checked on the rounds
/// after a warm-up, which is what a long bulk run pays per call.
/// </summary>
internal static class PerCallScenario
{
    private const string Name = "1. Per-call overhead";
    private const string PipedScript = "$Keys | Get-RemoteIssueLink -ThrottleLimit 1";
    private const string LoopScript = "foreach ($k in $Keys) { Get-RemoteIssueLink $k }";
    private const string FloorScript = "$Keys | ForEach-Object { $_ }";

    public static void Run(BenchWorld world, BenchSettings settings, Report report)
    {
        string[] keys = world.Keys.Take(settings.CallCount).ToArray();
        world.Server.Latency.Clear();

        Round cold = Round.Measure(world, keys);
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < settings.CallWarmup)
        {
            Round.Measure(world, keys);
        }

        var rounds = new List<Round>();
        for (int i = 0; i < settings.CallRounds; i++)
        {
            rounds.Add(Round.Measure(world, keys));
        }

        // Each round's variants ran back to back, so a ratio within a round is not skewed by what the machine was
        // doing in another (a neighbour's burst on a shared host moves whole rounds, not pairs).
        TimeSpan rawTime = Measure.Median(rounds.Select(r => r.Raw));
        TimeSpan pipedTime = Measure.Median(rounds.Select(r => r.Piped));
        TimeSpan loopTime = Measure.Median(rounds.Select(r => r.Loop));
        TimeSpan floorTime = Measure.Median(rounds.Select(r => r.Floor));
        double pipedRatio = MedianRatio(rounds, r => r.Piped);
        double loopRatio = MedianRatio(rounds, r => r.Loop);
        double floorRatio = MedianRatio(rounds, r => r.Floor);
        double coldRatio = Ratio(cold.Piped, cold.Raw);

        string scenario = $"{Name} ({keys.Length} calls, 0 ms latency, median of {rounds.Count} rounds after {settings.CallWarmup.TotalSeconds:0} s of warm-up)";
        report.Add(scenario, "raw HttpClient + System.Text.Json, sequential", Measure.Duration(rawTime), PerCall(rawTime, keys.Length), Measure.Ratio(1));
        report.Add(scenario, "`Get-RemoteIssueLink`, keys piped, `-ThrottleLimit 1`", Measure.Duration(pipedTime), PerCall(pipedTime, keys.Length), Measure.Ratio(pipedRatio));
        report.Add(scenario, "`Get-RemoteIssueLink` invoked once per key", Measure.Duration(loopTime), PerCall(loopTime, keys.Length), Measure.Ratio(loopRatio));
        report.Add(scenario, "engine alone, no HTTP: keys piped through `ForEach-Object { $_ }`", Measure.Duration(floorTime), PerCall(floorTime, keys.Length), "+" + Measure.Ratio(floorRatio));
        string coldScenario = $"{Name}, first round ({keys.Length} calls, before the JIT has optimised either side)";
        report.Add(coldScenario, "raw HttpClient + System.Text.Json, sequential", Measure.Duration(cold.Raw), PerCall(cold.Raw, keys.Length), Measure.Ratio(1));
        report.Add(coldScenario, "`Get-RemoteIssueLink`, keys piped, `-ThrottleLimit 1`", Measure.Duration(cold.Piped), PerCall(cold.Piped, keys.Length), Measure.Ratio(coldRatio));

        report.Check("Per-call overhead <= 1.2x raw HttpClient (piped, after warm-up)", Measure.Ratio(pipedRatio), pipedRatio <= 1.2);
        report.Check("(information) the same in the first round, JIT cold", Measure.Ratio(coldRatio), true);
        report.Check("(information) raw + keys piped through `ForEach-Object { $_ }` (the engine's per-item cost alone)", Measure.Ratio(1 + floorRatio), true);
        report.Check("(information) per-call overhead, one invocation per key", Measure.Ratio(loopRatio), true);
    }

    private static string PerCall(TimeSpan total, int calls) => Measure.Micros(TimeSpan.FromTicks(total.Ticks / calls)) + " per call";

    private static double Ratio(TimeSpan a, TimeSpan b) => a.TotalMilliseconds / b.TotalMilliseconds;

    /// <summary>The median over the rounds of one variant's time divided by the raw loop's time in the same round.</summary>
    private static double MedianRatio(IReadOnlyList<Round> rounds, Func<Round, TimeSpan> variant) =>
        Bench.Measure.Median(rounds.Select(r => Ratio(variant(r), r.Raw)));

    /// <summary>One timing of each variant, run one after the other so they share the machine's state.</summary>
    private sealed record Round(TimeSpan Raw, TimeSpan Piped, TimeSpan Loop, TimeSpan Floor)
    {
        public static Round Measure(BenchWorld world, string[] keys) => new(
            Bench.Measure.Time(() => RawJiraClient.Expect(world.Raw.SequentialAsync(keys).GetAwaiter().GetResult(), keys.Length)),
            Bench.Measure.Time(() => world.RunExpecting(keys.Length, PipedScript, BenchWorld.KeysVariable(keys))),
            Bench.Measure.Time(() => world.RunExpecting(keys.Length, LoopScript, BenchWorld.KeysVariable(keys))),
            Bench.Measure.Time(() => world.RunExpecting(keys.Length, FloorScript, BenchWorld.KeysVariable(keys))));
    }
}
