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
    /// </summary>
    public sealed class DocumentationExamplesTests : EngineTest
    {
        public static TheoryData<string, int> Examples() => ExamplesWhere(fence => NeededBranch(fence) == null);

        /// <summary>Blocks that need a cmdlet another branch builds (fences needs-safety, needs-linkcheck): run where that branch is merged.</summary>
        public static TheoryData<string, int> ExamplesNeedingSafety() => ExamplesWhere(fence => NeededBranch(fence) == ExampleFence.NeedsSafety);

        public static TheoryData<string, int> ExamplesNeedingLinkCheck() => ExamplesWhere(fence => NeededBranch(fence) == ExampleFence.NeedsLinkCheck);

        private static TheoryData<string, int> ExamplesWhere(Func<PSRemoteLinks.HelpGenerator.Markdown.Fence, bool> wanted)
        {
            var data = new TheoryData<string, int>();
            foreach (var file in DocumentedExample.Files())
            {
                foreach (var example in DocumentedExample.In(file).Where(e => wanted(e.Code)))
                {
                    data.Add(file, example.Index);
                }
            }

            return data;
        }

        private static string? NeededBranch(PSRemoteLinks.HelpGenerator.Markdown.Fence fence) =>
            ExampleFence.Has(fence, ExampleFence.NeedsSafety) ? ExampleFence.NeedsSafety
            : ExampleFence.Has(fence, ExampleFence.NeedsLinkCheck) ? ExampleFence.NeedsLinkCheck
            : null;

        [Theory]
        [Trait("NeedsBranch", "safety")]
        [MemberData(nameof(ExamplesNeedingSafety))]
        public void A_block_needing_delay_bind_Set_runs_against_the_emulator(string file, int index) =>
            The_block_runs_against_the_emulator_or_names_only_real_commands(file, index);

        [Theory]
        [Trait("NeedsBranch", "linkcheck")]
        [MemberData(nameof(ExamplesNeedingLinkCheck))]
        public void A_block_needing_Test_RemoteIssueLink_runs_against_the_emulator(string file, int index) =>
            The_block_runs_against_the_emulator_or_names_only_real_commands(file, index);

        protected override EmulatorOptions CreateOptions() => new() { SeedSampleData = true };

        [Theory]
        [MemberData(nameof(Examples))]
        public void The_block_runs_against_the_emulator_or_names_only_real_commands(string file, int index)
        {
            var example = DocumentedExample.In(file)[index];
            var check = CommandCheck.Of(example.Code.Code, Shell);
            Assert.True(check.Problems.Count == 0, example.Where + ":\n" + string.Join("\n", check.Problems));

            if (example.NoRun || check.MissingStandardCmdlets.Count > 0)
            {
                Assert.True(example.Output == null,
                    example.Where + ": this block is not run here (" + (example.NoRun ? "no-run" : string.Join(", ", check.MissingStandardCmdlets))
                    + "), so no ```output block can come from a real run; remove it.");
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

            if (example.Output != null)
            {
                Assert.True(ExampleOutput.SameText(example.Output.Code, rendered),
                    $"{example.Where}: the ```output block differs from what the block renders (set {ExampleOutputFile.UpdateVariable}=1 to rewrite it):\n{rendered}");
            }
            else if (example.IsHelpSource)
            {
                Assert.True(rendered.Length == 0,
                    $"{example.Where}: the block renders output that the help does not show (set {ExampleOutputFile.UpdateVariable}=1 to add it):\n{rendered}");
            }
        }

        [Fact]
        public void Every_cmdlet_page_has_at_least_two_examples_that_run_and_show_their_output()
        {
            var pages = Directory.GetFiles(Path.Combine(DocumentedExample.RepositoryRoot, "docs", "en-US"), "*-*.md");
            Assert.Equal(13, pages.Length);
            foreach (var page in pages)
            {
                var file = DocumentedExample.HelpFolder + "/" + Path.GetFileName(page);
                var shown = DocumentedExample.In(file)
                    .Where(e => !e.NoRun && e.Output != null && CommandCheck.Of(e.Code.Code, Shell).MissingStandardCmdlets.Count == 0)
                    .ToList();
                Assert.True(shown.Count >= DocChecker.MinimumRunnableExamples, file + " has " + shown.Count + " examples that run and show their output.");
            }
        }

        [Fact]
        public void A_block_that_cannot_run_still_has_its_module_commands_and_parameters_checked()
        {
            var check = CommandCheck.Of("$c = Get-Credential\nConnect-Jira -Uri https://x.example -Credentia $c -Urii x\nGet-RemoteIsueLink A-1 | Format-Table", Shell);

            // The engine now hosts the full cmdlet set (Microsoft.PowerShell.SDK): nothing standard is missing.
            Assert.Empty(check.MissingStandardCmdlets);
            Assert.Equal(
                new[]
                {
                    "Connect-Jira has no parameter -Urii (line 2).",
                    "'Get-RemoteIsueLink' is not a command of PSRemoteLinks or PowerShell (if it is a standard cmdlet the test engine lacks, list it in CommandCheck).",
                },
                check.Problems);
        }

        private void Connect(DocumentedExample example)
        {
            if (ExampleFence.Has(example.Code, ExampleFence.NoConnect))
            {
                return;
            }

            if (ExampleFence.Has(example.Code, ExampleFence.Tracker) || ExampleFence.Has(example.Code, ExampleFence.NeedsLinkCheck))
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
