using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// A server, proxy or gateway that answers something broken or hostile: each case ends in exactly one ErrorRecord
    /// with a category a script can branch on and a message a person can act on; never a crash, a hang, a parser
    /// trace or a credential in any stream.
    /// </summary>
    public class HostileResponseTests : NetworkEngineTests
    {
        private const string ListPath = "GET /jira/rest/api/2/issue/A-1/remotelink";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Exists");
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");
            // Generous per-attempt time, so a loaded machine never turns an expected error into a timeout.
            ConnectJira("-TimeoutSec 30 -MaximumRetryCount 0");
            Server.Requests.Clear();
        }

        /// <summary>Replaces the default connection with one that gives up after 1 s (not verified: that could time out on a busy machine).</summary>
        private void ConnectHasty() => ConnectJira("-TimeoutSec 1 -MaximumRetryCount 0 -SkipVerification");

        public static TheoryData<string> Bodies => new TheoryData<string>
        {
            "truncated JSON", "an object where a list is due", "a list with a null entry", "a bare string", "JSON null",
            "an empty 200", "invalid UTF-8", "an id beyond int64", "an id as a string beyond int64", "an HTML page with 200",
        };

        [Theory]
        [MemberData(nameof(Bodies))]
        public void A_body_that_is_not_what_the_endpoint_returns_is_InvalidData_naming_the_request(string name)
        {
            var (fault, errorId, words) = BodyFault(name);
            Server.Faults.Add(fault.For("GET", "/remotelink"));

            var result = RunBounded("Get-RemoteIssueLink A-1 -Verbose -Debug");

            var error = OnlyError(result);
            Assert.Empty(result.Output);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(errorId + ",PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal("A-1", error.TargetObject);
            Assert.Contains(ListPath, error.Exception.Message);
            Assert.Contains(words, error.Exception.Message);
            Assert.DoesNotContain("Json", error.Exception.Message);
            Assert.DoesNotContain("Path: $", error.Exception.Message);
            AssertNoSecretVisible(result);
        }

        [Fact]
        public void A_body_that_echoes_the_credentials_is_redacted_everywhere_including_debug()
        {
            Server.Faults.Add(Fault.Serve(200, "{\"echo\":\"" + Options.JiraApiToken + " " + JiraBasic + "\"").For("GET", "/remotelink"));

            var result = RunBounded("Get-RemoteIssueLink A-1 -Verbose -Debug");

            Assert.Equal(ErrorCategory.InvalidData, OnlyError(result).CategoryInfo.Category);
            Assert.Contains(result.Debug, line => line.Contains("\"echo\":\"***", StringComparison.Ordinal));
            AssertNoSecretVisible(result);
        }

        [Fact]
        public void A_body_larger_than_the_cap_is_refused_without_buffering_it()
        {
            var huge = new byte[64 * 1024 * 1024 + 1];
            huge.AsSpan().Fill((byte)' ');
            huge[0] = (byte)'[';
            Server.Faults.Add(Fault.ServeBytes(200, huge, "application/json").For("GET", "/remotelink"));

            var error = OnlyError(RunBounded("Get-RemoteIssueLink A-1"));

            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal("ResponseTooLarge,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("larger than 64 MiB", error.Exception.Message);
        }

        [Fact]
        public void A_body_that_never_ends_times_out()
        {
            ConnectHasty();
            Server.Faults.Add(Fault.EndlessBody().For("GET", "/remotelink"));
            var watch = Stopwatch.StartNew();

            var error = OnlyError(RunBounded("Get-RemoteIssueLink A-1"));

            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Equal("Timeout,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("did not answer " + ListPath + " completely within 1 s (-TimeoutSec 1)", error.Exception.Message);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "bounded by -TimeoutSec, took " + watch.Elapsed);
        }

        [Fact]
        public void A_server_that_never_answers_times_out()
        {
            ConnectHasty();
            Server.Faults.Add(Fault.Hang().For("GET", "/remotelink"));

            var error = OnlyError(RunBounded("Get-RemoteIssueLink A-1"));

            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("-TimeoutSec 1", error.Exception.Message);
        }

        [Fact]
        public void A_reset_connection_is_a_ConnectionError()
        {
            Server.Faults.Add(Fault.ResetConnection().For("GET", "/remotelink"));

            var error = OnlyError(RunBounded("Get-RemoteIssueLink A-1"));

            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal("ConnectionFailed,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Could not reach Jira at " + Server.BaseUri.GetLeftPart(UriPartial.Authority) + " for " + ListPath, error.Exception.Message);
        }

        [Fact]
        public void A_refused_connection_is_a_ConnectionError()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            var error = OnlyError(RunBounded("Connect-Jira -Uri \"http://127.0.0.1:" + port + "/jira\" -Credential $JiraCred -MaximumRetryCount 0"));

            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal("ConnectionFailed,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Could not reach Jira at http://127.0.0.1:" + port, error.Exception.Message);
        }

        [Theory]
        [InlineData(302)]
        [InlineData(307)]
        [InlineData(308)]
        public async Task A_redirect_to_another_host_is_refused_and_that_host_never_sees_the_request(int status)
        {
            await using var other = await EmulatorServer.StartAsync();
            // Same machine, another name: "localhost" is not the "127.0.0.1" the connection was made to.
            var elsewhere = "http://collector:s3cr3t-in-location@localhost:" + other.BaseUri.Port + "/jira/rest/api/2/issue/A-1/remotelink?token=" + Options.JiraApiToken;
            Server.Faults.Add(Fault.Redirect(status, elsewhere).For("GET", "/remotelink"));

            var result = RunBounded("Get-RemoteIssueLink A-1 -Verbose -Debug");

            var error = OnlyError(result);
            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Equal("RedirectRefused,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("redirected " + ListPath + " (" + status + ") to http://localhost:" + other.BaseUri.Port, error.Exception.Message);
            Assert.Equal(0, other.Requests.Count);
            Assert.Single(Server.Requests.All);
            AssertNoSecretVisible(result);
            Assert.DoesNotContain("s3cr3t-in-location", result.EverythingVisible() + error.Exception);
        }

        [Fact]
        public async Task A_redirect_of_a_change_to_another_host_is_refused_before_the_body_leaves()
        {
            await using var other = await EmulatorServer.StartAsync();
            Server.Faults.Add(Fault.Redirect(307, "http://localhost:" + other.BaseUri.Port + "/jira/rest/api/2/issue/A-1/remotelink").For("POST", "/remotelink"));

            var error = OnlyError(RunBounded("New-RemoteIssueLink A-1 -Url https://b.example -Title B -GlobalId g-1"));

            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Equal(0, other.Requests.Count);
            Assert.Single(Server.Jira.RemoteLinks("A-1"));
        }

        [Fact]
        public void A_redirect_on_the_same_host_is_followed_with_the_credentials()
        {
            // A moved context path: /jira/... answers 301 to /moved/..., which a second rule sends back to the real path.
            Server.Faults.Add(Fault.Redirect(301, "/moved/rest/api/2/issue/A-1/remotelink").For("GET", "/jira/rest/api/2/issue/A-1/remotelink"));
            Server.Faults.Add(Fault.Redirect(308, Server.JiraUri + "/rest/api/2/issue/A-1/remotelink").For("GET", "/moved/"));

            var result = RunBounded("Get-RemoteIssueLink A-1 -Verbose");

            Assert.Empty(result.Errors);
            Assert.Equal("A", Text(Assert.Single(result.Output), "Title"));
            var requests = Server.Requests.All;
            Assert.Equal(new[] { 301, 308, 200 }, requests.Select(r => r.Status).ToArray());
            Assert.All(requests, r => Assert.Equal("Basic " + JiraBasic, r.Headers["Authorization"]));
            Assert.Contains(result.Verbose, v => v.Contains("-> 301, following to", StringComparison.Ordinal));
        }

        [Fact]
        public void Too_many_redirects_end_in_one_error()
        {
            Server.Faults.Add(Fault.Redirect(302, "/jira/rest/api/2/issue/A-1/remotelink").For("GET", "/remotelink").Times(-1));

            var error = OnlyError(RunBounded("Get-RemoteIssueLink A-1"));

            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal("TooManyRedirects,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal(6, Server.Requests.Count);
        }

        [Theory]
        [InlineData(502, ErrorCategory.ResourceUnavailable, "Bad gateway")]
        [InlineData(503, ErrorCategory.ResourceUnavailable, "503 Service Temporarily Unavailable")]
        [InlineData(401, ErrorCategory.AuthenticationError, "Log in - Emulated Jira")]
        [InlineData(403, ErrorCategory.PermissionDenied, "Access denied")]
        public void An_html_error_page_keeps_the_category_of_its_status_and_is_explained(int status, ErrorCategory category, string title)
        {
            var fault = status switch
            {
                503 => Fault.ServiceUnavailable(),
                401 => Fault.HtmlLoginPage(401),
                // A proxy's page that echoes the credentials it was given.
                _ => Fault.Status(status, "<!DOCTYPE html><html><head><title>" + title + "</title></head><body>for " + Options.JiraApiToken + "</body></html>", "text/html"),
            };
            Server.Faults.Add(fault.For("GET", "/remotelink"));

            var result = RunBounded("Get-RemoteIssueLink A-1 -Verbose -Debug");

            var error = OnlyError(result);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Contains("answered " + status, error.Exception.Message);
            Assert.Contains("with an HTML page titled '" + title + "' instead of JSON", error.Exception.Message);
            Assert.DoesNotContain("invalid start of a value", error.Exception.Message);
            AssertNoSecretVisible(result);
        }

        [Fact]
        public void A_wrong_context_path_meets_the_web_servers_html_404_and_says_so()
        {
            var error = OnlyError(RunBounded("Connect-Jira -Uri \"$($JiraUri)x\" -Credential $JiraCred"));

            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("with an HTML page titled '404 Not Found'", error.Exception.Message);
        }

        [Theory]
        [InlineData("truncated JSON")]
        [InlineData("an object where a list is due")]
        [InlineData("an id beyond int64")]
        public void A_tracker_connection_gets_the_same_clear_errors(string name)
        {
            ConnectTracker("-MaximumRetryCount 0");
            var (fault, errorId, words) = BodyFault(name);
            Server.Faults.Add(fault.For("GET", "/remotelinks"));

            var error = OnlyError(RunBounded("Get-RemoteIssueLink TEST-1"));

            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(errorId + ",PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Yandex Tracker", error.Exception.Message);
            Assert.Contains("GET /tracker/v2/issues/TEST-1/remotelinks", error.Exception.Message);
            Assert.Contains(words, error.Exception.Message);
        }

        private static (Fault Fault, string ErrorId, string Words) BodyFault(string name)
        {
            const string link = "{\"id\":10000,\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}";
            const string notThisEndpoint = "is not the JSON this endpoint returns";
            switch (name)
            {
                case "truncated JSON":
                    return (Fault.TruncatedJson(), "InvalidResponse", notThisEndpoint + ": it is of another shape than this endpoint returns");
                case "an object where a list is due":
                    return (Fault.Serve(200, link), "InvalidResponse", notThisEndpoint);
                case "a list with a null entry":
                    return (Fault.Serve(200, "[" + link + ",null]"), "InvalidResponse", "a list with a null entry");
                case "a bare string":
                    return (Fault.Serve(200, "\"ok\""), "InvalidResponse", notThisEndpoint);
                case "JSON null":
                    return (Fault.Serve(200, "null"), "InvalidResponse", "it is null");
                case "an empty 200":
                    return (Fault.Serve(200, string.Empty), "EmptyResponse", "with an empty body (HTTP 200) where JSON was expected");
                case "invalid UTF-8":
                    var bytes = Encoding.UTF8.GetBytes("[{\"id\":1,\"object\":{\"url\":\"https://a.example\",\"title\":\"__\"}}]");
                    var at = Array.IndexOf(bytes, (byte)'_');
                    bytes[at] = 0xC3;
                    bytes[at + 1] = 0x28;
                    return (Fault.ServeBytes(200, bytes, "application/json"), "InvalidResponse", notThisEndpoint + ": it is not valid UTF-8 text.");
                case "an id beyond int64":
                    return (Fault.Serve(200, "[{\"id\":9223372036854775808,\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}]"), "InvalidResponse", notThisEndpoint + ": the field 'id' (at $[0].id) is out of range for a 64-bit id.");
                case "an id as a string beyond int64":
                    return (Fault.Serve(200, "[{\"id\":\"99999999999999999999\",\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}]"), "InvalidResponse", notThisEndpoint + ": the field 'id' (at $[0].id) is out of range for a 64-bit id.");
                case "an HTML page with 200":
                    return (Fault.HtmlLoginPage(200), "HtmlResponse", "with an HTML page titled 'Log in - Emulated Jira'");
                default:
                    throw new ArgumentOutOfRangeException(nameof(name), name, null);
            }
        }
    }
}
