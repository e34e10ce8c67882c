using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.Emulator.Network;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Connect says what really went wrong, in the service's terms, and keeps the proxy's password out of sight.</summary>
    public class ConnectCauseTests : NetworkEngineTests
    {
        [Fact]
        public void A_site_root_given_for_a_jira_under_a_context_path_gets_a_hint_about_Uri()
        {
            var error = BoundedTerminatingError("Connect-Jira -Uri $Root -Credential $JiraCred", With("Root", Server.BaseUri));

            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("JiraNotFoundAtUri,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Contains("with an HTML page titled '404 Not Found'", error.Exception.Message);
            Assert.Contains("Check -Uri: if Jira runs under a context path, include it (for example https://host/jira).", error.Exception.Message);
            Assert.Equal("/rest/api/2/myself", Assert.Single(Server.Requests.All).Path);
        }

        [Fact]
        public void The_proxy_password_is_scrubbed_from_what_the_service_echoes()
        {
            const string password = "proxy-pass-7Qx9";
            Server.Faults.Add(Fault.Serve(400, "{\"errorMessages\":[\"Rejected " + password + "\"],\"errors\":{}}").For("GET", "/myself"));

            var result = RunBounded("Connect-Jira $JiraUri -Credential $JiraCred -Proxy $ProxyUri -ProxyCredential $ProxyCred -Verbose -Debug",
                new Dictionary<string, object?>
                {
                    ["ProxyUri"] = _proxy!.Uri,
                    ["ProxyCred"] = new PSCredential("proxy-user", Secure(password)),
                });

            var error = OnlyError(result);
            Assert.Contains("Rejected ***", error.Exception.Message);
            Assert.DoesNotContain(password, result.EverythingVisible() + error + error.Exception);
        }

        [Fact]
        public void Remove_Module_closes_the_sessions_connections()
        {
            var result = RunBounded("$path = (Get-Module PSRemoteLinks).Path; $c = Connect-Jira $JiraUri -Credential $JiraCred -PassThru; "
                + "Remove-Module PSRemoteLinks; Import-Module $path; @(Get-IssueTrackerConnection).Count; "
                + "try { Get-RemoteIssueLink DEMO-1 -Connection $c } catch { $_.FullyQualifiedErrorId }");

            Assert.Empty(result.Errors);
            Assert.Equal(0, result.Output[0].BaseObject);
            Assert.Equal("ConnectionClosed,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", result.Output[1].BaseObject);
            Assert.Single(Server.Requests.All);
        }

        private LoopbackProxy? _proxy;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            _proxy = await LoopbackProxy.StartAsync();
        }

        public override async Task DisposeAsync()
        {
            if (_proxy != null)
            {
                await _proxy.DisposeAsync();
            }

            await base.DisposeAsync();
        }
    }
}
