using System;
using System.IO;
using System.Linq;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.HelpGenerator.Docs;
using PSRemoteLinks.Tests.Documentation;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// Every ```powershell block of README.md and of the help sources is a test (conventions: docs/README.md): it
    /// runs in a fresh session against the seeded emulator without any error, and renders exactly its ```output
    /// block; or, when it cannot run here, every PSRemoteLinks command and parameter it names exists.
    /// tests/PwshExamples runs the same blocks, judged the same way, in a real pwsh (.ci/run, build.ps1 -Task Test).
    /// </summary>
    public sealed class DocumentationExamplesTests : EngineTest
    {
        public static TheoryData<string, int> Examples()
        {
            var data = new TheoryData<string, int>();
            foreach (var file in DocumentedExample.Files())
            {
                foreach (var example in DocumentedExample.In(file))
                {
                    data.Add(file, example.Index);
                }
            }

            return data;
        }

        // The examples are written for an installed module: a runspace of ForEach-Object -Parallel loads it by name.
        static DocumentationExamplesTests() => PSRemoteLinks.EngineHost.ModuleLocation.PutOnModulePath();

        protected override EmulatorOptions CreateOptions() => new() { SeedSampleData = true };

        [Theory]
        [MemberData(nameof(Examples))]
        public void The_block_runs_against_the_emulator_or_names_only_real_commands(string file, int index)
        {
            var example = DocumentedExample.In(file)[index];
            var check = CommandCheck.Of(example.Code.Code, Shell);
            Assert.True(check.Problems.Count == 0, example.Where + ":\n" + string.Join("\n", check.Problems));

            if (example.NoRun)
            {
                Assert.True(example.Output == null,
                    example.Where + ": this block is not run (no-run), so no ```output block can come from a real run; remove it.");
                return;
            }

            if (!check.RunsInHostedEngine)
            {
                // It calls a module pwsh ships beside the engine: tests/PwshExamples runs it and checks its output.
                return;
            }

            Connect(example);

            // Jitter each request so a block whose output depends on the order concurrent requests reach the server
            // (server-assigned ids of links created several at a time) fails here, not once in a while in CI.
            Server.Latency.Random(TimeSpan.Zero, TimeSpan.FromMilliseconds(4), seed: example.Index + 1);
            var result = Run(". {\n" + example.Code.Code + "\n} | Out-Default");
            var errors = result.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e).ToList();
            if (result.TerminatingError != null)
            {
                errors.Add("terminating: " + result.TerminatingError.Message);
            }

            Assert.True(errors.Count == 0, example.Where + " wrote errors:\n" + string.Join("\n", errors));
            var rendered = ExampleOutput.Normalize(result.HostText, Server.JiraUri, Server.TrackerUri);
            if (ExampleOutputFile.Updating)
            {
                ExampleOutputFile.Write(example, rendered);
                return;
            }

            var problem = ExampleVerdict.Problem(example, rendered);
            Assert.True(problem == null, problem);
        }

        [Fact]
        public void Every_cmdlet_page_has_at_least_two_examples_that_run_and_show_their_output()
        {
            var pages = Directory.GetFiles(Path.Combine(DocumentedExample.RepositoryRoot, "docs", "en-US"), "*-*.md");
            Assert.Equal(15, pages.Length);
            foreach (var page in pages)
            {
                var file = DocumentedExample.HelpFolder + "/" + Path.GetFileName(page);
                var shown = DocumentedExample.In(file)
                    .Where(e => !e.NoRun && e.Output != null && CommandCheck.Of(e.Code.Code, Shell).RunsInHostedEngine)
                    .ToList();
                Assert.True(shown.Count >= DocChecker.MinimumRunnableExamples, file + " has " + shown.Count + " examples that run and show their output.");
            }
        }

        [Fact]
        public void A_block_that_cannot_run_still_has_its_module_commands_and_parameters_checked()
        {
            var check = CommandCheck.Of("$c = Get-Credential\nConnect-Jira -Uri https://x.example -Credentia $c -Urii x\nGet-RemoteIsueLink A-1 | Format-Table\nStart-ThreadJob { }", Shell);

            // The engine hosts the full cmdlet set (Microsoft.PowerShell.SDK); only modules pwsh ships beside it are missing.
            Assert.Equal(new[] { "Start-ThreadJob" }, check.RealPwshOnlyCommands);
            Assert.Equal(
                new[]
                {
                    "Connect-Jira has no parameter -Urii (line 2).",
                    "'Get-RemoteIsueLink' is not a command of PSRemoteLinks or PowerShell (a command of a module pwsh ships beside the engine goes in CommandCheck.ShippedModuleCommands).",
                },
                check.Problems);
        }

        private void Connect(DocumentedExample example)
        {
            if (ExampleFence.Has(example.Code, ExampleFence.NoConnect))
            {
                return;
            }

            if (ExampleFence.Has(example.Code, ExampleFence.Tracker))
            {
                ConnectTracker();
            }
            else
            {
                ConnectJira();
            }
        }
    }
}
