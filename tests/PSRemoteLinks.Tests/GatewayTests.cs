using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// Connect-Jira -CloudId: Jira Cloud through the Atlassian API gateway, {Uri}/ex/jira/{cloudId}/rest/api/2/...,
    /// with a scoped API token (Basic) or an OAuth 2.0 access token (Bearer). The emulator's gateway is on loopback,
    /// so plain http is allowed without -AllowUnencryptedAuthentication.
    /// </summary>
    public class GatewayTests : NetworkEngineTests
    {
        private Dictionary<string, object?> Gateway() => new Dictionary<string, object?>
        {
            ["GatewayUri"] = Server.GatewayUri,
            ["CloudId"] = Options.JiraCloudId,
            // The emulator's gateway accepts its personal access token as the OAuth access token.
            ["AccessToken"] = Secure(Options.JiraPersonalAccessToken),
        };

        private string SiteBase => Server.JiraGatewayUri.AbsoluteUri.TrimEnd('/');

        [Fact]
        public void A_scoped_api_token_goes_through_the_gateway_as_basic_and_the_connection_shows_the_full_base()
        {
            Server.Jira.AddIssue("A-1", "Exists");
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");

            var result = RunBounded("Connect-Jira -Uri $GatewayUri -CloudId $CloudId -Credential $JiraCred -PassThru; Get-RemoteIssueLink A-1", Gateway());

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            var connection = result.Output[0];
            Assert.Equal(SiteBase, Text(connection, "Uri")!.TrimEnd('/'));
            Assert.Equal(Options.JiraCloudId, Text(connection, "Name"));
            Assert.Equal("Emulated Admin", Text(connection, "User"));
            Assert.Equal("A", Text(result.Output[1], "Title"));

            var prefix = "/gateway/ex/jira/" + Options.JiraCloudId + "/rest/api/2/";
            Assert.Equal(new[] { prefix + "myself", prefix + "issue/A-1/remotelink" }, Server.Requests.All.Select(r => r.Path).ToArray());
            Assert.All(Server.Requests.All, r => Assert.Equal("Basic " + JiraBasic, r.Headers["Authorization"]));
        }

        [Fact]
        public void An_oauth_access_token_goes_through_the_gateway_as_bearer()
        {
            Server.Jira.AddIssue("A-1", "Exists");

            var result = RunBounded("Connect-Jira -Uri $GatewayUri -CloudId $CloudId -AccessToken $AccessToken -PassThru -Verbose -Debug; "
                + "New-RemoteIssueLink A-1 -Url https://b.example -Title B -Verbose -Debug", Gateway());

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            Assert.Equal(SiteBase, Text(result.Output[0], "Uri")!.TrimEnd('/'));
            Assert.Equal("B", Text(result.Output[1], "Title"));
            Assert.NotEmpty(Server.Requests.All);
            Assert.All(Server.Requests.All, r =>
            {
                Assert.StartsWith("/gateway/ex/jira/" + Options.JiraCloudId + "/rest/api/2/", r.Path);
                Assert.Equal("Bearer " + Options.JiraPersonalAccessToken, r.Headers["Authorization"]);
            });
            Assert.Single(Server.Jira.RemoteLinks("A-1"));
            AssertNoSecretVisible(result);
        }

        [Fact]
        public void A_uri_that_already_names_the_site_on_the_gateway_is_not_doubled()
        {
            var result = RunBounded("Connect-Jira -Uri $SiteUri -CloudId $CloudId -Credential $JiraCred -PassThru",
                new Dictionary<string, object?>(Gateway()) { ["SiteUri"] = Server.JiraGatewayUri });

            Assert.Empty(result.Errors);
            Assert.Equal(SiteBase, Text(Assert.Single(result.Output), "Uri")!.TrimEnd('/'));
            Assert.Equal("/gateway/ex/jira/" + Options.JiraCloudId + "/rest/api/2/myself", Assert.Single(Server.Requests.All).Path);
        }

        [Fact]
        public void Without_Uri_the_atlassian_gateway_is_the_default()
        {
            var result = RunBounded("Connect-Jira -CloudId $CloudId -AccessToken $AccessToken -SkipVerification -PassThru", Gateway());

            Assert.Empty(result.Errors);
            Assert.Equal("https://api.atlassian.com/ex/jira/" + Options.JiraCloudId, Text(Assert.Single(result.Output), "Uri")!.TrimEnd('/'));
            Assert.Equal(0, Server.Requests.Count);
        }

        [Fact]
        public void An_unknown_cloud_id_fails_to_connect_with_the_gateways_words()
        {
            var error = OnlyError(RunBounded("Connect-Jira -Uri $GatewayUri -CloudId 11111111-2222-3333-4444-555555555555 -Credential $JiraCred", Gateway()));

            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("JiraNotFoundAtUri,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Contains("No site with cloud id '11111111-2222-3333-4444-555555555555' is accessible.", error.Exception.Message);
            Assert.Contains("Check -CloudId", error.Exception.Message);
            Assert.Equal(404, RemoteLinksError.Of(error).StatusCode);
        }

        [Theory]
        [InlineData("Connect-Jira -Uri $GatewayUri -CloudId $CloudId -PersonalAccessToken $AccessToken")]
        [InlineData("Connect-Jira -Uri $GatewayUri -AccessToken $AccessToken")]
        [InlineData("Connect-Jira -Uri $GatewayUri -CloudId $CloudId -Credential $JiraCred -AccessToken $AccessToken")]
        [InlineData("Connect-Jira -Uri $GatewayUri -CloudId 'not/an id' -Credential $JiraCred")]
        [InlineData("Connect-Jira -Uri $GatewayUri -CloudId '' -Credential $JiraCred")]
        public void Wrong_combinations_and_bad_cloud_ids_are_binding_errors_before_any_request(string script)
        {
            var error = OnlyError(RunBounded(script, Gateway()));

            Assert.IsAssignableFrom<ParameterBindingException>(error.Exception);
            Assert.Equal(0, Server.Requests.Count);
        }
    }
}
