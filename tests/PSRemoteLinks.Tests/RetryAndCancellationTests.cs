using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    public class RetryAndCancellationTests : EngineTest
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Exists");
            ConnectJira();
        }

        [Fact]
        public void A_429_with_Retry_After_is_retried_and_succeeds()
        {
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");
            Server.Faults.Add(Fault.TooManyRequests("1").For("GET", "/remotelink"));
            var watch = Stopwatch.StartNew();

            var result = Run("Get-RemoteIssueLink A-1 -Verbose");

            Assert.Empty(result.Errors);
            Assert.Equal("A", Text(Assert.Single(result.Output), "Title"));
            Assert.Equal(new[] { 429, 200 }, Server.Requests.Where("GET", "/remotelink").Select(r => r.Status).ToArray());
            Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), "the Retry-After second was honoured");
            Assert.Contains(result.Verbose, v => v.StartsWith("Retrying GET", StringComparison.Ordinal) && v.Contains("429"));
        }

        [Fact]
        public void A_503_on_a_post_without_global_id_is_sent_once_only()
        {
            Server.Faults.Add(Fault.ServiceUnavailable("0").For("POST", "/remotelink").Times(-1));

            var error = SingleError(Run("New-RemoteIssueLink A-1 -Url https://x.example -Title T"));

            Assert.Single(Server.Requests.Where("POST", "/remotelink"));
            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
            Assert.Empty(Server.Jira.RemoteLinks("A-1"));
        }

        [Fact]
        public void A_post_with_global_id_is_an_upsert_and_is_retried()
        {
            Server.Faults.Add(Fault.ServiceUnavailable("0").For("POST", "/remotelink"));

            var result = Run("New-RemoteIssueLink A-1 -Url https://x.example -Title T -GlobalId g-1");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { 503, 201 }, Server.Requests.Where("POST", "/remotelink").Select(r => r.Status).ToArray());
            Assert.Single(Server.Jira.RemoteLinks("A-1"));
        }

        [Fact]
        public void Retries_are_bounded_by_MaximumRetryCount()
        {
            ConnectJira("-MaximumRetryCount 2");
            Server.Requests.Clear();
            Server.Faults.Add(Fault.TooManyRequests("0").Times(-1));

            var error = SingleError(Run("Get-RemoteIssueLink A-1"));

            Assert.Equal(3, Server.Requests.Count);
            Assert.Contains("429", error.Exception.Message);
        }

        [Fact]
        public async Task Stopping_the_pipeline_while_the_server_hangs_returns_promptly_and_leaves_nothing_running()
        {
            Server.Faults.Add(Fault.Hang().Times(-1));
            var running = Start("Get-RemoteIssueLink A-1");
            Assert.True(SpinUntil(() => Server.Requests.InFlight == 1, TimeSpan.FromSeconds(10)), "the request reached the server");

            await AssertStopsPromptly(running);
        }
    }
}
