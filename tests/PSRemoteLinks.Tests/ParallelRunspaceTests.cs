using System;
using System.Linq;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// PowerShell's own parallelism: connections are per runspace, so a ForEach-Object -Parallel script block uses the
    /// connection object handed to it with $using:, or connects itself. (Start-ThreadJob, shipped as a module beside
    /// pwsh, is tested in real pwsh by tests/Pester.) The module is imported by path here, not installed, so each
    /// block imports it as a user's would from PSModulePath.
    /// </summary>
    public sealed class ParallelRunspaceTests : EngineTest
    {
        private static System.Collections.Generic.Dictionary<string, object?> Module => With("module", PSRemoteLinks.EngineHost.ModuleLocation.PublishedManifest);

        protected override EmulatorOptions CreateOptions() => new() { SeedSampleData = true };

        [Fact]
        public void A_connection_passed_with_using_serves_every_parallel_runspace_with_its_own_credentials()
        {
            var result = Run(@"
                $jira = Connect-Jira -Uri $JiraUri -Credential $JiraCred -PassThru
                'DEMO-1', 'DEMO-2', 'DEMO-3' | ForEach-Object -ThrottleLimit 3 -Parallel {
                    Import-Module $using:module
                    Get-RemoteIssueLink -Issue $_ -Connection $using:jira
                } | Sort-Object Id | ForEach-Object { $_.Issue + ' ' + $_.Title + ' ' + ($_.Connection -eq $jira) }", Module);

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(new[] { "DEMO-1 Build #991 True", "DEMO-1 Safari login notes True" }, result.Output.Select(o => o.ToString()));
            var reads = Server.Requests.Where("GET", "/remotelink");
            Assert.Equal(new[] { "DEMO-1", "DEMO-2", "DEMO-3" }, reads.Select(r => r.Path.Split('/')[^2]).OrderBy(k => k, StringComparer.Ordinal));
            Assert.All(reads, r => Assert.Equal("Basic " + JiraBasic, r.Headers["Authorization"]));
        }

        [Fact]
        public void A_parallel_runspace_has_no_default_connection_and_says_how_to_get_one_before_any_request()
        {
            ConnectJira();
            var before = Server.Requests.Count;

            var result = Run("'DEMO-1' | ForEach-Object -Parallel { Import-Module $using:module; Get-RemoteIssueLink -Issue $_ }", Module);

            var error = Assert.Single(result.Errors);
            Assert.Equal("NoConnection,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Connect-Jira", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("-Connection", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(before, Server.Requests.Count);
        }

        [Fact]
        public void A_connection_made_inside_a_parallel_runspace_stays_there()
        {
            ConnectJira("-Name outer");

            var result = Run(@"
                'DEMO-1' | ForEach-Object -Parallel {
                    Import-Module $using:module
                    Connect-Jira -Uri $using:JiraUri -Credential $using:JiraCred -Name inner
                    (Get-RemoteIssueLink -Issue $_).Count
                    (Get-IssueTrackerConnection).Name
                }
                (Get-IssueTrackerConnection).Name", Module);

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(new[] { "2", "inner", "outer" }, result.Output.Select(o => o.ToString()));
        }
    }
}
