using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.EngineHost;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// The standalone emulator's --latency and --fault: a slow or broken server a user can start with one command
    /// and point the module at, and clear refusals of options it does not understand.
    /// </summary>
    public class EmulatorStandaloneTests
    {
        private static readonly EmulatorOptions Demo = new();

        [Fact]
        public async Task Latency_delays_every_answer_by_at_least_the_milliseconds_given_and_the_banner_says_so()
        {
            using var emulator = StandaloneEmulator.Start("--seed", "--latency", "400");
            using var client = JiraClient();

            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(emulator.JiraUri, "rest/api/2/myself"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(400), watch.Elapsed.TotalMilliseconds + " ms");
            Assert.Contains("Latency: 400 ms before every answer", emulator.Banner);
        }

        [Fact]
        public async Task A_counted_fault_serves_the_first_requests_then_the_emulator_answers_normally()
        {
            using var emulator = StandaloneEmulator.Start("--seed", "--fault", "503*1");
            using var client = JiraClient();
            var myself = new Uri(emulator.JiraUri, "rest/api/2/myself");

            using var first = await client.GetAsync(myself);
            using var second = await client.GetAsync(myself);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
            Assert.Equal("1", first.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Contains(emulator.Banner, line => line.StartsWith("Fault:   503", StringComparison.Ordinal) && line.Contains("1 left", StringComparison.Ordinal));
        }

        [Fact]
        public void A_fault_for_a_path_reaches_the_module_as_the_error_a_user_would_get_from_such_a_server()
        {
            using var emulator = StandaloneEmulator.Start("--seed", "--fault", "login-page:/remotelink");
            using var shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);

            var result = shell.Run(
                "Connect-Jira -Uri $uri -Credential ([pscredential]::new($user, (ConvertTo-SecureString $token -AsPlainText -Force)))\n" +
                "Get-IssueLink DEMO-1 | ForEach-Object LinkedIssue\n" +
                "Get-RemoteIssueLink DEMO-1",
                new Dictionary<string, object?> { ["uri"] = emulator.JiraUri, ["user"] = Demo.JiraUser, ["token"] = Demo.JiraApiToken });

            Assert.Null(result.TerminatingError);
            Assert.Equal(new[] { "DEMO-3" }, result.Output.Select(o => o.ToString()));
            var error = Assert.Single(result.Errors);
            Assert.Equal("HtmlResponse,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Log in - Emulated Jira", error.Exception.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(new[] { "--fault", "teapot" }, "'teapot' is not a fault this emulator serves; it serves 429, 503, 500, login-page")]
        [InlineData(new[] { "--fault", "429*0" }, "--fault '429*0': the count after '*' must be a whole number of at least 1.")]
        [InlineData(new[] { "--latency", "soon" }, "--latency takes a whole number of milliseconds from 0 to 600000 (e.g. --latency 50); got 'soon'.")]
        [InlineData(new[] { "--latency", "-5" }, "got '-5'")]
        public void An_option_it_cannot_use_is_refused_naming_the_input_before_it_listens(string[] arguments, string message)
        {
            var (exitCode, errors) = StandaloneEmulator.Refuse(arguments);

            Assert.Equal(2, exitCode);
            Assert.Contains(message, errors, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        }

        private static HttpClient JiraClient()
        {
            var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Demo.JiraUser + ":" + Demo.JiraApiToken)));
            return client;
        }
    }
}
