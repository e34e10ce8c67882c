using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using PSRemoteLinks.EngineHost;
using PSRemoteLinks.HelpGenerator;
using PSRemoteLinks.HelpGenerator.Markdown;
using PSRemoteLinks.Tests.Documentation;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// The help generator refuses help sources that disagree with the built module, saying where and what, and
    /// writes nothing then; it accepts the repository's sources. It runs in-process on a copy of docs/en-US.
    /// </summary>
    public sealed class HelpGeneratorTests : IDisposable
    {
        private readonly string _work = Path.Combine(Path.GetTempPath(), "psrl-help-" + Guid.NewGuid().ToString("N"));
        private readonly string _docs;
        private readonly string _out;

        public HelpGeneratorTests()
        {
            _docs = Path.Combine(_work, "docs");
            _out = Path.Combine(_work, "out");
            Directory.CreateDirectory(_docs);
            foreach (var file in Directory.GetFiles(Path.Combine(DocumentedExample.RepositoryRoot, "docs", "en-US"), "*.md"))
            {
                File.Copy(file, Path.Combine(_docs, Path.GetFileName(file)));
            }
        }

        private static string ModuleAssembly => Path.Combine(Path.GetDirectoryName(ModuleLocation.PublishedManifest)!, "PSRemoteLinks.dll");

        private static string Manifest => Path.Combine(DocumentedExample.RepositoryRoot, "PSRemoteLinks.psd1");

        public void Dispose() => Directory.Delete(_work, recursive: true);

        [Fact]
        public void The_repository_help_sources_become_MAML_for_every_cmdlet_and_the_about_topic()
        {
            var (code, log) = Generate();

            Assert.True(code == 0, log);
            var maml = XDocument.Load(Path.Combine(_out, "PSRemoteLinks.dll-Help.xml"));
            XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
            var names = maml.Descendants(command + "details").Select(d => d.Element(command + "name")!.Value).ToList();
            Assert.Equal(15, names.Count);
            Assert.Contains("Connect-YandexTracker", names);
            Assert.True(File.Exists(Path.Combine(_out, "about_PSRemoteLinks.help.txt")));
        }

        [Fact]
        public void A_page_that_misses_a_parameter_of_the_cmdlet_is_refused_with_the_section_to_add()
        {
            Edit("Get-IssueLinkType.md", text => RemoveSection(text, "### -ThrottleLimit"));

            var (code, log) = Generate();

            Assert.Equal(1, code);
            Assert.Contains("Get-IssueLinkType.md(", log, StringComparison.Ordinal);
            Assert.Contains("error PSRLHELP: Get-IssueLinkType has the parameter -ThrottleLimit, which is not documented", log, StringComparison.Ordinal);
            Assert.Contains("Default value: 4", log, StringComparison.Ordinal);
            Assert.False(Directory.Exists(_out), "nothing is written when the sources are refused");
        }

        [Fact]
        public void A_page_that_documents_a_parameter_the_cmdlet_lacks_is_refused()
        {
            Edit("Get-IssueLinkType.md", text => text.Replace("### -Connection", "### -Force\nForces it.\n\n```yaml\nType: SwitchParameter\n```\n\n### -Connection", StringComparison.Ordinal));

            var (code, log) = Generate();

            Assert.Equal(1, code);
            Assert.Contains("documents -Force, which Get-IssueLinkType does not have", log, StringComparison.Ordinal);
        }

        [Fact]
        public void A_parameter_fact_that_differs_from_the_compiled_cmdlet_is_refused_with_the_true_value()
        {
            Edit("Remove-IssueLink.md", text => ReplaceInSection(text, "### -Id", "Position: 1", "Position: 2"));

            var (code, log) = Generate();

            Assert.Equal(1, code);
            Assert.Contains("-Id: says 'Position: 2', but the compiled cmdlet has 'Position: 1'", log, StringComparison.Ordinal);
        }

        [Fact]
        public void A_syntax_that_differs_from_the_compiled_cmdlet_is_refused_with_the_true_syntax()
        {
            Edit("Get-IssueLink.md", text => text.Replace("Get-IssueLink [-Issue] <String[]>", "Get-IssueLink -Issue <String[]>", StringComparison.Ordinal));

            var (code, log) = Generate();

            Assert.Equal(1, code);
            Assert.Contains("the syntax differs from the compiled cmdlet's", log, StringComparison.Ordinal);
            Assert.Contains("Get-IssueLink [-Issue] <String[]> [-Recurse] [-Depth <Int32>] [-Relationship <String[]>] [-Connection <IssueTrackerConnection>] [-ThrottleLimit <Int32>] [<CommonParameters>]", log, StringComparison.Ordinal);
        }

        [Fact]
        public void A_page_that_leaves_out_a_parameter_set_is_refused_with_every_sets_syntax()
        {
            // Get-RemoteIssueLink's default set "All" is named by no parameter, yet PowerShell binds it.
            Edit("Get-RemoteIssueLink.md", text => text.Replace("Get-RemoteIssueLink [-Issue] <String[]> [-Connection <IssueTrackerConnection>] [-ThrottleLimit <Int32>] [<CommonParameters>]\n\n", string.Empty, StringComparison.Ordinal));

            var (code, log) = Generate();

            Assert.Equal(1, code);
            Assert.Contains("Get-RemoteIssueLink.md", log, StringComparison.Ordinal);
            Assert.Contains("the syntax differs from the compiled cmdlet's", log, StringComparison.Ordinal);
            Assert.Contains("Get-RemoteIssueLink [-Issue] <String[]> [-Connection <IssueTrackerConnection>] [-ThrottleLimit <Int32>] [<CommonParameters>]", log, StringComparison.Ordinal);
        }

        [Fact]
        public void The_syntax_of_every_cmdlet_is_what_Get_Command_Syntax_shows_and_Get_Help_shows_every_set()
        {
            using var shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);
            var cmdlets = HelpGenerator.Cmdlets.CompiledModule.Read(ModuleAssembly);

            foreach (var cmdlet in cmdlets)
            {
                var engine = shell.Run("(Get-Command $name -Syntax) -split '\r?\n' | Where-Object { $_.Trim() }", new Dictionary<string, object?> { ["name"] = cmdlet.Name });
                // Get-Command shows a DontShow parameter (the hidden -InputObject that receives a piped link); help, like
                // PowerShell's own, leaves it out.
                var hidden = shell.Run("(Get-Command $name).Parameters.Values | Where-Object { $_.Attributes | Where-Object { $_ -is [Parameter] -and $_.DontShow } } | ForEach-Object Name", new Dictionary<string, object?> { ["name"] = cmdlet.Name })
                    .Output.Select(o => o.ToString()!).ToHashSet(StringComparer.Ordinal);
                var help = shell.Run("@((Get-Help $name -Full).syntax.syntaxItem).Count", new Dictionary<string, object?> { ["name"] = cmdlet.Name });

                // Get-Command words types its own way (<int>, <long>) and orders sets and parameters its own way: each
                // of its lines must have a help line with the same parameters, one line per set.
                Assert.Equal(
                    engine.Output.Select(o => ParameterNames(o.ToString()!, hidden)).OrderBy(l => l, StringComparer.Ordinal),
                    HelpGenerator.Cmdlets.SyntaxText.Lines(cmdlet).Select(l => ParameterNames(l, hidden)).OrderBy(l => l, StringComparer.Ordinal));
                Assert.Equal(engine.Output.Count, (int)help.Output.Single().BaseObject);
            }

            Assert.Equal(3, HelpGenerator.Cmdlets.SyntaxText.Lines(cmdlets.Single(c => c.Name == "Get-RemoteIssueLink")).Count);
        }

        [Fact]
        public void A_missing_page_and_a_page_for_no_cmdlet_are_refused()
        {
            File.Move(Path.Combine(_docs, "New-IssueLink.md"), Path.Combine(_docs, "New-IssueLinks.md"));

            var (code, log) = Generate();

            Assert.Equal(1, code);
            Assert.Contains("New-IssueLink has no help source", log, StringComparison.Ordinal);
            Assert.Contains("documents New-IssueLinks, which the module does not have", log, StringComparison.Ordinal);
        }

        [Fact]
        public void A_shared_parameter_worded_differently_on_one_page_is_refused()
        {
            Edit("Get-IssueLink.md", text => ReplaceInSection(text, "### -ThrottleLimit", "How many requests", "How many calls"));

            var (code, log) = Generate();

            Assert.Equal(1, code);
            Assert.Contains("-ThrottleLimit comes from LinkCmdletBase, shared with other cmdlets, and must read the same everywhere", log, StringComparison.Ordinal);
        }

        [Fact]
        public void Too_few_runnable_examples_an_unknown_block_option_and_a_placeholder_are_refused()
        {
            Edit("Get-IssueLinkType.md", text => text
                .Replace("```powershell tracker", "```powershell no-run", StringComparison.Ordinal)
                .Replace("```powershell\nGet-IssueLinkType | ForEach-Object", "```powershell norun\nGet-IssueLinkType | ForEach-Object", StringComparison.Ordinal)
                .Replace("## NOTES\n", "## NOTES\nTODO\n\n", StringComparison.Ordinal));

            var (code, log) = Generate();

            Assert.Equal(1, code);
            Assert.Contains("'norun' is not a ```powershell option", log, StringComparison.Ordinal);
            Assert.Contains("'TODO' is a placeholder left to fill in", log, StringComparison.Ordinal);
            Edit("Get-IssueLinkType.md", text => text.Replace("```powershell norun", "```powershell no-run", StringComparison.Ordinal));
            Assert.Contains("Get-IssueLinkType has 1 runnable example(s); it needs at least 2", Generate().Log, StringComparison.Ordinal);
        }

        [Fact]
        public void The_markdown_reader_refuses_tables_and_unclosed_blocks()
        {
            var problems = new List<string>();

            MarkdownReader.Read("Text\n\n| a | b |\n\n```powershell\nGet-IssueLink A-1\n", (line, problem) => problems.Add(line + ": " + problem));

            Assert.Equal(2, problems.Count);
            Assert.StartsWith("3: tables", problems[0], StringComparison.Ordinal);
            Assert.StartsWith("5: the code block opened here is never closed", problems[1], StringComparison.Ordinal);
        }

        /// <summary>The names of a syntax line's parameters, sorted.</summary>
        private static string ParameterNames(string line, HashSet<string> hidden) => string.Join(" ", System.Text.RegularExpressions.Regex
            .Matches(line, @"(?<=[\s\[])-(\w+)").Select(m => m.Groups[1].Value).Where(n => !hidden.Contains(n)).OrderBy(n => n, StringComparer.Ordinal));

        private (int Code, string Log) Generate()
        {
            using var log = new StringWriter();
            var code = HelpBuild.Run(_docs, ModuleAssembly, Manifest, _out, log);
            return (code, log.ToString());
        }

        private void Edit(string file, Func<string, string> change)
        {
            var path = Path.Combine(_docs, file);
            var before = File.ReadAllText(path);
            var after = change(before);
            Assert.NotEqual(before, after);
            File.WriteAllText(path, after);
        }

        /// <summary>The text without the "### heading" section (up to the next heading).</summary>
        private static string RemoveSection(string text, string heading)
        {
            var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
            var end = text.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
            return text[..start] + text[(end + 1)..];
        }

        private static string ReplaceInSection(string text, string heading, string from, string to)
        {
            var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
            var end = text.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
            var section = text[start..end];
            Assert.Contains(from, section, StringComparison.Ordinal);
            return text[..start] + section.Replace(from, to, StringComparison.Ordinal) + text[end..];
        }
    }
}
