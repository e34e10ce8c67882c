using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Failures become ErrorRecords with the contract's ids and categories and the server's own words.</summary>
    public class ErrorTests : EngineTest
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Exists");
            Server.Jira.AddIssue("C-3", "Exists too");
            ConnectJira();
        }

        [Fact]
        public void A_missing_issue_is_ObjectNotFound_with_the_servers_text()
        {
            var error = SingleError(Run("Get-RemoteIssueLink NOPE-9"));

            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("NotFound,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal("NOPE-9", error.TargetObject);
            Assert.Contains("Jira answered 404", error.Exception.Message);
            Assert.Contains("GET /jira/rest/api/2/issue/NOPE-9/remotelink", error.Exception.Message);
            Assert.Contains("Issue does not exist or you do not have permission to see it.", error.Exception.Message);
        }

        [Fact]
        public void A_pipeline_of_keys_with_one_missing_issue_gives_the_others_and_one_error()
        {
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");
            Server.Jira.AddRemoteLink("C-3", "{\"object\":{\"url\":\"https://c.example\",\"title\":\"C\"}}");

            var result = Run("'A-1', 'NOPE-9', 'C-3' | Get-RemoteIssueLink");

            Assert.Equal(new[] { "A", "C" }, result.Output.Select(o => Text(o, "Title")).ToArray());
            Assert.Equal("NOPE-9", SingleError(result).TargetObject);
        }

        [Fact]
        public void Forbidden_is_PermissionDenied()
        {
            Server.Jira.Forbid("C-3");
            var error = SingleError(Run("Get-RemoteIssueLink C-3"));
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Equal("PermissionDenied,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("You do not have the permission to see the specified issue.", error.Exception.Message);
        }

        [Fact]
        public void Bad_request_is_InvalidArgument_with_field_errors()
        {
            Server.Faults.Add(Fault.Status(400, "{\"errorMessages\":[],\"errors\":{\"title\":\"'title' is required.\"}}").For("POST", "/remotelink"));
            var error = SingleError(Run("New-RemoteIssueLink A-1 -Url https://x.example -Title T"));
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("BadRequest,PSRemoteLinks.Commands.NewRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("title: 'title' is required.", error.Exception.Message);
        }

        [Fact]
        public void Expired_credentials_are_AuthenticationError()
        {
            Server.Faults.Add(Fault.Status(401, "{\"errorMessages\":[\"Token expired\"],\"errors\":{}}"));
            var error = SingleError(Run("Get-RemoteIssueLink A-1"));
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal("AuthenticationFailed,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Token expired", error.Exception.Message);
        }

        [Theory]
        [InlineData(409, ErrorCategory.ResourceExists)]
        [InlineData(413, ErrorCategory.LimitsExceeded)]
        [InlineData(500, ErrorCategory.ResourceUnavailable)]
        public void Other_statuses_map_to_their_categories(int status, ErrorCategory category)
        {
            Server.Faults.Add(Fault.Status(status, "{\"errorMessages\":[\"server says " + status + "\"]}"));
            var error = SingleError(Run("Get-RemoteIssueLink A-1"));
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Contains("server says " + status, error.Exception.Message);
        }

        [Fact]
        public void An_html_login_page_is_explained_not_parsed()
        {
            Server.Faults.Add(Fault.HtmlLoginPage());
            var error = SingleError(Run("Get-RemoteIssueLink A-1"));
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal("HtmlResponse,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("with an HTML page", error.Exception.Message);
            Assert.Contains("login page", error.Exception.Message);
            Assert.DoesNotContain("JsonException", error.ToString());
            Assert.DoesNotContain("'<' is an invalid start of a value", error.Exception.Message);
        }

        [Fact]
        public void Bad_input_is_refused_by_parameter_validation_before_any_request()
        {
            var count = Server.Requests.Count;
            var scripts = new[]
            {
                "Get-RemoteIssueLink ''",
                "Get-RemoteIssueLink '   '",
                "Get-RemoteIssueLink '..'",
                "New-RemoteIssueLink A-1 -Url 'not a url' -Title T",
                "New-RemoteIssueLink A-1 -Url https://x.example -Title T -GlobalId ('g' * 256)",
                "Get-RemoteIssueLink A-1 -ThrottleLimit 0",
                "Set-RemoteIssueLink A-1 -Id 0 -Title T",
            };
            foreach (var script in scripts)
            {
                var record = OnlyError(Run(script));
                Assert.StartsWith("ParameterArgumentValidationError", record.FullyQualifiedErrorId);
            }

            Assert.Equal(count, Server.Requests.Count);
        }

        [Theory]
        [InlineData("New-RemoteIssueLink A-1 -Key PR-1 -Origin ru.yandex.bitbucket")]
        [InlineData("Set-RemoteIssueLink A-1 -Id 10000 -Key PR-1 -Origin ru.yandex.bitbucket")]
        public void Tracker_only_fields_on_a_jira_connection_are_a_clear_error_before_any_request(string script)
        {
            var count = Server.Requests.Count;
            var error = SingleError(Run(script));
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("-Key, -Origin", error.Exception.Message);
            Assert.Equal(count, Server.Requests.Count);
        }
    }
}
