using System;
using System.Collections.Generic;
using PSRemoteLinks.Emulator;

namespace PSRemoteLinks.Bench;

/// <summary>3. One issue at Jira Cloud's cap of 2,000 remote links: time and memory to emit every object.</summary>
internal static class LargeIssueScenario
{
    public static void Run(BenchWorld world, BenchSettings settings, Report report)
    {
        world.Server.Latency.Clear();
        byte[] body = world.Raw.GetRemoteLinksBodyAsync(BenchWorld.LargeIssue).GetAwaiter().GetResult();
        int links = RawJiraClient.Parse(body).Count;
        if (links != settings.LargeIssueLinks)
        {
            throw new BenchmarkFailedException($"{BenchWorld.LargeIssue} has {links} links, not {settings.LargeIssueLinks}.");
        }

        // Served verbatim, so building the JSON on the emulator's side is not part of what is measured.
        world.Server.Faults.Add(Fault.ServeBytes(200, body, "application/json;charset=UTF-8").For("GET", "/" + BenchWorld.LargeIssue + "/remotelink").Times(-1));
        try
        {
            string script = "Get-RemoteIssueLink " + BenchWorld.LargeIssue;
            world.RunExpecting(links, script);
            var module = Repeat(settings.LargeRuns, () => world.RunExpecting(links, script));
            var raw = Repeat(settings.LargeRuns, () =>
                RawJiraClient.Expect(RawJiraClient.Parse(world.Raw.GetRemoteLinksBodyAsync(BenchWorld.LargeIssue).GetAwaiter().GetResult()).Count, links));

            string scenario = $"3. {links:N0}-link issue ({Measure.Megabytes(body.Length)} of JSON)";
            report.Add(scenario, "`Get-RemoteIssueLink " + BenchWorld.LargeIssue + "`, all objects emitted", Measure.Duration(module.Time), Measure.Megabytes(module.Bytes) + " allocated", string.Empty);
            report.Add(scenario, "raw HttpClient + System.Text.Json, same bytes", Measure.Duration(raw.Time), Measure.Megabytes(raw.Bytes) + " allocated", string.Empty);
            report.Check($"{links:N0} links emitted in < 0.5 s", Measure.Duration(module.Time), module.Time < TimeSpan.FromSeconds(0.5));
            report.Check($"{links:N0} links emitted with < 50 MB allocated", Measure.Megabytes(module.Bytes), module.Bytes < 50L * 1024 * 1024);
        }
        finally
        {
            world.Server.Faults.Clear();
        }
    }

    private static (TimeSpan Time, long Bytes) Repeat(int runs, Action action)
    {
        var times = new List<TimeSpan>();
        var bytes = new List<long>();
        for (int i = 0; i < runs; i++)
        {
            (TimeSpan time, long allocated) = Measure.TimeAndAllocations(action);
            times.Add(time);
            bytes.Add(allocated);
        }

        return (Measure.Median(times), Measure.Median(bytes));
    }
}
