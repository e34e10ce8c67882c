using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// Test-RemoteIssueLink and the network: the connection's proxy and certificate check apply to the checks, its
    /// client certificate never does, and -SkipCertificateCheck on the cmdlet covers links' hosts only.
    /// </summary>
    public class LinkCheckNetworkTests : NetworkEngineTests
    {
        protected override EmulatorOptions CreateOptions() => new EmulatorOptions { EnableTls = true };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("WEB-1", "Wiki migration");
        }

        private string SelfSignedPage => new Uri(Server.HttpsUri!, "web/ok/internal-wiki").AbsoluteUri;

        private void AddLink(string url) => Server.Jira.AddRemoteLink("WEB-1", "{\"object\":{\"url\":\"" + url + "\",\"title\":\"Page\"}}");

        private IReadOnlyList<RecordedRequest> WebRequests() => Server.Requests.Where(null, "/web/");

        [Fact]
        public void A_self_signed_site_is_not_reachable_until_SkipCertificateCheck_is_given_on_the_cmdlet()
        {
            AddLink(SelfSignedPage);

            var result = RunBounded("Connect-Jira $JiraUri -Credential $JiraCred; Test-RemoteIssueLink WEB-1; Test-RemoteIssueLink WEB-1 -SkipCertificateCheck");

            Assert.Empty(result.Errors);
            Assert.Equal(false, Prop(result.Output[0], "Reachable"));
            var error = Text(result.Output[0], "Error")!;
            Assert.StartsWith("TLS failed with 127.0.0.1:" + Server.HttpsUri!.Port + ": ", error);
            Assert.EndsWith("(for a site with a self-signed or internal certificate, add -SkipCertificateCheck)", error);
            Assert.Equal(true, Prop(result.Output[1], "Reachable"));
            Assert.Equal(200, Prop(result.Output[1], "StatusCode"));
            // The handshake failed before any request: only the second check reached the page.
            Assert.Equal(new[] { "HEAD /web/ok/internal-wiki" }, WebRequests().Select(r => r.Method + " " + r.Path));
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public void A_redirect_from_https_down_to_http_is_followed_and_shows_in_RedirectedTo()
        {
            var plain = Server.WebUri.AbsoluteUri + "/ok/plain";
            AddLink(new Uri(Server.HttpsUri!, "web/redirect?to=" + Uri.EscapeDataString(plain)).AbsoluteUri);

            var result = RunBounded("Connect-Jira $JiraUri -Credential $JiraCred; Test-RemoteIssueLink WEB-1 -SkipCertificateCheck");

            Assert.Empty(result.Errors);
            var check = Assert.Single(result.Output);
            Assert.Equal(true, Prop(check, "Reachable"));
            Assert.Equal(plain, Text(check, "RedirectedTo"));
            Assert.Equal(new[] { "HEAD /web/redirect", "HEAD /web/ok/plain" }, WebRequests().Select(r => r.Method + " " + r.Path));
            Assert.DoesNotContain(WebRequests(), r => r.Headers.ContainsKey("Authorization"));
        }

        [Fact]
        public void A_connection_made_with_SkipCertificateCheck_checks_links_the_same_way()
        {
            AddLink(SelfSignedPage);

            var result = RunBounded("Connect-Jira (New-Object Uri $HttpsJira) -Credential $JiraCred -SkipCertificateCheck 3>$null; Test-RemoteIssueLink WEB-1",
                With("HttpsJira", new Uri(Server.HttpsUri!, "jira").AbsoluteUri));

            Assert.Empty(result.Errors);
            Assert.Equal(true, Prop(Assert.Single(result.Output), "Reachable"));
        }

        [Fact]
        public void The_connections_client_certificate_is_never_offered_to_a_links_host()
        {
            using var certificate = Server.CreateClientCertificate();
            var mutualJira = new Uri(Server.MutualTlsUri!, "jira");
            AddLink(new Uri(Server.MutualTlsUri!, "web/ok/needs-certificate").AbsoluteUri);

            var result = RunBounded("Connect-Jira $MtlsJira -Credential $JiraCred -SkipCertificateCheck -Certificate $ClientCert 3>$null; "
                + "Test-RemoteIssueLink WEB-1 -TimeoutSec 10",
                new Dictionary<string, object?> { ["MtlsJira"] = mutualJira, ["ClientCert"] = certificate });

            Assert.Empty(result.Errors);
            var check = Assert.Single(result.Output);
            Assert.Equal(false, Prop(check, "Reachable"));
            Assert.Null(Prop(check, "StatusCode"));
            // The same connection read the links over mutual TLS with its certificate; the check, without it, got nowhere.
            Assert.Single(Server.Requests.Where("GET", "/remotelink"));
            Assert.Empty(WebRequests());
        }

        [Fact]
        public async Task The_checks_go_through_the_connections_proxy()
        {
            await using var proxy = await LoopbackProxy.StartAsync();
            AddLink(Server.WebUri.AbsoluteUri + "/ok/via-proxy");

            var result = RunBounded("Connect-Jira $JiraUri -Credential $JiraCred -Proxy $ProxyUri; Test-RemoteIssueLink WEB-1", With("ProxyUri", proxy.Uri));

            Assert.Empty(result.Errors);
            Assert.Equal(true, Prop(Assert.Single(result.Output), "Reachable"));
            Assert.Contains("HEAD " + Server.WebUri.AbsoluteUri + "/ok/via-proxy", proxy.Log);
            Assert.Equal(Server.Requests.Count, proxy.Log.Count);
        }
    }
}
