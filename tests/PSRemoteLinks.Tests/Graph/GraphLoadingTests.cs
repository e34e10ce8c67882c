using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PSRemoteLinks.EngineHost;
using Xunit;

namespace PSRemoteLinks.Tests.Graph
{
    /// <summary>
    /// The layout library is loaded only when an SVG is drawn, and then from the module's folder. Checked in a
    /// process of its own: this one may already have drawn SVGs for other tests, and an assembly never unloads.
    /// </summary>
    public class GraphLoadingTests
    {
        private const string Script = @"
function Loaded { ([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name } | Sort-Object) -join ',' }
'import=' + (Loaded)
$link = [PSRemoteLinks.IssueLink]@{ Issue = 'A-1'; LinkedIssue = 'B-2'; Relationship = 'blocks'; Direction = 'Outward' }
$null = $link | Export-IssueLinkGraph -Format Mermaid
$null = $link | Export-IssueLinkGraph -Format Dot
'text=' + (Loaded)
$svg = $link | Export-IssueLinkGraph -Format Svg
'svg=' + (Loaded)
'boxes=' + ([regex]::Matches($svg, 'class=""issue ')).Count
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'PSRemoteLinks.GraphLayout', 'AutomaticGraphLayout' } | ForEach-Object { 'from=' + $_.Location }
";

        [Fact]
        public async Task Import_and_text_formats_do_not_load_the_layout_library_an_svg_loads_it_from_the_module_folder()
        {
            var (exitCode, output, errors) = await RunFresh(Script);

            Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}\n{output}");
            var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            string[] Names(string prefix) => lines.Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..].Split(',');
            Assert.Contains("PSRemoteLinks", Names("import="));
            foreach (var stage in new[] { "import=", "text=" })
            {
                Assert.DoesNotContain("PSRemoteLinks.GraphLayout", Names(stage));
                Assert.DoesNotContain("AutomaticGraphLayout", Names(stage));
            }

            Assert.Contains("PSRemoteLinks.GraphLayout", Names("svg="));
            Assert.Contains("AutomaticGraphLayout", Names("svg="));
            Assert.Contains("boxes=2", lines);
            var moduleFolder = Path.GetDirectoryName(ModuleLocation.PublishedManifest)!;
            Assert.Equal(
                new[] { Path.Combine(moduleFolder, "AutomaticGraphLayout.dll"), Path.Combine(moduleFolder, "PSRemoteLinks.GraphLayout.dll") },
                lines.Where(l => l.StartsWith("from=", StringComparison.Ordinal)).Select(l => Path.GetFullPath(l[5..])).OrderBy(p => p, StringComparer.Ordinal));
        }

        private static async Task<(int ExitCode, string Output, string Errors)> RunFresh(string script)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PSRemoteLinks.FreshProcess.dll"));
            start.ArgumentList.Add(ModuleLocation.PublishedManifest);
            start.ArgumentList.Add(script);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await errors);
        }
    }
}
