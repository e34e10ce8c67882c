using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    public class ConnectionTests : EngineTest
    {
        [Fact]
        public void Connect_Jira_verifies_with_myself_and_becomes_the_default()
        {
            var result = Run("Connect-Jira -Uri $JiraUri -Credential $JiraCred -Name work -PassThru");

            Assert.Empty(result.Errors);
            var connection = Assert.Single(result.Output);
            Assert.Equal("PSRemoteLinks.IssueTrackerConnection", TypeName(connection));
            Assert.Equal("work", Text(connection, "Name"));
            Assert.Equal("Jira", Text(connection, "Kind"));
            Assert.Equal(Server.JiraUri.AbsoluteUri.TrimEnd('/'), Text(connection, "Uri")!.TrimEnd('/'));
            Assert.Equal("Emulated Admin", Text(connection, "User"));
            Assert.Equal(true, Prop(connection, "IsDefault"));
            var verify = Assert.Single(Server.Requests.All);
            Assert.Equal("/jira/rest/api/2/myself", verify.Path);
            Assert.StartsWith("/jira/rest/api/2/myself", verify.RawTarget);
            Assert.Equal("Basic " + JiraBasic, verify.Headers["Authorization"]);
        }

        [Fact]
        public void A_personal_access_token_is_sent_as_bearer()
        {
            var result = Run("Connect-Jira $JiraUri -PersonalAccessToken $JiraPat");
            Assert.Empty(result.Errors);
            Assert.Equal("Bearer " + Options.JiraPersonalAccessToken, Server.Requests.All[0].Headers["Authorization"]);
        }

        [Fact]
        public void Wrong_credentials_fail_to_connect_with_an_authentication_error_and_leave_no_connection()
        {
            var error = TerminatingError("Connect-Jira -Uri $JiraUri -Credential ([pscredential]::new('admin@example.com', $bad))",
                With("bad", Secure("wrong-token")));

            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal("AuthenticationFailed,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Contains("401", error.Exception.Message);
            Assert.Empty(Run("Get-IssueTrackerConnection").Output);
        }

        [Fact]
        public void SkipVerification_sends_no_request()
        {
            var result = Run("Connect-Jira -Uri $JiraUri -Credential $JiraCred -SkipVerification -PassThru");
            Assert.Empty(result.Errors);
            Assert.Equal(0, Server.Requests.Count);
            Assert.Null(Text(result.Output[0], "User"));
        }

        [Fact]
        public void Without_a_connection_data_cmdlets_stop_and_name_the_connect_cmdlets()
        {
            var error = TerminatingError("'A-1', 'B-2' | Get-RemoteIssueLink");

            Assert.Equal("NoConnection,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Connect-Jira", error.Exception.Message);
            Assert.Contains("Connect-YandexTracker", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
        }

        [Fact]
        public void Connections_are_listed_with_the_default_marked_and_can_be_closed()
        {
            ConnectJira("-Name first");
            ConnectJira("-Name second");

            var listed = Run("Get-IssueTrackerConnection").Output;
            Assert.Equal(new[] { "first", "second" }, listed.Select(c => Text(c, "Name")).ToArray());
            Assert.Equal(new object?[] { false, true }, listed.Select(c => Prop(c, "IsDefault")).ToArray());
            Assert.Single(Run("Get-IssueTrackerConnection -Name f*").Output);

            Run("Disconnect-IssueTracker -Name second");
            var after = Assert.Single(Run("Get-IssueTrackerConnection").Output);
            Assert.Equal("first", Text(after, "Name"));
            Assert.Equal(true, Prop(after, "IsDefault"));

            Run("Get-IssueTrackerConnection | Disconnect-IssueTracker");
            Assert.Empty(Run("Get-IssueTrackerConnection").Output);
        }

        [Fact]
        public void A_closed_connection_passed_explicitly_is_a_clear_error()
        {
            var error = TerminatingError("$c = Connect-Jira $JiraUri -Credential $JiraCred -PassThru; Disconnect-IssueTracker $c; Get-RemoteIssueLink A-1 -Connection $c");
            Assert.Equal("ConnectionClosed,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
        }

        [Fact]
        public async Task Two_jira_sites_are_used_side_by_side_with_Connection()
        {
            await using var other = await EmulatorServer.StartAsync(new EmulatorOptions { JiraContextPath = string.Empty });
            Server.Jira.AddIssue("A-1", "On the first site");
            other.Jira.AddIssue("A-1", "On the second site");
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://one.example\",\"title\":\"One\"}}");
            other.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://two.example\",\"title\":\"Two\"}}");

            var result = Run("$one = Connect-Jira $JiraUri -Credential $JiraCred -Name one -PassThru; "
                + "$two = Connect-Jira $OtherUri -Credential $JiraCred -Name two -PassThru; "
                + "Get-RemoteIssueLink A-1 -Connection $one; Get-RemoteIssueLink A-1 -Connection $two; "
                + "Get-RemoteIssueLink A-1 -Connection $one | New-RemoteIssueLink -Issue A-1 -Connection $two",
                With("OtherUri", other.JiraUri));

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "One", "Two", "One" }, result.Output.Select(o => Text(o, "Title")).ToArray());
            Assert.Equal("two", ((dynamic)Prop(result.Output[2], "Connection")!).Name);
            Assert.Equal(2, other.Jira.RemoteLinks("A-1").Count);
            Assert.Single(Server.Jira.RemoteLinks("A-1"));
            Assert.All(other.Requests.All, r => Assert.StartsWith("/rest/api/2/", r.Path));
        }

        [Fact]
        public async Task A_link_piped_onward_goes_back_to_the_connection_it_came_from()
        {
            await using var other = await EmulatorServer.StartAsync();
            Server.Jira.AddIssue("A-1", "x");
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://one.example\",\"title\":\"One\"}}");

            var result = Run("Connect-Jira $JiraUri -Credential $JiraCred -Name one; $links = Get-RemoteIssueLink A-1; "
                + "Connect-Jira $OtherUri -Credential $JiraCred -Name two; $links | Remove-RemoteIssueLink -Confirm:$false",
                With("OtherUri", other.JiraUri));

            Assert.Empty(result.Errors);
            Assert.Empty(Server.Jira.RemoteLinks("A-1"));
            Assert.Empty(other.Requests.Where("DELETE", "/"));
        }

        [Fact]
        public void The_connection_object_shows_where_and_as_whom_but_never_how()
        {
            var result = Run("Connect-Jira $JiraUri -Credential $JiraCred -PassThru");
            var connection = Assert.Single(result.Output);
            var names = connection.Properties.Select(p => p.Name).OrderBy(n => n).ToArray();
            Assert.Equal(new[] { "IsDefault", "Kind", "Name", "Organization", "Uri", "User" }, names);
        }
    }
}
