using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text.RegularExpressions;
using PSRemoteLinks.EngineHost;

namespace PSRemoteLinks.Bench;

/// <summary>4. How long Import-Module takes: in a fresh runspace of this warm process, and in a brand-new process.</summary>
internal static class ImportScenario
{
    public const string ChildFlag = "--import-child";
    private const string Name = "4. `Import-Module PSRemoteLinks`";

    public static void Run(BenchSettings settings, Report report)
    {
        string manifest = ModuleLocation.PublishedManifest;
        var warm = new List<TimeSpan>();
        for (int i = 0; i < settings.ImportRunsWarm; i++)
        {
            using PowerShellSession session = PowerShellSession.Create();
            warm.Add(Measure.Time(() => Import(session, manifest)));
        }

        var fresh = new List<TimeSpan>();
        var runspaces = new List<TimeSpan>();
        for (int i = 0; i < settings.ImportRunsFresh; i++)
        {
            (TimeSpan runspace, TimeSpan import) = RunChild(manifest);
            runspaces.Add(runspace);
            fresh.Add(import);
        }

        TimeSpan warmTime = Measure.Median(warm);
        TimeSpan freshTime = Measure.Median(fresh);
        report.Add(Name, "fresh runspace, warm process", Measure.Duration(warmTime), $"median of {warm.Count}", string.Empty);
        report.Add(Name, "fresh process", Measure.Duration(freshTime), $"median of {fresh.Count}; opening its first runspace took {Measure.Duration(Measure.Median(runspaces))} more", string.Empty);
        report.Check("Import-Module < 300 ms in a warm process", Measure.Duration(warmTime), warmTime < TimeSpan.FromMilliseconds(300));
        report.Check("(information) Import-Module in a fresh process", Measure.Duration(freshTime), true);
    }

    /// <summary>The child's side: open a runspace (not timed as the import), import, print both times.</summary>
    public static int RunAsChild(string manifest)
    {
        var watch = Stopwatch.StartNew();
        using PowerShellSession session = PowerShellSession.Create();
        TimeSpan runspace = watch.Elapsed;
        watch.Restart();
        Import(session, manifest);
        TimeSpan import = watch.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runspace-ms={runspace.TotalMilliseconds:0.0} import-ms={import.TotalMilliseconds:0.0}"));
        return 0;
    }

    private static void Import(PowerShellSession session, string manifest)
    {
        using PowerShell powerShell = PowerShell.Create();
        powerShell.Runspace = session.Runspace;
        powerShell.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", ActionPreference.Stop);
        powerShell.Invoke();
        if (powerShell.HadErrors)
        {
            throw new BenchmarkFailedException("Import-Module failed: " + string.Join("; ", powerShell.Streams.Error));
        }
    }

    /// <summary>Starts this benchmark again as a child process that only imports the module, and reads its times.</summary>
    private static (TimeSpan Runspace, TimeSpan Import) RunChild(string manifest)
    {
        string host = Environment.ProcessPath ?? throw new BenchmarkFailedException("The path of this process is unknown.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ImportScenario).Assembly.Location);
        }

        start.ArgumentList.Add(ChildFlag);
        start.ArgumentList.Add(manifest);
        using Process child = Process.Start(start) ?? throw new BenchmarkFailedException("Could not start the import child process.");
        string output = child.StandardOutput.ReadToEnd();
        string errors = child.StandardError.ReadToEnd();
        child.WaitForExit();
        Match times = Regex.Match(output, @"runspace-ms=(?<runspace>[\d.]+) import-ms=(?<import>[\d.]+)");
        if (child.ExitCode != 0 || !times.Success)
        {
            throw new BenchmarkFailedException($"The import child process failed (exit code {child.ExitCode}): {output} {errors}");
        }

        return (Milliseconds(times.Groups["runspace"].Value), Milliseconds(times.Groups["import"].Value));
    }

    private static TimeSpan Milliseconds(string text) => TimeSpan.FromMilliseconds(double.Parse(text, CultureInfo.InvariantCulture));
}
