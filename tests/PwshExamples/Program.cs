using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.Tests.Documentation;

namespace PSRemoteLinks.PwshExamples;

/// <summary>
/// <c>dotnet run --project tests/PwshExamples -- --pwsh &lt;pwsh or pwsh.dll&gt; --module &lt;PSRemoteLinks.psd1&gt; [--only FILE] [--result FILE]</c>:
/// every block of README.md and docs/en-US that is not no-run (or only those of one file), each in a new pwsh against
/// a fresh seeded emulator. Prints one line per block and "examples: N passed, N failed"; exits 1 when any failed or
/// none ran. With PSRL_UPDATE_EXAMPLE_OUTPUT=1 it rewrites the ```output blocks from what pwsh rendered instead, the
/// way to write the output of a block only real pwsh runs (docs/README.md).
/// </summary>
internal static class Program
{
    private const string Usage = "Usage: PSRemoteLinks.PwshExamples --pwsh <pwsh or pwsh.dll> --module <PSRemoteLinks.psd1> [--only README.md|docs/en-US/<page>.md] [--result <file>]";

    private static readonly string[] Known = { "--pwsh", "--module", "--only", "--result" };

    public static async Task<int> Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !options.TryGetValue("--pwsh", out string? pwsh) || !options.TryGetValue("--module", out string? module)
            || options.Keys.Any(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        module = Path.GetFullPath(module);
        if (!File.Exists(module))
        {
            Console.Error.WriteLine($"The module manifest '{module}' does not exist: build the module first (./build.ps1).");
            return 2;
        }

        var files = DocumentedExample.Files().Where(f => !options.TryGetValue("--only", out string? only) || f == only.Replace('\\', '/')).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"--only '{options["--only"]}' names none of: {string.Join(", ", DocumentedExample.Files())}.");
            return 2;
        }

        // The folder that holds the module folder, as a PSModulePath entry holds installed modules.
        var shell = new PwshProcess(pwsh, Path.GetDirectoryName(Path.GetDirectoryName(module))!);
        var examples = files.SelectMany(DocumentedExample.In).Where(e => !e.NoRun).ToList();
        var runs = await RunAllAsync(examples, shell, module).ConfigureAwait(false);
        if (ExampleOutputFile.Updating)
        {
            UpdateOutputBlocks(examples, runs);
        }

        for (int i = 0; i < examples.Count; i++)
        {
            Console.WriteLine(runs[i].Problem is null
                ? "ok    " + examples[i].Where
                : "FAIL  " + runs[i].Problem!.Replace("\n", "\n      ", StringComparison.Ordinal));
        }

        int failed = runs.Count(r => r.Problem is not null);
        int passed = examples.Count - failed;
        Console.WriteLine($"examples: {passed} passed, {failed} failed");
        if (options.TryGetValue("--result", out string? result))
        {
            File.WriteAllText(result, $"{{\"passed\":{passed},\"failed\":{failed}}}\n");
        }

        return failed == 0 && passed > 0 ? 0 : 1;
    }

    private static async Task<ExampleRun[]> RunAllAsync(List<DocumentedExample> examples, PwshProcess shell, string module)
    {
        var runs = new ExampleRun[examples.Count];
        string work = Directory.CreateTempSubdirectory("PSRemoteLinks.PwshExamples.").FullName;
        try
        {
            // Each block has its own pwsh and its own emulator, so they can run side by side; results print in page order.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 4) };
            await Parallel.ForEachAsync(Enumerable.Range(0, examples.Count), parallel, async (i, _) =>
                runs[i] = await RunAsync(examples[i], shell, module, Path.Combine(work, i + ".ps1")).ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return runs;
    }

    private static async Task<ExampleRun> RunAsync(DocumentedExample example, PwshProcess shell, string module, string script)
    {
        await using EmulatorServer server = await EmulatorServer.StartAsync(new EmulatorOptions { SeedSampleData = true }).ConfigureAwait(false);
        // The same seeded jitter as the hosted test: output that depends on the order of concurrent requests fails.
        server.Latency.Random(TimeSpan.Zero, TimeSpan.FromMilliseconds(4), seed: example.Index + 1);
        File.WriteAllText(script, ExampleScript.For(example, server, module));

        var (exitCode, output, errors) = await shell.RunAsync(script).ConfigureAwait(false);
        if (exitCode != 0 || errors.Trim().Length > 0)
        {
            return new ExampleRun(null, $"{example.Where}: pwsh exited with {exitCode}; it wrote errors:\n{errors.Trim()}\nand output:\n{output.Trim()}");
        }

        string rendered = ExampleOutput.Normalize(output, server.JiraUri, server.TrackerUri);
        return new ExampleRun(rendered, ExampleVerdict.Problem(example, rendered));
    }

    /// <summary>Rewrites each block's ```output from its run, page by page from the top, re-reading the page each time.</summary>
    private static void UpdateOutputBlocks(List<DocumentedExample> examples, ExampleRun[] runs)
    {
        for (int i = 0; i < examples.Count; i++)
        {
            if (runs[i].Rendered is { } rendered)
            {
                ExampleOutputFile.Write(DocumentedExample.In(examples[i].File)[examples[i].Index], rendered);
                runs[i] = runs[i] with { Problem = null };
            }
        }
    }

    /// <summary>What a block rendered (null when it failed to run) and what is wrong with it (null when nothing is).</summary>
    private sealed record ExampleRun(string? Rendered, string? Problem);
}
