using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace PSRemoteLinks.Bench;

/// <summary>
/// Runs the scenarios side by side in one process and prints one table. The full run writes bench/results.md;
/// --quick (small counts, low latency) only proves the benchmark still works, and writes nothing unless --out is given.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 2 && args[0] == ImportScenario.ChildFlag)
        {
            return ImportScenario.RunAsChild(args[1]);
        }

        BenchSettings settings;
        try
        {
            settings = BenchSettings.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        try
        {
            var report = new Report();
            Progress($"starting the emulator and the engine ({(settings.Quick ? "quick" : "full")} run)");
            MachineFacts facts;
            await using (BenchWorld world = await BenchWorld.StartAsync(settings))
            {
                facts = MachineFacts.Collect(world);
                if (settings.Scenarios.Contains(1))
                {
                    Progress("1. per-call overhead");
                    PerCallScenario.Run(world, settings, report);
                }

                if (settings.Scenarios.Contains(2))
                {
                    Progress("2. bulk");
                    BulkScenario.Run(world, settings, report, Progress);
                }

                if (settings.Scenarios.Contains(3))
                {
                    Progress("3. 2,000-link issue");
                    LargeIssueScenario.Run(world, settings, report);
                }

                if (settings.Scenarios.Contains(5))
                {
                    Progress("5. link walk");
                    LinkWalkScenario.Run(world, settings, report, Progress);
                }

                if (settings.Scenarios.Contains(6))
                {
                    Progress("6. link graph export");
                    GraphScenario.Run(world, settings, report);
                }

                if (settings.Scenarios.Contains(7))
                {
                    Progress("7. link check");
                    LinkCheckScenario.Run(world, settings, report, Progress);
                }

                if (settings.Scenarios.Contains(8))
                {
                    Progress("8. Find-Issue");
                    FindScenario.Run(world, settings, report, Progress);
                }
            }

            if (settings.Scenarios.Contains(4))
            {
                Progress("4. Import-Module");
                ImportScenario.Run(settings, report);
            }

            string markdown = report.Markdown(facts, settings);
            Console.WriteLine();
            Console.WriteLine(markdown);
            bool complete = !settings.Quick && settings.Scenarios.Count == BenchSettings.All.Count;
            string? path = settings.OutputPath ?? (complete ? Path.Combine(ProjectDirectory(), "results.md") : null);
            if (path is not null)
            {
                File.WriteAllText(path, markdown);
                Progress("written to " + path);
            }

            return 0;
        }
        catch (BenchmarkFailedException ex)
        {
            Console.Error.WriteLine("Benchmark failed: " + ex.Message);
            return 1;
        }
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    private static string ProjectDirectory() =>
        typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BenchProjectDirectory")?.Value
        ?? throw new InvalidOperationException("The build did not record the bench project directory.");
}
