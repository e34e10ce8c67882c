using System;
using System.Linq;
using System.Management.Automation;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// The Connect cmdlets' network options: refused before any request when they are wrong or unsafe, and applied
    /// to one connection only, so connections with different settings work side by side.
    /// </summary>
    public class NetworkConnectOptionsTests : NetworkEngineTests
    {
        [Theory]
        [InlineData("Connect-Jira -Uri http://jira.example.invalid -Credential $JiraCred")]
        [InlineData("Connect-Jira -Uri http://jira.example.invalid/jira -PersonalAccessToken $JiraPat -SkipVerification")]
        [InlineData("Connect-Jira -Uri http://gateway.example.invalid -CloudId abc-123 -AccessToken $JiraPat")]
        [InlineData("Connect-YandexTracker -Uri http://tracker.example.invalid -Token $TrackerToken -OrgId $OrgId")]
        [InlineData("Connect-YandexTracker -Uri http://10.0.0.7 -Token $TrackerToken -CloudOrgId $CloudOrgId -SkipVerification")]
        public void Credentials_over_plain_http_to_another_machine_are_refused_before_any_request(string script)
        {
            // Caught by try/catch, so the refusal stopped the command.
            var error = BoundedTerminatingError(script);

            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.StartsWith("UnencryptedAuthenticationRefused,", error.FullyQualifiedErrorId);
            Assert.Contains("-AllowUnencryptedAuthentication", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
            Assert.Empty(Run("Get-IssueTrackerConnection").Output);
        }

        [Fact]
        public void AllowUnencryptedAuthentication_lets_the_user_decide()
        {
            var result = RunBounded("Connect-Jira -Uri http://jira.example.invalid -Credential $JiraCred -AllowUnencryptedAuthentication -SkipVerification -PassThru");

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            Assert.Equal("http://jira.example.invalid/", Text(Assert.Single(result.Output), "Uri"));
        }

        [Fact]
        public void Plain_http_to_this_machine_by_name_is_allowed()
        {
            var byName = new UriBuilder(Server.JiraUri) { Host = "localhost" }.Uri;

            var result = RunBounded("Connect-Jira -Uri $ByName -Credential $JiraCred -PassThru",
                With("ByName", byName));

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            Assert.Equal("Emulated Admin", Text(Assert.Single(result.Output), "User"));
        }

        [Theory]
        [InlineData("Connect-Jira -Uri jira.example.com -Credential $JiraCred")]
        [InlineData("Connect-Jira -Uri /jira -Credential $JiraCred")]
        [InlineData("Connect-Jira -Uri ftp://jira.example.com -Credential $JiraCred")]
        [InlineData("Connect-Jira -Uri '' -Credential $JiraCred")]
        [InlineData("Connect-Jira -Uri $JiraUri -Credential $JiraCred -TimeoutSec 0")]
        [InlineData("Connect-Jira -Uri $JiraUri -Credential $JiraCred -MaximumRetryCount -1")]
        [InlineData("Connect-Jira -Uri $JiraUri -Credential $JiraCred -Proxy proxy.corp:8080")]
        [InlineData("Connect-Jira -Uri $JiraUri -Credential $JiraCred -Proxy socks5://127.0.0.1:1080")]
        [InlineData("Connect-Jira -Uri $JiraUri -Credential $JiraCred -Name ''")]
        [InlineData("Connect-YandexTracker -Uri tracker.example.com -Token $TrackerToken -OrgId $OrgId")]
        [InlineData("Connect-YandexTracker -Uri file:///etc/passwd -Token $TrackerToken -OrgId $OrgId")]
        [InlineData("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId ''")]
        [InlineData("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId 'two words'")]
        [InlineData("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -CloudOrgId $CloudOrgId", "AmbiguousParameterSet")]
        [InlineData("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -ApiVersion v9")]
        [InlineData("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -TimeoutSec 0")]
        public void Bad_connect_input_is_a_binding_error_before_any_request(string script, string? errorId = null)
        {
            // Caught by try/catch, so the binding error stopped the command.
            var error = BoundedTerminatingError(script);

            Assert.IsAssignableFrom<ParameterBindingException>(error.Exception);
            if (errorId != null)
            {
                Assert.StartsWith(errorId, error.FullyQualifiedErrorId);
            }

            Assert.Equal(0, Server.Requests.Count);
            Assert.Empty(Run("Get-IssueTrackerConnection").Output);
        }

        [Theory]
        [InlineData("Connect-Jira -Uri 'https://admin:pa55word-in-uri@jira.example.com' -Credential $JiraCred")]
        [InlineData("Connect-Jira -Uri $JiraUri -Credential $JiraCred -Proxy 'http://svc:pa55word-in-uri@proxy.corp:3128'")]
        public void An_address_with_a_password_in_it_is_refused_without_showing_the_password(string script)
        {
            var result = RunBounded(script);

            var error = OnlyError(result);
            Assert.IsAssignableFrom<ParameterBindingException>(error.Exception);
            Assert.Contains("contains a user name or password", error.Exception.Message);
            Assert.DoesNotContain("pa55word-in-uri", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
        }

        [Fact]
        public void A_bad_uri_is_named_in_the_error()
        {
            var error = OnlyError(RunBounded("Connect-YandexTracker -Uri ftp://tracker.example.com -Token $TrackerToken -OrgId $OrgId"));

            Assert.Contains("'ftp://tracker.example.com' is not an http:// or https:// address.", error.Exception.Message);
        }

        [Fact]
        public void Connections_with_different_timeouts_and_retries_work_side_by_side()
        {
            Server.Jira.AddIssue("A-1", "Exists");
            Server.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(2)).For("GET", "/remotelink").Times(-1));

            var result = RunBounded("$hasty = Connect-Jira $JiraUri -Credential $JiraCred -TimeoutSec 1 -MaximumRetryCount 0 -SkipVerification -Name hasty -PassThru; "
                + "$patient = Connect-Jira $JiraUri -Credential $JiraCred -TimeoutSec 30 -Name patient -PassThru; "
                + "Get-RemoteIssueLink A-1 -Connection $hasty; Get-RemoteIssueLink A-1 -Connection $patient; Get-RemoteIssueLink A-1 -Connection $hasty");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category));
            Assert.Equal(3, Server.Requests.Where("GET", "/remotelink").Count);
            Assert.Single(Server.Requests.Where("GET", "/remotelink"), r => r.Status == 200);
        }
    }
}
