using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// A network that drops, stalls or throttles: what is retried (only what is safe to send twice), how long it
    /// takes at most, what -Verbose says, and what the server holds afterwards.
    /// </summary>
    public class NetworkRetryTests : NetworkEngineTests
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Exists");
        }

        /// <summary>Connects with these options; one with -TimeoutSec 1 should also -SkipVerification, which could time out on a busy machine.</summary>
        private void Connect(string options)
        {
            ConnectJira(options);
            Server.Requests.Clear();
        }

        [Fact]
        public void A_get_whose_connection_is_reset_is_retried_and_the_retry_is_visible_with_reason_and_wait()
        {
            Connect("-MaximumRetryCount 2");
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");
            Server.Faults.Add(Fault.ResetConnection().For("GET", "/remotelink"));

            var result = RunBounded("Get-RemoteIssueLink A-1 -Verbose");

            Assert.Empty(result.Errors);
            Assert.Equal("A", Text(Assert.Single(result.Output), "Title"));
            Assert.Equal(2, Server.Requests.Count);
            var retry = Assert.Single(result.Verbose, v => v.StartsWith("Retrying GET", StringComparison.Ordinal));
            Assert.Matches(@"in \d+(\.\d)? s \(retry 1 of 2\): the connection failed: ", retry);
        }

        [Fact]
        public void A_connection_reset_on_the_put_of_Set_RemoteIssueLink_leaves_the_link_fully_updated()
        {
            Connect("-MaximumRetryCount 2");
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            Server.Faults.Add(Fault.ResetConnection().For("PUT", "/remotelink/"));

            var result = RunBounded("Set-RemoteIssueLink A-1 " + id + " -Title 'Build #1 (rerun)' -PassThru -Verbose");

            Assert.Empty(result.Errors);
            Assert.Equal("Build #1 (rerun)", Text(Assert.Single(result.Output), "Title"));
            var puts = Server.Requests.Where("PUT", "/remotelink/");
            Assert.Equal(2, puts.Count);
            // The retried PUT is the same whole merged object, so sending it twice cannot leave a mix of old and new.
            Assert.Equal(puts[0].Body, puts[1].Body);
            Assert.Single(Server.Requests.Where("GET", "/remotelink/"), r => r.ReceivedAt < puts[0].ReceivedAt);
            Assert.Contains(result.Verbose, v => v.StartsWith("Retrying PUT", StringComparison.Ordinal));

            var stored = Assert.Single(Server.Jira.RemoteLinks("A-1"));
            var expected = JsonNode.Parse(FullLink)!.AsObject();
            expected["object"]!["title"] = "Build #1 (rerun)";
            expected["id"] = id;
            Assert.True(JsonNode.DeepEquals(expected, stored), "stored: " + stored.ToJsonString());
        }

        [Fact]
        public void A_connection_reset_on_the_put_without_retries_leaves_the_link_untouched()
        {
            Connect("-MaximumRetryCount 0");
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            var before = Assert.Single(Server.Jira.RemoteLinks("A-1")).ToJsonString();
            Server.Faults.Add(Fault.ResetConnection().For("PUT", "/remotelink/"));

            var error = OnlyError(RunBounded("Set-RemoteIssueLink A-1 " + id + " -Title 'Build #1 (rerun)' -Summary ''"));

            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal("ConnectionFailed,PSRemoteLinks.Commands.SetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Single(Server.Requests.Where("PUT", "/remotelink/"));
            Assert.Equal(before, Assert.Single(Server.Jira.RemoteLinks("A-1")).ToJsonString());
        }

        [Fact]
        public void A_delete_whose_connection_is_reset_is_retried()
        {
            Connect("-MaximumRetryCount 1");
            var id = Server.Jira.AddRemoteLink("A-1", FullLink);
            Server.Faults.Add(Fault.ResetConnection().For("DELETE", "/remotelink/"));

            var result = RunBounded("Remove-RemoteIssueLink A-1 -Id " + id + " -Confirm:$false -Verbose");

            Assert.Empty(result.Errors);
            Assert.Equal(2, Server.Requests.Where("DELETE", "/remotelink/").Count);
            Assert.Contains(result.Verbose, v => v.StartsWith("Retrying DELETE", StringComparison.Ordinal));
            Assert.Empty(Server.Jira.RemoteLinks("A-1"));
        }

        [Fact]
        public void A_post_with_global_id_whose_connection_is_reset_is_retried_and_leaves_one_link()
        {
            Connect("-MaximumRetryCount 1");
            Server.Faults.Add(Fault.ResetConnection().For("POST", "/remotelink"));

            var result = RunBounded("New-RemoteIssueLink A-1 -Url https://b.example -Title B -GlobalId g-1 -Verbose");

            Assert.Empty(result.Errors);
            Assert.Equal(2, Server.Requests.Where("POST", "/remotelink").Count);
            Assert.Contains(result.Verbose, v => v.StartsWith("Retrying POST", StringComparison.Ordinal));
            Assert.Single(Server.Jira.RemoteLinks("A-1"));
        }

        [Fact]
        public void A_post_without_global_id_whose_connection_is_reset_is_sent_once_and_says_why()
        {
            Connect("-MaximumRetryCount 4");
            // A first request, so the POST goes out on a connection the client has used before (where a stale
            // connection could tempt an HTTP stack into resending it).
            Assert.Empty(Run("Get-RemoteIssueLink A-1").Errors);
            Server.Faults.Add(Fault.ResetConnection().For("POST", "/remotelink"));

            var error = OnlyError(RunBounded("New-RemoteIssueLink A-1 -Url https://b.example -Title B"));

            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("It was not sent again: repeating this POST could do it twice.", error.Exception.Message);
            Assert.Single(Server.Requests.Where("POST", "/remotelink"));
            Assert.Empty(Server.Jira.RemoteLinks("A-1"));
        }

        [Fact]
        public void A_post_without_global_id_that_times_out_is_sent_once()
        {
            Connect("-TimeoutSec 1 -MaximumRetryCount 4 -SkipVerification");
            Server.Faults.Add(Fault.Hang().For("POST", "/remotelink"));

            var error = OnlyError(RunBounded("New-RemoteIssueLink A-1 -Url https://b.example -Title B"));

            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Single(Server.Requests.Where("POST", "/remotelink"));
        }

        [Fact]
        public void TimeoutSec_bounds_each_attempt_and_the_call_is_bounded_by_its_attempts_and_waits()
        {
            Connect("-TimeoutSec 1 -MaximumRetryCount 1 -SkipVerification");
            Server.Faults.Add(Fault.Hang().For("GET", "/remotelink").Times(-1));
            var watch = Stopwatch.StartNew();

            var result = RunBounded("Get-RemoteIssueLink A-1 -Verbose");

            var error = OnlyError(result);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("(-TimeoutSec 1)", error.Exception.Message);
            Assert.Contains("Gave up after 2 attempts (-MaximumRetryCount 1).", error.Exception.Message);
            Assert.Equal(2, Server.Requests.Count);
            // Two 1 s attempts and one backoff of about 1 s; generous for a loaded machine, far from the 100 s default.
            Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2), "both attempts waited their second");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "took " + watch.Elapsed);
            Assert.Contains(result.Verbose, v => v.StartsWith("Retrying GET", StringComparison.Ordinal) && v.EndsWith("(retry 1 of 1): no answer within 1 s", StringComparison.Ordinal));
        }

        [Fact]
        public void A_slow_answer_within_TimeoutSec_is_not_a_timeout()
        {
            Connect("-TimeoutSec 10 -MaximumRetryCount 0");
            Server.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(1.5)).For("GET", "/remotelink"));

            var result = RunBounded("Get-RemoteIssueLink A-1");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { 200 }, Server.Requests.All.Select(r => r.Status).ToArray());
        }

        [Theory]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        public void Gateway_errors_are_retried(int status)
        {
            Connect("-MaximumRetryCount 2");
            Server.Faults.Add(Fault.Status(status, "{\"errorMessages\":[\"upstream\"]}", retryAfter: "0").For("GET", "/remotelink"));

            var result = RunBounded("Get-RemoteIssueLink A-1 -Verbose");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { status, 200 }, Server.Requests.All.Select(r => r.Status).ToArray());
            Assert.Contains(result.Verbose, v => v.Contains("the server answered " + status, StringComparison.Ordinal) && v.Contains("asked to wait 0 s", StringComparison.Ordinal));
        }

        [Fact]
        public void A_500_is_not_retried()
        {
            Connect("-MaximumRetryCount 4");
            Server.Faults.Add(Fault.Status(500, "{\"errorMessages\":[\"NullPointerException\"]}").For("GET", "/remotelink").Times(-1));

            var error = OnlyError(RunBounded("Get-RemoteIssueLink A-1"));

            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
            Assert.Single(Server.Requests.All);
        }

        [Fact]
        public void MaximumRetryCount_0_disables_retrying()
        {
            Connect("-MaximumRetryCount 0");
            Server.Faults.Add(Fault.ServiceUnavailable("0").For("GET", "/remotelink").Times(-1));

            var error = OnlyError(RunBounded("Get-RemoteIssueLink A-1 -Verbose"));

            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
            Assert.Single(Server.Requests.All);
            Assert.DoesNotContain("Gave up", error.Exception.Message);
        }

        [Fact]
        public void Retry_After_as_an_http_date_is_honoured()
        {
            Connect("-MaximumRetryCount 1");
            var when = DateTimeOffset.UtcNow.AddSeconds(2);
            Server.Faults.Add(Fault.Status(503, null, retryAfter: when.ToString("r", CultureInfo.InvariantCulture)).For("GET", "/remotelink"));

            var result = RunBounded("Get-RemoteIssueLink A-1");

            Assert.Empty(result.Errors);
            var requests = Server.Requests.All;
            Assert.Equal(new[] { 503, 200 }, requests.Select(r => r.Status).ToArray());
            // The date has whole seconds: the retry comes no earlier than that second began.
            Assert.True(requests[1].ReceivedAt >= when.AddSeconds(-1), "retried at " + requests[1].ReceivedAt.ToString("O") + " before " + when.ToString("O"));
        }

        [Fact]
        public void A_server_asking_to_wait_longer_than_the_module_waits_is_reported_at_once()
        {
            Connect("-MaximumRetryCount 4");
            Server.Faults.Add(Fault.TooManyRequests("3600").For("GET", "/remotelink"));
            var watch = Stopwatch.StartNew();

            var error = OnlyError(RunBounded("Get-RemoteIssueLink A-1"));

            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
            Assert.Equal("RateLimited,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("asked to wait 3600 s", error.Exception.Message);
            Assert.Single(Server.Requests.All);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
        }
    }
}
