using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.EngineHost;

namespace PSRemoteLinks.Quickstart
{
    /// <summary>Runs the tour: each step is echoed as typed at a prompt, then rendered as PowerShell would show it.</summary>
    public static class QuickstartRunner
    {
        /// <param name="graphPath">Where the tour's SVG step writes its picture ($GraphPath); a new temporary file when not given.</param>
        public static async Task<int> RunAsync(TextWriter output, string? scriptPath = null, string? graphPath = null)
        {
            scriptPath ??= Path.Combine(AppContext.BaseDirectory, "quickstart.ps1");
            graphPath = Path.GetFullPath(graphPath ?? Path.Combine(Path.GetTempPath(), "psremotelinks-quickstart-" + Guid.NewGuid().ToString("N")[..8] + ".svg"));
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { SeedSampleData = true });
            using var shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);
            var options = server.Options;
            var variables = new Dictionary<string, object?>
            {
                ["JiraUri"] = server.JiraUri,
                ["JiraCred"] = new PSCredential(options.JiraUser, Secure(options.JiraApiToken)),
                ["TrackerUri"] = server.TrackerUri,
                ["TrackerToken"] = Secure(options.TrackerOAuthToken),
                ["OrgId"] = options.TrackerOrgId,
                ["GraphPath"] = graphPath,
            };

            output.WriteLine("PSRemoteLinks quickstart against the loopback emulator");
            output.WriteLine("  $JiraUri    = " + server.JiraUri + "  ($JiraCred: " + options.JiraUser + " with the demo API token)");
            output.WriteLine("  $TrackerUri = " + server.TrackerUri + "  ($OrgId = " + options.TrackerOrgId + ", $TrackerToken: the demo OAuth token)");
            output.WriteLine("  $GraphPath  = " + graphPath + "  (the dependency graph the tour draws)");
            output.WriteLine();

            // Progress bars are transient on a console; in a transcript they would only add noise.
            shell.Run("$ProgressPreference = 'SilentlyContinue'");
            var failures = 0;
            var steps = ScriptSteps.Parse(await File.ReadAllTextAsync(scriptPath));
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                output.WriteLine("## " + (i + 1) + ". " + step.Title);
                foreach (var line in step.Code.Split(Environment.NewLine))
                {
                    output.WriteLine("PS> " + line);
                }

                // Errors are rendered with the output, as a console shows them; $Error tells whether there were any.
                var errorsBefore = ErrorCount(shell);
                var result = shell.RunRendered(step.Code, variables);
                output.Write(result.HostText.TrimEnd() + Environment.NewLine);
                if (result.TerminatingError != null || ErrorCount(shell) != errorsBefore)
                {
                    failures++;
                    output.WriteLine("!! step " + (i + 1) + " failed" + (result.TerminatingError != null ? ": " + result.TerminatingError.Message : "."));
                }

                output.WriteLine();
            }

            output.WriteLine(failures == 0 ? "All " + steps.Count + " steps ran." : failures + " of " + steps.Count + " steps failed.");
            return failures == 0 ? 0 : 1;
        }

        private static int ErrorCount(PowerShellSession shell) => (int)shell.Run("$Error.Count").Output.Single().BaseObject;

        private static System.Security.SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;
    }
}
