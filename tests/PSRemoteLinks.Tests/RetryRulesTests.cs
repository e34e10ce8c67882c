using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// Retries that are right: a 429 is retried for every method (the service refused, so nothing was done), and a
    /// DELETE repeated after its answer was lost counts as done when it finds the object gone.
    /// </summary>
    public class RetryRulesTests : NetworkEngineTests
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Fix the parser");
            Server.Jira.AddIssue("B-2", "Ship the release");
            Server.Tracker.AddIssue("TREK-1", "Has external links");
            Server.Tracker.AddIssue("TREK-2", "Linked");
        }

        [Fact]
        public void A_429_on_the_plain_post_of_New_IssueLink_is_retried_and_creates_exactly_one_link()
        {
            ConnectJira("-MaximumRetryCount 2");
            Server.Faults.Add(Fault.TooManyRequests("0").For("POST", "/issueLink"));

            var result = RunBounded("New-IssueLink A-1 -LinkedIssue B-2 -Relationship blocks -Verbose");

            Assert.Empty(result.Errors);
            Assert.Equal("B-2", Text(Assert.Single(result.Output), "LinkedIssue"));
            Assert.Equal(new[] { 429, 201 }, Server.Requests.Where("POST", "/issueLink").Select(r => r.Status).ToArray());
            Assert.Single(Server.Jira.IssueLinks("A-1"));
            Assert.Contains(result.Verbose, v => v.StartsWith("Retrying POST", StringComparison.Ordinal) && v.Contains("429", StringComparison.Ordinal));
        }

        [Fact]
        public void A_429_on_the_plain_post_of_a_Tracker_external_link_is_retried_and_creates_exactly_one_link()
        {
            ConnectTracker("-MaximumRetryCount 2");
            Server.Faults.Add(Fault.TooManyRequests("0").For("POST", "/remotelinks"));

            var result = RunBounded("New-RemoteIssueLink TREK-1 -Key PR-42 -Origin ru.yandex.bitbucket");

            Assert.Empty(result.Errors);
            Assert.Equal("PR-42", Text(Assert.Single(result.Output), "Key"));
            Assert.Equal(new[] { 429, 201 }, Server.Requests.Where("POST", "/remotelinks").Select(r => r.Status).ToArray());
            Assert.Single(Server.Tracker.RemoteLinks("TREK-1"));
        }

        [Fact]
        public void A_reset_on_a_plain_post_is_still_not_sent_again()
        {
            ConnectJira("-MaximumRetryCount 2");
            Server.Faults.Add(Fault.ResetConnection().For("POST", "/issueLink"));

            var error = SingleError(RunBounded("New-IssueLink A-1 -LinkedIssue B-2 -Relationship blocks"));

            Assert.Equal("ConnectionFailed,PSRemoteLinks.Commands.NewIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("It was not sent again: repeating this POST could do it twice.", error.Exception.Message);
            Assert.Single(Server.Requests.Where("POST", "/issueLink"));
        }

        [Fact]
        public void A_jira_delete_whose_answer_was_lost_after_it_was_done_ends_without_an_error()
        {
            ConnectJira("-MaximumRetryCount 2");
            var id = Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");
            Server.Faults.Add(Fault.ResetAfterHandling().For("DELETE", "/remotelink/"));

            var result = RunBounded("Remove-RemoteIssueLink A-1 -Id " + id + " -Confirm:$false -Verbose");

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            Assert.Empty(Server.Jira.RemoteLinks("A-1"));
            // The first DELETE did it (its answer never left), the repeat found the link gone.
            Assert.Equal(new[] { 0, 404 }, Server.Requests.Where("DELETE", "/remotelink/").Select(r => r.Status).ToArray());
            Assert.Contains(result.Verbose, v => v.Contains("already gone", StringComparison.Ordinal) && v.Contains("counted as done", StringComparison.Ordinal));
        }

        [Fact]
        public void A_tracker_delete_whose_answer_was_lost_after_it_was_done_ends_without_an_error()
        {
            ConnectTracker("-MaximumRetryCount 2");
            var id = Server.Tracker.AddLink("TREK-1", "relates", "TREK-2");
            Server.Faults.Add(Fault.ResetAfterHandling().For("DELETE", "/links/"));

            var result = RunBounded("Remove-IssueLink TREK-1 -Id " + id + " -Confirm:$false");

            Assert.Empty(result.Errors);
            Assert.Empty(Server.Tracker.Links("TREK-1"));
            Assert.Equal(new[] { 0, 404 }, Server.Requests.Where("DELETE", "/links/").Select(r => r.Status).ToArray());
        }

        [Fact]
        public void A_delete_dropped_before_it_was_handled_is_done_by_the_retry()
        {
            ConnectJira("-MaximumRetryCount 2");
            var id = Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");
            Server.Faults.Add(Fault.ResetConnection().For("DELETE", "/remotelink/"));

            var result = RunBounded("Remove-RemoteIssueLink A-1 -Id " + id + " -Confirm:$false");

            Assert.Empty(result.Errors);
            Assert.Empty(Server.Jira.RemoteLinks("A-1"));
            Assert.Equal(new[] { 0, 204 }, Server.Requests.Where("DELETE", "/remotelink/").Select(r => r.Status).ToArray());
        }

        [Fact]
        public void A_delete_that_finds_nothing_on_its_first_attempt_is_still_NotFound()
        {
            ConnectJira("-MaximumRetryCount 2");
            // The link is there when the remove checks it is A-1's, and gone (someone else removed it) when the DELETE lands.
            var id = Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");
            Server.Faults.Add(Fault.Status(404, "{\"errorMessages\":[\"No remote link.\"],\"errors\":{}}").For("DELETE", "/remotelink/"));

            var error = SingleError(RunBounded("Remove-RemoteIssueLink A-1 -Id " + id + " -Confirm:$false"));

            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("NotFound,PSRemoteLinks.Commands.RemoveRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Single(Server.Requests.Where("DELETE", "/remotelink/"));
        }

        [Fact]
        public void A_delete_refused_with_503_and_then_not_found_is_NotFound_because_nothing_was_lost()
        {
            ConnectJira("-MaximumRetryCount 2");
            var id = Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");
            Server.Faults.Add(Fault.Status(503, retryAfter: "0").For("DELETE", "/remotelink/"));
            Server.Faults.Add(Fault.Status(404, "{\"errorMessages\":[\"No remote link.\"],\"errors\":{}}").For("DELETE", "/remotelink/"));

            var error = SingleError(RunBounded("Remove-RemoteIssueLink A-1 -Id " + id + " -Confirm:$false"));

            Assert.Equal("NotFound,PSRemoteLinks.Commands.RemoveRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal(new[] { 503, 404 }, Server.Requests.Where("DELETE", "/remotelink/").Select(r => r.Status).ToArray());
        }

        [Fact]
        public void While_a_retry_waits_a_progress_line_says_what_for_and_how_long()
        {
            ConnectJira("-MaximumRetryCount 1");
            Server.Faults.Add(Fault.ServiceUnavailable(retryAfter: "1").For("GET", "/remotelink"));

            var result = RunBounded("Get-RemoteIssueLink A-1");

            Assert.Empty(result.Errors);
            var waiting = Assert.Single(result.Progress, p => p.RecordType == ProgressRecordType.Processing);
            Assert.Equal("Waiting to retry", waiting.Activity);
            Assert.Matches(@"^Waiting 1(\.\d)? s to retry GET /jira/rest/api/2/issue/A-1/remotelink on Jira \(retry 1 of 1\): the server answered 503 Service Unavailable and asked to wait 1 s\.$", waiting.StatusDescription);
            Assert.InRange(waiting.SecondsRemaining, 1, 2);
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        }

        [Fact]
        public void Connect_to_a_host_that_refuses_shows_its_retry_waits_and_ends_in_a_ConnectionError()
        {
            var port = FreePort();

            var result = RunBounded("Connect-Jira -Uri \"http://127.0.0.1:" + port + "/jira\" -Credential $JiraCred -MaximumRetryCount 1");

            var error = OnlyError(result);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal("ConnectionFailed,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            // The network's own words end as a sentence before the module's ("Connection refused. Gave up ...").
            Assert.EndsWith(". Gave up after 2 attempts (-MaximumRetryCount 1).", error.Exception.Message);
            Assert.StartsWith("Could not connect to http://127.0.0.1:" + port + "/jira: Could not reach Jira at http://127.0.0.1:" + port + " for GET /jira/rest/api/2/myself: ", error.Exception.Message);
            var waiting = Assert.Single(result.Progress, p => p.RecordType == ProgressRecordType.Processing);
            Assert.StartsWith("Waiting ", waiting.StatusDescription, StringComparison.Ordinal);
            Assert.Contains("to retry GET /jira/rest/api/2/myself on Jira (retry 1 of 1): the connection failed: ", waiting.StatusDescription, StringComparison.Ordinal);
        }

        [Fact]
        public void A_refused_connection_to_a_port_with_407_in_its_number_is_not_taken_for_a_proxy_answer()
        {
            var port = FreePort(candidate => candidate.ToString(System.Globalization.CultureInfo.InvariantCulture).Contains("407", StringComparison.Ordinal));

            var error = OnlyError(RunBounded("Connect-Jira -Uri \"http://127.0.0.1:" + port + "/jira\" -Credential $JiraCred -MaximumRetryCount 0"));

            Assert.Equal("ConnectionFailed,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.DoesNotContain("-ProxyCredential", error.Exception.Message);
        }

        /// <summary>A loopback port nothing listens on (bound, then released), optionally one whose number passes <paramref name="wanted"/>.</summary>
        private static int FreePort(Func<int, bool>? wanted = null)
        {
            var candidates = wanted == null
                ? new[] { 0 }
                : Enumerable.Range(1, 64).SelectMany(n => new[] { 4070 + (n % 10), (n * 1000) + 407, 40700 + n }).Where(p => p < 65536 && wanted(p)).Distinct().ToArray();
            foreach (var candidate in candidates)
            {
                var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, candidate);
                try
                {
                    listener.Start();
                    var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
                    listener.Stop();
                    return port;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    // In use: try the next one.
                }
            }

            throw new InvalidOperationException("No free loopback port matched.");
        }
    }
}
