using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// -Proxy, -ProxyCredential and -NoProxy, applied to one connection's handler only. The emulator's loopback proxy
    /// logs every request it passes on (and answers 407 when it wants credentials that were not given).
    /// </summary>
    public class NetworkProxyTests : NetworkEngineTests
    {
        private const string ProxyUser = "corp\\svc-links";
        private const string ProxyPassword = "proxy-pass-5d2e91";

        protected override EmulatorOptions CreateOptions() => new EmulatorOptions { EnableTls = true };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Exists");
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");
        }

        private Dictionary<string, object?> With(LoopbackProxy proxy, string? user = null, string? password = null) => new Dictionary<string, object?>
        {
            ["ProxyUri"] = proxy.Uri,
            ["ProxyCred"] = user == null ? null : new PSCredential(user, Secure(password!)),
            ["HttpsJira"] = new Uri(Server.HttpsUri!, "jira"),
        };

        [Fact]
        public async Task A_connection_with_Proxy_sends_every_request_through_it_and_another_connection_goes_direct()
        {
            await using var proxy = await LoopbackProxy.StartAsync();

            var result = RunBounded("$via = Connect-Jira $JiraUri -Credential $JiraCred -Proxy $ProxyUri -Name via -PassThru; "
                + "Get-RemoteIssueLink A-1 -Connection $via; New-RemoteIssueLink A-1 -Url https://b.example -Title B -Connection $via; "
                + "$direct = Connect-Jira $JiraUri -Credential $JiraCred -Name direct -PassThru; Get-RemoteIssueLink A-1 -Connection $direct", With(proxy));

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            var all = Server.Requests.All;
            // myself, GET, POST, GET (read back) through the proxy; then myself and GET direct.
            Assert.Equal(6, all.Count);
            var origin = Server.BaseUri.GetLeftPart(UriPartial.Authority);
            Assert.Equal(all.Take(4).Select(r => r.Method + " " + origin + r.RawTarget).ToArray(), proxy.Log.ToArray());
            Assert.Equal(4, proxy.Log.Count);
            Assert.Equal(new[] { "/jira/rest/api/2/myself", "/jira/rest/api/2/issue/A-1/remotelink" }, all.Skip(4).Select(r => r.Path).ToArray());
        }

        [Fact]
        public async Task Proxy_credentials_are_given_to_a_proxy_that_demands_them_and_never_shown()
        {
            await using var proxy = await LoopbackProxy.StartAsync(ProxyUser, ProxyPassword);

            var result = RunBounded("Connect-Jira $JiraUri -Credential $JiraCred -Proxy $ProxyUri -ProxyCredential $ProxyCred -Verbose -Debug; "
                + "Get-RemoteIssueLink A-1 -Verbose -Debug", With(proxy, ProxyUser, ProxyPassword));

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            Assert.Equal("A", Text(Assert.Single(result.Output), "Title"));
            Assert.Equal(Server.Requests.Count, proxy.Log.Count);
            Assert.Equal(2, proxy.Log.Count);
            Assert.DoesNotContain(ProxyPassword, result.EverythingVisible());
            AssertNoSecretVisible(result);
        }

        [Fact]
        public async Task Https_goes_through_the_proxy_as_a_tunnel()
        {
            await using var proxy = await LoopbackProxy.StartAsync(ProxyUser, ProxyPassword);

            var result = RunBounded("Connect-Jira $HttpsJira -Credential $JiraCred -SkipCertificateCheck -Proxy $ProxyUri -ProxyCredential $ProxyCred; Get-RemoteIssueLink A-1",
                With(proxy, ProxyUser, ProxyPassword));

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            Assert.Equal("A", Text(Assert.Single(result.Output), "Title"));
            Assert.Equal(2, Server.Requests.Count);
            Assert.NotEmpty(proxy.Log);
            Assert.All(proxy.Log, line => Assert.Equal("CONNECT 127.0.0.1:" + Server.HttpsUri!.Port, line));
        }

        [Fact]
        public async Task A_proxy_demanding_credentials_that_were_not_given_is_an_authentication_error_naming_ProxyCredential()
        {
            await using var proxy = await LoopbackProxy.StartAsync(ProxyUser, ProxyPassword);

            var error = OnlyError(RunBounded("Connect-Jira $JiraUri -Credential $JiraCred -Proxy $ProxyUri", With(proxy)));

            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal("ProxyAuthenticationRequired,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Contains("The proxy answered 407", error.Exception.Message);
            Assert.Contains("-ProxyCredential", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
            Assert.Equal(1, proxy.AuthenticationFailures);
        }

        [Fact]
        public async Task A_proxy_refusing_an_https_tunnel_is_an_authentication_error_naming_ProxyCredential_too()
        {
            await using var proxy = await LoopbackProxy.StartAsync(ProxyUser, ProxyPassword);

            var result = RunBounded("Connect-Jira $HttpsJira -Credential $JiraCred -SkipCertificateCheck -Proxy $ProxyUri -SkipVerification; Get-RemoteIssueLink A-1", With(proxy));

            var error = OnlyError(result);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal("ProxyAuthenticationRequired,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("-ProxyCredential", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
        }

        [Fact]
        public async Task Wrong_proxy_credentials_are_an_authentication_error()
        {
            await using var proxy = await LoopbackProxy.StartAsync(ProxyUser, ProxyPassword);

            var error = OnlyError(RunBounded("Connect-Jira $JiraUri -Credential $JiraCred -Proxy $ProxyUri -ProxyCredential $ProxyCred", With(proxy, ProxyUser, "not-the-password")));

            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("check the ones given", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
        }

        [Fact]
        public async Task A_proxy_that_is_not_there_is_a_connection_error()
        {
            Uri gone;
            await using (var proxy = await LoopbackProxy.StartAsync())
            {
                gone = proxy.Uri;
            }

            var error = OnlyError(RunBounded("Connect-Jira $JiraUri -Credential $JiraCred -Proxy $Gone -MaximumRetryCount 0",
                new Dictionary<string, object?> { ["Gone"] = gone }));

            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal(0, Server.Requests.Count);
        }

        [Theory]
        [InlineData("-Proxy $ProxyUri -NoProxy", "-Proxy and -NoProxy")]
        [InlineData("-ProxyCredential $ProxyCred -NoProxy", "-ProxyCredential and -NoProxy")]
        [InlineData("-ProxyUseDefaultCredentials -NoProxy", "-ProxyUseDefaultCredentials and -NoProxy")]
        [InlineData("-Proxy $ProxyUri -ProxyCredential $ProxyCred -ProxyUseDefaultCredentials", "-ProxyCredential and -ProxyUseDefaultCredentials")]
        public async Task Contradictory_proxy_options_are_refused_before_any_request(string options, string named)
        {
            await using var proxy = await LoopbackProxy.StartAsync();

            var error = OnlyError(RunBounded("Connect-Jira $JiraUri -Credential $JiraCred " + options, With(proxy, ProxyUser, ProxyPassword)));

            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("ContradictoryProxyOptions,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Contains(named, error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
            Assert.Empty(proxy.Log);
        }

        [Fact]
        public async Task NoProxy_goes_direct_and_a_tracker_connection_takes_the_proxy_options_too()
        {
            await using var proxy = await LoopbackProxy.StartAsync();

            var result = RunBounded("Connect-Jira $JiraUri -Credential $JiraCred -NoProxy; "
                + "Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -Proxy $ProxyUri", With(proxy));

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            Assert.Equal(new[] { "GET " + Server.BaseUri.GetLeftPart(UriPartial.Authority) + "/tracker/v2/myself" }, proxy.Log.ToArray());
            Assert.Equal(2, Server.Requests.Count);
        }
    }
}
