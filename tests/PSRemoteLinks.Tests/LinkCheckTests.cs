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
    /// Test-RemoteIssueLink against the emulator's web pages (/web/...): what each kind of answer makes of a link, what
    /// reaches a link's host (never the tracker's credentials or cookies), and what cannot be checked.
    /// </summary>
    public class LinkCheckTests : EngineTest
    {
        /// <summary>A host name that fails in the local resolver (a label longer than DNS allows, under .invalid): nothing leaves the machine.</summary>
        internal static readonly string UnknownHost = new string('q', 64) + ".invalid";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("WEB-1", "Wiki migration");
            Server.Tracker.AddIssue("TREK-7", "Bitbucket");
        }

        protected long AddLink(string issue, string url, string title = "Page") =>
            Server.Jira.AddRemoteLink(issue, "{\"object\":{\"url\":\"" + url + "\",\"title\":\"" + title + "\"}}");

        protected string Web(string page) => Server.WebUri.AbsoluteUri + "/" + page;

        protected IReadOnlyList<RecordedRequest> WebRequests() => Server.Requests.Where(null, "/web/");

        [Fact]
        public void Each_kind_of_answer_gives_its_check_in_input_order()
        {
            ConnectJira();
            var ok = AddLink("WEB-1", Web("ok/home"));
            var moved = AddLink("WEB-1", Web("moved/2/notes"));
            var missing = AddLink("WEB-1", Web("missing/old"));
            var noHead = AddLink("WEB-1", Web("no-head/build"));
            var hang = AddLink("WEB-1", Web("hang/forever"));
            var unknown = AddLink("WEB-1", "http://" + UnknownHost + "/page");
            var broken = AddLink("WEB-1", Web("status/503/down"));
            var signIn = AddLink("WEB-1", Web("status/401/private"));

            var result = Run("Get-RemoteIssueLink WEB-1 | Test-RemoteIssueLink -TimeoutSec 2");

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            var checks = result.Output.ToList();
            Assert.All(checks, c => Assert.Equal("PSRemoteLinks.RemoteIssueLinkCheck", TypeName(c)));
            Assert.Equal(new[] { ok, moved, missing, noHead, hang, unknown, broken, signIn }, checks.Select(c => (long)Prop(c, "Id")!).ToArray());
            Assert.All(checks, c => Assert.Equal("WEB-1", Text(c, "Issue")));

            AssertCheck(checks[0], Web("ok/home"), 200, true, null, null);
            AssertCheck(checks[1], Web("moved/2/notes"), 200, true, Web("ok/notes"), null);
            AssertCheck(checks[2], Web("missing/old"), 404, false, null, "404 Not Found");
            AssertCheck(checks[3], Web("no-head/build"), 200, true, null, null);
            AssertCheck(checks[4], Web("hang/forever"), null, false, null, "no answer within 2 s (-TimeoutSec)");
            AssertCheck(checks[5], "http://" + UnknownHost + "/page", null, false, null, "host not found: " + UnknownHost);
            AssertCheck(checks[6], Web("status/503/down"), 503, false, null, "503 Service Unavailable");
            AssertCheck(checks[7], Web("status/401/private"), 401, true, null, null);
            Assert.True((TimeSpan)Prop(checks[4], "Elapsed")! >= TimeSpan.FromSeconds(1.5), "the hang's Elapsed covers the wait for an answer");

            // HEAD first; GET only where HEAD was refused; every hop of the chain asked once.
            var asked = WebRequests().Select(r => r.Method + " " + r.Path).ToList();
            Assert.Equal(new[] { "HEAD /web/ok/home" }, asked.Where(a => a.Contains("/ok/home", StringComparison.Ordinal)));
            Assert.Equal(new[] { "HEAD /web/moved/2/notes", "HEAD /web/moved/1/notes", "HEAD /web/ok/notes" }, asked.Where(a => a.EndsWith("/notes", StringComparison.Ordinal)));
            Assert.Equal(new[] { "HEAD /web/no-head/build", "GET /web/no-head/build" }, asked.Where(a => a.Contains("no-head", StringComparison.Ordinal)));
            Assert.Equal(new[] { "HEAD /web/missing/old" }, asked.Where(a => a.Contains("missing", StringComparison.Ordinal)));
        }

        [Fact]
        public void No_request_to_a_links_host_carries_the_trackers_credentials_or_cookies()
        {
            ConnectTracker();
            ConnectJira();
            AddLink("WEB-1", Web("ok/same-host-as-jira"));
            AddLink("WEB-1", Web("cookie/login"));
            AddLink("WEB-1", Web("redirect?to=" + Uri.EscapeDataString(Web("ok/after-redirect"))));

            var result = Run("Get-RemoteIssueLink WEB-1 | Test-RemoteIssueLink -ThrottleLimit 1; "
                + "Get-RemoteIssueLink WEB-1 | Test-RemoteIssueLink -Connection (Get-IssueTrackerConnection | Where-Object Kind -eq YandexTracker)");

            Assert.Empty(result.Errors);
            Assert.Equal(6, result.Output.Count);
            Assert.All(result.Output, c => Assert.True((bool)Prop(c, "Reachable")!));
            Assert.Equal(Web("ok/login"), Text(result.Output[1], "RedirectedTo"));
            var web = WebRequests();
            // 3 links, twice: the cookie page and the redirect are two requests each.
            Assert.Equal(10, web.Count);
            foreach (var request in web)
            {
                Assert.False(request.Headers.ContainsKey("Authorization"), request.Path + " got an Authorization header");
                Assert.False(request.Headers.ContainsKey("Cookie"), request.Path + " got a cookie");
                Assert.False(request.Headers.ContainsKey("X-Org-ID"), request.Path + " got the Tracker org header");
            }

            // The same session's tracker requests did carry the credentials: the checks left them out, not the test.
            Assert.All(Server.Requests.Where("GET", "/remotelink"), r => Assert.Equal("Basic " + JiraBasic, r.Headers["Authorization"]));
            Assert.Contains(Server.Requests.All, r => r.Headers.TryGetValue("Authorization", out var value) && value == "OAuth " + Options.TrackerOAuthToken);
        }

        [Fact]
        public void A_tracker_link_to_an_application_is_not_checkable_and_not_listed_as_dead()
        {
            Server.Tracker.AddRemoteLink("TREK-7", "ru.yandex.bitbucket", "PR-7");
            ConnectTracker();

            var result = Run("$checks = Get-RemoteIssueLink TREK-7 | Test-RemoteIssueLink; $checks; "
                + "'dead:' + @($checks | Where-Object -Not Reachable).Count; 'false:' + @($checks | Where-Object Reachable -eq $false).Count; "
                + "'unknown:' + @($checks | Where-Object Reachable -eq Unknown).Count");

            Assert.Empty(result.Errors);
            var check = result.Output[0];
            Assert.Equal("TREK-7", Text(check, "Issue"));
            Assert.Equal(RemoteIssueLinkCheckUnknown, Prop(check, "Reachable"));
            Assert.Null(Prop(check, "StatusCode"));
            Assert.Null(Prop(check, "Url"));
            Assert.Equal("not checkable: PR-7 in the application 'ru.yandex.bitbucket' has no web address", Text(check, "Error"));
            Assert.Equal(new[] { "dead:0", "false:0", "unknown:1" }, result.Output.Skip(1).Select(o => o.ToString()).ToArray());
            Assert.Empty(WebRequests());
        }

        [Fact]
        public void A_site_that_answers_429_is_Unknown_not_dead()
        {
            ConnectJira();
            AddLink("WEB-1", Web("status/429/busy"));

            var result = Run("$checks = Test-RemoteIssueLink WEB-1; $checks; @($checks | Where-Object -Not Reachable).Count");

            Assert.Empty(result.Errors);
            AssertCheck(result.Output[0], Web("status/429/busy"), 429, false, null,
                "not checked: the site answered 429 Too Many Requests; try again later or with a lower -ThrottleLimit", RemoteIssueLinkCheckUnknown);
            Assert.Equal(0, (int)result.Output[1].BaseObject);
        }

        [Fact]
        public void A_link_that_is_not_a_web_address_is_not_checkable()
        {
            ConnectJira();
            AddLink("WEB-1", "notes://server/db/page");

            var result = Run("Test-RemoteIssueLink WEB-1");

            Assert.Empty(result.Errors);
            var check = Assert.Single(result.Output);
            Assert.Equal(RemoteIssueLinkCheckUnknown, Prop(check, "Reachable"));
            Assert.Equal("not checkable: 'notes://server/db/page' is not an http:// or https:// address", Text(check, "Error"));
        }

        [Fact]
        public void Issue_and_Id_check_one_link_and_a_missing_issue_is_an_error_while_the_rest_goes_on()
        {
            ConnectJira();
            AddLink("WEB-1", Web("missing/a"));
            var second = AddLink("WEB-1", Web("ok/b"));

            var result = Run("Test-RemoteIssueLink -Issue WEB-1 -Id " + second + "; Test-RemoteIssueLink NOPE-1, WEB-1");

            var error = SingleError(result);
            Assert.Equal("NotFound,PSRemoteLinks.Commands.TestRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(new object?[] { true, false, true }, result.Output.Select(c => Prop(c, "Reachable")).ToArray());
            Assert.Equal(second, (long)Prop(result.Output[0], "Id")!);
        }

        [Fact]
        public void Redirects_are_capped_and_a_redirect_to_another_scheme_is_not_followed()
        {
            ConnectJira();
            AddLink("WEB-1", Web("moved/11/deep"));
            AddLink("WEB-1", Web("redirect?to=" + Uri.EscapeDataString("ftp://files.example/x")));

            var result = Run("Test-RemoteIssueLink WEB-1");

            Assert.Empty(result.Errors);
            AssertCheck(result.Output[0], Web("moved/11/deep"), 301, false, Web("moved/1/deep"), "more than 10 redirects");
            AssertCheck(result.Output[1], Web("redirect?to=ftp%3A%2F%2Ffiles.example%2Fx"), 302, false, null, "302 Found to 'ftp:', which is not a web address");
            Assert.DoesNotContain(WebRequests(), r => r.Path.EndsWith("/ok/deep", StringComparison.Ordinal));
        }

        [Fact]
        public void A_piped_check_goes_on_to_Remove_RemoteIssueLink()
        {
            ConnectJira();
            AddLink("WEB-1", Web("ok/keep"));
            AddLink("WEB-1", Web("missing/drop"));

            var result = Run("Test-RemoteIssueLink WEB-1 | Where-Object -Not Reachable | Remove-RemoteIssueLink -Confirm:$false; Get-RemoteIssueLink WEB-1");

            Assert.Empty(result.Errors);
            Assert.Equal(Web("ok/keep"), Text(Assert.Single(result.Output), "Url"));
        }

        [Fact]
        public async Task Ctrl_C_stops_the_checks_in_flight()
        {
            ConnectJira();
            AddLink("WEB-1", Web("hang/one"));
            AddLink("WEB-1", Web("hang/two"));

            var running = Start("Test-RemoteIssueLink WEB-1 -TimeoutSec 600");
            Assert.True(SpinUntil(() => Server.Requests.Where("HEAD", "/web/hang/").Count == 2, TimeSpan.FromSeconds(30)), "both checks were sent");

            await AssertStopsPromptly(running);
            Assert.Empty(running.Result.Output);
        }

        [Fact]
        public void Verbose_shows_each_request_and_the_GET_after_a_refused_HEAD()
        {
            ConnectJira();
            AddLink("WEB-1", Web("no-head/build"));

            var result = Run("Test-RemoteIssueLink WEB-1 -Verbose");

            Assert.Empty(result.Errors);
            var lines = result.Verbose.Where(v => v.Contains("/web/", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, lines.Count);
            Assert.Matches("^HEAD " + System.Text.RegularExpressions.Regex.Escape(Web("no-head/build")) + @" -> 405 Method Not Allowed \(\d+ ms\)$", lines[0]);
            Assert.Matches("^GET " + System.Text.RegularExpressions.Regex.Escape(Web("no-head/build")) + @" -> 200 OK \(\d+ ms\)$", lines[1]);
        }

        private const string RemoteIssueLinkCheckUnknown = "Unknown";

        private static void AssertCheck(PSObject check, string url, int? status, bool reachable, string? redirectedTo, string? error, object? reachableValue = null)
        {
            Assert.Equal(url, Text(check, "Url"));
            Assert.Equal(status, (int?)Prop(check, "StatusCode"));
            Assert.Equal(reachableValue ?? reachable, Prop(check, "Reachable"));
            Assert.Equal(redirectedTo, Text(check, "RedirectedTo"));
            Assert.Equal(error, Text(check, "Error"));
        }
    }
}
