using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// HTTPS to an on-premises server with a self-signed certificate, and one that wants a client certificate.
    /// The emulator's certificate is trusted by nothing on this machine, like a company's internal CA on a laptop.
    /// </summary>
    public class TlsTests : NetworkEngineTests
    {
        protected override EmulatorOptions CreateOptions() => new EmulatorOptions { EnableTls = true };

        private Uri HttpsJira => new Uri(Server.HttpsUri!, "jira");

        private Uri MutualTlsJira => new Uri(Server.MutualTlsUri!, "jira");

        private Dictionary<string, object?> Https(X509Certificate2? certificate = null) => new Dictionary<string, object?>
        {
            ["HttpsJira"] = HttpsJira,
            ["MtlsJira"] = MutualTlsJira,
            ["ClientCert"] = certificate,
        };

        [Fact]
        public void A_self_signed_server_is_refused_by_default_with_a_certificate_error_that_names_the_way_out()
        {
            var error = OnlyError(RunBounded("Connect-Jira -Uri $HttpsJira -Credential $JiraCred", Https()));

            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Equal("CertificateError,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Contains("TLS connection to https://127.0.0.1:" + Server.HttpsUri!.Port, error.Exception.Message);
            Assert.Contains("-SkipCertificateCheck", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
        }

        [Fact]
        public void A_certificate_failure_after_connecting_without_verification_is_a_visible_error_too()
        {
            var result = RunBounded("Connect-Jira -Uri $HttpsJira -Credential $JiraCred -SkipVerification; Get-RemoteIssueLink A-1", Https());

            var error = OnlyError(result);
            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Equal("CertificateError,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal(0, Server.Requests.Count);
        }

        [Fact]
        public void SkipCertificateCheck_works_and_warns_once_for_the_connection_not_per_request()
        {
            Server.Jira.AddIssue("A-1", "Exists");
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");

            var result = RunBounded("$c = Connect-Jira -Uri $HttpsJira -Credential $JiraCred -SkipCertificateCheck -Name onprem -PassThru; $c; "
                + "Get-RemoteIssueLink A-1; Get-RemoteIssueLink A-1; New-RemoteIssueLink A-1 -Url https://b.example -Title B", Https());

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            Assert.Equal(HttpsJira.AbsoluteUri.TrimEnd('/'), Text(result.Output[0], "Uri")!.TrimEnd('/'));
            Assert.Equal(new[] { "A", "A", "B" }, result.Output.Skip(1).Select(o => Text(o, "Title")).ToArray());
            var warning = Assert.Single(result.Warnings);
            Assert.Contains("-SkipCertificateCheck", warning);
            Assert.Contains("'onprem'", warning);
            Assert.Equal(2, Server.Jira.RemoteLinks("A-1").Count);
        }

        [Fact]
        public void Each_connection_keeps_its_own_certificate_setting()
        {
            Server.Jira.AddIssue("A-1", "Exists");

            var result = RunBounded("$lax = Connect-Jira -Uri $HttpsJira -Credential $JiraCred -SkipCertificateCheck -Name lax -PassThru; "
                + "$strict = Connect-Jira -Uri $HttpsJira -Credential $JiraCred -SkipVerification -Name strict -PassThru -MaximumRetryCount 0; "
                + "Get-RemoteIssueLink A-1 -Connection $strict; Get-RemoteIssueLink A-1 -Connection $lax", Https());

            var error = OnlyError(result);
            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Equal(new[] { "/jira/rest/api/2/myself", "/jira/rest/api/2/issue/A-1/remotelink" }, Server.Requests.All.Select(r => r.Path).ToArray());
        }

        [Fact]
        public void A_server_that_requires_a_client_certificate_works_only_with_Certificate()
        {
            using var certificate = Server.CreateClientCertificate();
            Server.Jira.AddIssue("A-1", "Exists");

            var without = RunBounded("Connect-Jira -Uri $MtlsJira -Credential $JiraCred -SkipCertificateCheck -MaximumRetryCount 0", Https());
            var error = OnlyError(without);
            Assert.Equal("ClientCertificateRequired,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("asks for a client certificate (mutual TLS)", error.Exception.Message);
            Assert.Contains("Connect with -Certificate", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);

            var with = RunBounded("Connect-Jira -Uri $MtlsJira -Credential $JiraCred -SkipCertificateCheck -Certificate $ClientCert -PassThru; Get-RemoteIssueLink A-1", Https(certificate));
            Assert.Empty(with.Errors);
            Assert.Null(with.TerminatingError);
            Assert.Equal("Emulated Admin", Text(with.Output[0], "User"));
            Assert.Equal(new[] { "/jira/rest/api/2/myself", "/jira/rest/api/2/issue/A-1/remotelink" }, Server.Requests.All.Select(r => r.Path).ToArray());
        }

        [Fact]
        public void A_server_demanding_a_client_certificate_is_reported_at_once_not_after_every_retry()
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = RunBounded("Connect-Jira -Uri $MtlsJira -Credential $JiraCred -SkipCertificateCheck -Verbose", Https());
            watch.Stop();

            var error = OnlyError(result);
            Assert.Equal("ClientCertificateRequired,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Contains("-Certificate", error.Exception.Message);
            // Default -MaximumRetryCount 4: retrying would take about 15 s of backoff alone.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
            Assert.DoesNotContain(result.Verbose, v => v.StartsWith("Retrying", StringComparison.Ordinal));
            Assert.Empty(result.Progress);
        }

        [Fact]
        public void A_client_certificate_the_server_does_not_know_is_refused_with_a_clear_error()
        {
            using var stranger = SelfSignedClientCertificate();

            var error = OnlyError(RunBounded("Connect-Jira -Uri $MtlsJira -Credential $JiraCred -SkipCertificateCheck -Certificate $ClientCert -MaximumRetryCount 0", Https(stranger)));

            Assert.Equal("ConnectionFailed,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("check that it accepts the one given with -Certificate", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
        }

        [Fact]
        public void A_certificate_without_its_private_key_is_refused_before_any_request()
        {
            using var full = Server.CreateClientCertificate();
            using var publicOnly = X509CertificateLoader.LoadCertificate(full.Export(X509ContentType.Cert));

            var error = OnlyError(RunBounded("Connect-Jira -Uri $MtlsJira -Credential $JiraCred -SkipCertificateCheck -Certificate $ClientCert", Https(publicOnly)));

            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("CertificateWithoutPrivateKey,PSRemoteLinks.Commands.ConnectJiraCommand", error.FullyQualifiedErrorId);
            Assert.Contains("no private key", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
        }

        private static X509Certificate2 SelfSignedClientCertificate()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=Stranger", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.2") }, false));
            using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
        }
    }
}
