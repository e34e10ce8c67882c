using System.Linq;
using System.Management.Automation;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Errors a script can act on: every ErrorRecord carries a public PSRemoteLinks.RemoteLinksException.</summary>
    public class RemoteLinksExceptionTests : NetworkEngineTests
    {
        [Fact]
        public void A_script_catches_the_public_type_and_reads_the_status()
        {
            ConnectJira();

            var result = RunBounded("try { Get-RemoteIssueLink NOPE-1 -ErrorAction Stop } catch [PSRemoteLinks.RemoteLinksException] { $_.Exception.StatusCode }");

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            Assert.Equal(404, Assert.Single(result.Output).BaseObject);
        }

        [Fact]
        public void The_exception_names_the_error_id_method_and_path_of_the_request()
        {
            ConnectJira();

            var error = SingleError(RunBounded("Get-RemoteIssueLink NOPE-1"));

            var exception = RemoteLinksError.Of(error);
            Assert.Equal("NotFound", exception.ErrorId);
            Assert.Equal(404, exception.StatusCode);
            Assert.Equal("GET", exception.Method);
            Assert.Equal("/jira/rest/api/2/issue/NOPE-1/remotelink", exception.Path);
            Assert.EndsWith(".", error.Exception.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_failure_without_an_answer_has_no_status_but_still_names_the_request()
        {
            ConnectJira("-MaximumRetryCount 0");
            Server.Faults.Add(Fault.ResetConnection().For("GET", "/remotelink"));

            var exception = RemoteLinksError.Of(SingleError(RunBounded("Get-RemoteIssueLink DEMO-1")));

            Assert.Equal("ConnectionFailed", exception.ErrorId);
            Assert.Null(exception.StatusCode);
            Assert.Equal("GET", exception.Method);
            Assert.Equal("/jira/rest/api/2/issue/DEMO-1/remotelink", exception.Path);
        }

        [Fact]
        public void Terminating_errors_carry_it_too()
        {
            var noConnection = BoundedTerminatingError("Get-RemoteIssueLink DEMO-1");
            Assert.Equal("NoConnection", RemoteLinksError.Of(noConnection).ErrorId);

            var closed = BoundedTerminatingError("$c = Connect-Jira $JiraUri -Credential $JiraCred -PassThru; Disconnect-IssueTracker $c; Get-RemoteIssueLink DEMO-1 -Connection $c");
            Assert.Equal("ConnectionClosed", RemoteLinksError.Of(closed).ErrorId);

            var refused = BoundedTerminatingError("Connect-Jira -Uri http://127.0.0.1:1/jira -Credential $JiraCred -NoProxy -Proxy http://127.0.0.1:2");
            Assert.Equal("ContradictoryProxyOptions", RemoteLinksError.Of(refused).ErrorId);
            Assert.Null(RemoteLinksError.Of(refused).StatusCode);
        }

        [Fact]
        public void A_failed_connect_carries_the_causes_status_and_request()
        {
            var error = BoundedTerminatingError("Connect-Jira -Uri $JiraUri -Credential ([pscredential]::new('admin@example.com', $bad))",
                With("bad", Secure("wrong-token")));

            var exception = RemoteLinksError.Of(error);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal("AuthenticationFailed", exception.ErrorId);
            Assert.Equal(401, exception.StatusCode);
            Assert.Equal("/jira/rest/api/2/myself", exception.Path);
            Assert.StartsWith("Could not connect to " + Server.JiraUri.AbsoluteUri.TrimEnd('/') + ": Jira answered 401", error.Exception.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Every_error_of_a_bulk_run_is_the_public_type()
        {
            ConnectJira();
            Server.Jira.AddIssue("A-1", "Exists");

            var result = RunBounded("'NOPE-1', 'A-1', 'NOPE-2' | Get-RemoteIssueLink");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal(404, RemoteLinksError.Of(e).StatusCode));
            Assert.Equal(new[] { "/jira/rest/api/2/issue/NOPE-1/remotelink", "/jira/rest/api/2/issue/NOPE-2/remotelink" },
                result.Errors.Select(e => RemoteLinksError.Of(e).Path).ToArray());
        }
    }
}
