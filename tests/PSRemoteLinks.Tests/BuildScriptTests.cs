using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Threading.Tasks;
using PSRemoteLinks.EngineHost;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// build.ps1 and tests/Pester/TestEmulator.ps1 run here, in the hosted engine, for real: the packaging path end to
    /// end, and the emulator the Pester suite runs against. (build.ps1 -Task Test itself is what .ci/run runs.)
    /// </summary>
    public class BuildScriptTests
    {
        private const string Configuration =
#if DEBUG
            "Debug";
#else
            "Release";
#endif

        private static readonly string Root = ModuleManifestTests.RepositoryRoot();

        private static readonly string EmulatorScript = Path.Combine(Root, "tests", "Pester", "TestEmulator.ps1");

        [Fact]
        public void Build_ps1_Package_publishes_the_module_and_writes_a_package_that_imports()
        {
            var output = Directory.CreateTempSubdirectory("PSRemoteLinks.BuildScriptTests.").FullName;
            try
            {
                using var shell = PowerShellSession.Create();
                // No MSBuild nodes outlive the nested builds of this test.
                var result = shell.Run("$env:MSBUILDDISABLENODEREUSE = '1'; & $build -Task Package -Configuration $configuration -OutputPath $output",
                    new Dictionary<string, object?> { ["build"] = Path.Combine(Root, "build.ps1"), ["configuration"] = Configuration, ["output"] = output });

                Assert.True(result.TerminatingError == null, result.TerminatingError?.ToString() + Environment.NewLine + result.HostText);
                Assert.Empty(result.Errors);
                var version = PublishedModule.PropsVersion();
                var package = Path.Combine(output, "PSRemoteLinks." + version + ".nupkg");
                Assert.True(File.Exists(package), "no package in " + output + Environment.NewLine + result.HostText);
                Assert.Contains("PSRemoteLinks.psd1", PackageTests.Entries(package));
                Assert.True(File.Exists(Path.Combine(output, "PSRemoteLinks", "PSRemoteLinks.psd1")), "the module folder is published beside the package");
                Assert.Contains("Verified PSRemoteLinks." + version + ".nupkg: Test-ModuleManifest passes", result.HostText);
                Assert.Contains("==> Package done.", result.HostText);
            }
            finally
            {
                Directory.Delete(output, recursive: true);
            }
        }

        [Fact]
        public void Build_ps1_refuses_a_task_it_does_not_know_before_doing_anything()
        {
            using var shell = PowerShellSession.Create();

            var result = shell.Run("try { & $build -Task Deploy } catch { $_ }", new Dictionary<string, object?> { ["build"] = Path.Combine(Root, "build.ps1") });

            var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
            Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId);
            Assert.Contains("Build,Test,Package,Clean", error.Exception.Message);
        }

        [Fact]
        public void Build_ps1_refuses_a_suite_it_does_not_know_before_doing_anything()
        {
            using var shell = PowerShellSession.Create();

            var result = shell.Run("try { & $build -Task Test -Suite Pester, Selenium } catch { $_ }", new Dictionary<string, object?> { ["build"] = Path.Combine(Root, "build.ps1") });

            var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
            Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId);
            Assert.Contains("Selenium", error.Exception.Message);
            Assert.Contains("xunit,Pester,Examples,Views,Gallery", error.Exception.Message);
            Assert.DoesNotContain("==>", result.HostText);
        }

        [Fact]
        public async Task Start_TestEmulator_starts_the_seeded_emulator_and_hands_its_address_to_the_suite_and_Stop_TestEmulator_ends_it()
        {
            using var shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);
            var result = shell.Run(@"
                . $helper
                $emulator = Start-TestEmulator -Path $assembly
                try {
                    Set-TestEmulatorEnvironment -Emulator $emulator
                    $emulator.Process.Id
                    $env:PSREMOTELINKS_TEST_JIRA_URI
                    $jiraToken = [System.Net.NetworkCredential]::new('', $env:PSREMOTELINKS_TEST_JIRA_API_TOKEN).SecurePassword
                    $jira = Connect-Jira -Uri $env:PSREMOTELINKS_TEST_JIRA_URI -Credential ([pscredential]::new($env:PSREMOTELINKS_TEST_JIRA_USER, $jiraToken)) -PassThru
                    Get-RemoteIssueLink -Issue DEMO-1 -Connection $jira | ForEach-Object { $_.Title }
                    $trackerToken = [System.Net.NetworkCredential]::new('', $env:PSREMOTELINKS_TEST_TRACKER_TOKEN).SecurePassword
                    $tracker = Connect-YandexTracker -Uri $env:PSREMOTELINKS_TEST_TRACKER_URI -Token $trackerToken -OrgId $env:PSREMOTELINKS_TEST_TRACKER_ORG_ID -PassThru
                    Get-RemoteIssueLink -Issue TREK-1 -Connection $tracker | ForEach-Object { $_.Key }
                }
                finally {
                    Stop-TestEmulator -Emulator $emulator
                    Clear-TestEmulatorEnvironment
                }",
                new Dictionary<string, object?> { ["helper"] = EmulatorScript, ["assembly"] = StandaloneEmulator.Assembly });

            Assert.True(result.TerminatingError == null, result.TerminatingError?.ToString());
            Assert.Empty(result.Errors);
            var values = result.Output.Select(o => o.BaseObject).ToList();
            var processId = Assert.IsType<int>(values[0]);
            var jiraUri = new Uri(Assert.IsType<string>(values[1]));
            Assert.Equal(new object[] { "Build #991", "Safari login notes", "PR-42" }, values.Skip(2));
            Assert.Null(Environment.GetEnvironmentVariable("PSREMOTELINKS_TEST_JIRA_URI"));
            Assert.True(HasEnded(processId), "the emulator process ended");
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(jiraUri));
        }

        [Fact]
        public void Start_TestEmulator_hands_more_options_to_the_emulator_such_as_a_fault_to_serve()
        {
            using var shell = PowerShellSession.Create();
            var result = shell.Run(@"
                . $helper
                $emulator = Start-TestEmulator -Path $assembly -ArgumentList '--fault', '500:/myself'
                try {
                    (Invoke-WebRequest -Uri ($emulator.JiraUri + '/rest/api/2/myself') -SkipHttpErrorCheck).StatusCode
                    (Invoke-WebRequest -Uri ($emulator.JiraUri + '/rest/api/2/issue/DEMO-1') -SkipHttpErrorCheck).StatusCode
                }
                finally {
                    Stop-TestEmulator -Emulator $emulator
                }",
                new Dictionary<string, object?> { ["helper"] = EmulatorScript, ["assembly"] = StandaloneEmulator.Assembly });

            Assert.True(result.TerminatingError == null, result.TerminatingError?.ToString());
            Assert.Equal(new object[] { 500, 401 }, result.Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void Start_TestEmulator_names_a_missing_emulator_build()
        {
            using var shell = PowerShellSession.Create();
            var missing = Path.Combine(Root, "nowhere", "PSRemoteLinks.Emulator.dll");

            var result = shell.Run(". $helper; Start-TestEmulator -Path $missing", new Dictionary<string, object?> { ["helper"] = EmulatorScript, ["missing"] = missing });

            Assert.NotNull(result.TerminatingError);
            Assert.Contains(missing, result.TerminatingError!.Message);
            Assert.Contains("dotnet build tests/Emulator", result.TerminatingError.Message);
        }

        [Fact]
        public void ConvertFrom_EmulatorBanner_says_what_it_was_given_when_the_banner_lacks_the_addresses()
        {
            using var shell = PowerShellSession.Create();

            var result = shell.Run(". $helper; ConvertFrom-EmulatorBanner -Line 'Something else entirely', 'Press Ctrl+C'", new Dictionary<string, object?> { ["helper"] = EmulatorScript });

            Assert.NotNull(result.TerminatingError);
            Assert.Contains("did not name its Jira and Tracker addresses", result.TerminatingError!.Message);
            Assert.Contains("Something else entirely", result.TerminatingError.Message);
        }

        private static bool HasEnded(int processId)
        {
            try
            {
                using var process = Process.GetProcessById(processId);
                return process.HasExited;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }
    }
}
