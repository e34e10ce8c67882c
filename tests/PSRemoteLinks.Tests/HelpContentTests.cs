using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSRemoteLinks.EngineHost;
using PSRemoteLinks.HelpGenerator.Docs;
using PSRemoteLinks.Tests.Documentation;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// What Get-Help shows for the published module, in the hosted engine: every cmdlet's synopsis, description,
    /// parameters and examples come from its help source, and the about topic is found.
    /// </summary>
    public sealed class HelpContentTests : IDisposable
    {
        private const string Extract = @"
$help = Get-Help -Name $name -Full
[pscustomobject]@{
    Synopsis    = $help.Synopsis
    Description = @($help.description | ForEach-Object { $_.Text.Trim() }) -join ""`n""
    Parameters  = @($help.parameters.parameter | ForEach-Object {
        [pscustomobject]@{ Name = [string]$_.name; Text = @($_.description | ForEach-Object { $_.Text.Trim() }) -join ""`n"" }
    })
    Examples    = @($help.examples.example | ForEach-Object { $_.code })
}";

        // The engine's own parameters, which Get-Help describes under <CommonParameters>.
        private static readonly string[] CommonParameters =
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
            "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        };

        private readonly PowerShellSession _shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);

        public static TheoryData<string> Cmdlets()
        {
            var data = new TheoryData<string>();
            using var shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);
            foreach (var name in shell.Run("(Get-Command -Module PSRemoteLinks).Name").Output.Select(o => o.ToString()))
            {
                data.Add(name);
            }

            return data;
        }

        public void Dispose() => _shell.Dispose();

        [Fact]
        public void The_help_of_all_fifteen_exported_cmdlets_is_checked()
        {
            Assert.Equal(15, Cmdlets().Count);
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Get_Help_Full_shows_the_help_source(string name)
        {
            var doc = HelpSource(name);
            var help = Assert.Single(_shell.Run(Extract, new Dictionary<string, object?> { ["name"] = name }).Output);

            Assert.Equal(Prose.ToParagraphs(doc.Synopsis).Single(), help.Properties["Synopsis"].Value);
            Assert.Equal(string.Join("\n", Prose.ToParagraphs(doc.Description)), help.Properties["Description"].Value);

            var parameters = ((object[])help.Properties["Parameters"].Value).Cast<PSObject>()
                .ToDictionary(p => (string)p.Properties["Name"].Value, p => (string)p.Properties["Text"].Value);
            // A DontShow parameter (-InputObject, which only receives the piped object) is left out of help.
            var expected = _shell.Run("(Get-Command $name).Parameters.Values | Where-Object { -not ($_.Attributes | Where-Object { $_ -is [Parameter] -and $_.DontShow }) } | ForEach-Object Name", new Dictionary<string, object?> { ["name"] = name })
                .Output.Select(o => o.ToString()).Except(CommonParameters).ToList();
            Assert.Equal(expected.OrderBy(p => p), parameters.Keys.OrderBy(p => p));
            foreach (var parameter in doc.Parameters)
            {
                Assert.StartsWith(string.Join("\n", Prose.ToParagraphs(parameter.Description)), parameters[parameter.Name], StringComparison.Ordinal);
            }

            var examples = ((object[])help.Properties["Examples"].Value).Select(e => e.ToString()!).ToList();
            Assert.True(examples.Count >= 2, name + " shows " + examples.Count + " examples.");
            Assert.Equal(doc.Examples.Count, examples.Count);
            foreach (var (source, shown) in doc.Examples.Zip(examples))
            {
                Assert.StartsWith(source.Code.Code, shown, StringComparison.Ordinal);
                Assert.EndsWith(source.Output?.Code ?? source.Code.Code, shown, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Get_Help_shows_a_documented_example_with_the_output_it_renders()
        {
            var text = _shell.Render("Get-Help Get-IssueLink -Examples");

            Assert.Contains("PS > Get-IssueLink DEMO-1", text, StringComparison.Ordinal);
            Assert.Contains("Issue: DEMO-1", text, StringComparison.Ordinal);
            Assert.Contains("is blocked by      DEMO-3         Done", text, StringComparison.Ordinal);
            Assert.Contains("DEMO-1 is blocked by DEMO-3, which is Done.", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Get_Help_shows_a_parameter_with_its_facts()
        {
            var text = _shell.Render("Get-Help Get-RemoteIssueLink -Parameter Issue");

            Assert.Contains("-Issue <String[]>", text, StringComparison.Ordinal);
            Assert.Matches(@"Required\?\s+true", text);
            Assert.Matches(@"Position\?\s+0", text);
            Assert.Matches(@"Accept pipeline input\?\s+True \(ByValue, ByPropertyName\)", text);
        }

        [Fact]
        public void Get_Help_about_PSRemoteLinks_shows_the_about_topic()
        {
            var result = _shell.Run("Get-Help about_PSRemoteLinks | Out-Default");
            Assert.Empty(result.Errors);

            var text = result.HostText;
            foreach (var section in new[] { "SHORT DESCRIPTION", "CONNECTING", "THE OBJECTS", "RELATIONSHIPS AND DIRECTIONS", "BULK WORK AND THROTTLING", "ERRORS AND RETRIES", "TROUBLESHOOTING" })
            {
                Assert.Contains("\n" + section + "\n", text, StringComparison.Ordinal);
            }

            Assert.Contains("Connect-YandexTracker -Uri $TrackerUri", text, StringComparison.Ordinal);
        }

        [Fact]
        public void The_about_topic_fits_80_columns()
        {
            var path = Path.Combine(PublishedFolder, "en-US", "about_PSRemoteLinks.help.txt");
            var wide = File.ReadAllLines(path).Where(l => l.Length > 80).ToList();
            Assert.True(wide.Count == 0, "Lines wider than 80 columns:\n" + string.Join("\n", wide));
        }

        [Fact]
        public void The_published_module_carries_the_help_files_and_not_the_generator()
        {
            Assert.True(File.Exists(Path.Combine(PublishedFolder, "en-US", "PSRemoteLinks.dll-Help.xml")));
            Assert.True(File.Exists(Path.Combine(PublishedFolder, "en-US", "about_PSRemoteLinks.help.txt")));
            Assert.Empty(Directory.GetFiles(PublishedFolder, "PSRemoteLinks.HelpGenerator*"));
        }

        private static string PublishedFolder => Path.GetDirectoryName(ModuleLocation.PublishedManifest)!;

        private static CommandDoc HelpSource(string name)
        {
            var path = DocumentedExample.FullPath(DocumentedExample.HelpFolder + "/" + name + ".md");
            var problems = new List<string>();
            var doc = CommandDocReader.Read(path, File.ReadAllText(path), (line, problem) => problems.Add(line + ": " + problem));
            Assert.Empty(problems);
            return doc;
        }
    }
}
