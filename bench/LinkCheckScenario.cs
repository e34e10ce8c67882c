using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;

namespace PSRemoteLinks.Bench;

/// <summary>
/// 5. Test-RemoteIssueLink over many links on many hosts, each page answering after the bulk latency: what
/// -ThrottleLimit buys while no host ever gets more than 2 requests at once (counted by the web pages themselves).
/// The hosts are extra listeners of a second emulator (one port each), so the run needs no name resolution.
/// </summary>
internal static class LinkCheckScenario
{
    private const int MaxPerHost = 2;

    public static void Run(BenchWorld world, BenchSettings settings, Report report, Action<string> progress)
    {
        int links = settings.Quick ? 100 : 1000;
        int hosts = settings.Quick ? 10 : 50;
        int latency = (int)settings.BulkLatency.TotalMilliseconds;
        string scenario = $"7. Link check ({links} links on {hosts} hosts, pages answer after {latency} ms)";

        RunAsync(world, report, progress, links, hosts, latency, scenario).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(BenchWorld world, Report report, Action<string> progress, int links, int hosts, int latency, string scenario)
    {
        await using EmulatorServer web = await EmulatorServer.StartAsync(new EmulatorOptions { WebHostCount = hosts });
        // Links to the hosts in turn, as a project's links to many sites come; and the same links grouped by host, as
        // one issue's links to one wiki come. Built once, outside the measurement, each with the connection it came from.
        string[] urls = Enumerable.Range(0, links).Select(i => $"{web.WebHosts[i % hosts].AbsoluteUri}/slow/{latency}/page-{i}").ToArray();
        string[] grouped = urls.OrderBy(u => new Uri(u).Port).ToArray();
        const string Build = "$Urls | ForEach-Object -Begin { $n = 0 } -Process { [PSRemoteLinks.RemoteIssueLink]@{ Issue = 'WEB-1'; Id = ++$n; Url = $_; Connection = (Get-IssueTrackerConnection)[0] } }";
        world.Run("$global:CheckLinks = " + Build, new Dictionary<string, object?> { ["Urls"] = urls });
        world.Run("$global:GroupedLinks = " + Build, new Dictionary<string, object?> { ["Urls"] = grouped });
        // Warm up: the first checks open the connections and compile the code paths.
        world.RunExpecting(hosts, "$global:CheckLinks | Select-Object -First " + hosts + " | Test-RemoteIssueLink -ThrottleLimit 16 | Where-Object Reachable -eq $true");

        double? sequential = null;
        foreach ((string variable, int limit, string variant) in new[]
        {
            ("CheckLinks", 1, "`-ThrottleLimit 1`"),
            ("CheckLinks", 16, "`-ThrottleLimit 16`"),
            ("GroupedLinks", 16, "`-ThrottleLimit 16`, links grouped by host"),
        })
        {
            progress($"link check: {variant.Replace("`", string.Empty, StringComparison.Ordinal)}");
            web.Web.ResetCounts();
            TimeSpan time = Measure.Time(() => world.RunExpecting(links, $"${variable} | Test-RemoteIssueLink -ThrottleLimit {limit} | Where-Object Reachable -eq $true"));
            int perHost = web.Web.PeakPerHost;
            sequential ??= time.TotalSeconds;
            double speedUp = sequential.Value / time.TotalSeconds;
            report.Add(scenario, variant, Measure.Duration(time), Measure.Number(links / time.TotalSeconds) + $" links/s, at most {perHost} per host at once", Measure.Ratio(speedUp));
            report.Check($"link check {variant}: never more than {MaxPerHost} requests per host", perHost + " at most", perHost <= MaxPerHost);
            if (variable == "CheckLinks" && limit == 16)
            {
                report.Check("link check `-ThrottleLimit 16` >= 10x faster than `-ThrottleLimit 1`", Measure.Ratio(speedUp), speedUp >= 10);
            }
        }

        world.Run("Remove-Variable -Name CheckLinks, GroupedLinks -Scope Global");
    }
}
