using System.Linq;
using System.Management.Automation;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Connect-YandexTracker: the headers Yandex 360 and Yandex Cloud organisations need, checked on the requests received.</summary>
    public class TrackerConnectionTests : EngineTest
    {
        private const string OrganizationUnavailable = "Organization is not available, not ready or not found";

        public override async System.Threading.Tasks.Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Tracker.AddIssue("TREK-1", "Exists");
        }

        [Fact]
        public void A_yandex_360_organisation_gets_X_Org_ID_and_an_OAuth_token_on_every_request()
        {
            var result = Run("$c = Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -PassThru; $c; Get-IssueLink TREK-1");

            Assert.Empty(result.Errors);
            var connection = Assert.Single(result.Output);
            Assert.Equal("PSRemoteLinks.IssueTrackerConnection", TypeName(connection));
            Assert.Equal("YandexTracker", Text(connection, "Kind"));
            Assert.Equal("tracker-" + Options.TrackerOrgId, Text(connection, "Name"));
            Assert.Equal("Emulated Admin", Text(connection, "User"));
            Assert.Equal("X-Org-ID: " + Options.TrackerOrgId, Text(connection, "Organization"));
            Assert.Equal(true, Prop(connection, "IsDefault"));
            Assert.Equal(new[] { "/tracker/v2/myself", "/tracker/v2/issues/TREK-1/links" }, Server.Requests.All.Select(r => r.Path).ToArray());
            Assert.All(Server.Requests.All, r =>
            {
                Assert.Equal("OAuth " + Options.TrackerOAuthToken, r.Headers["Authorization"]);
                Assert.Equal(Options.TrackerOrgId, r.Headers["X-Org-ID"]);
                Assert.False(r.Headers.ContainsKey("X-Cloud-Org-ID"));
                Assert.Equal("en", r.Headers["Accept-Language"]);
                Assert.Equal(200, r.Status);
            });
        }

        [Theory]
        [InlineData("", "OAuth")]
        [InlineData("-TokenType OAuth", "OAuth")]
        [InlineData("-TokenType IAM", "Bearer")]
        public void A_yandex_cloud_organisation_gets_X_Cloud_Org_ID_with_an_OAuth_or_IAM_token(string tokenType, string scheme)
        {
            var token = scheme == "Bearer" ? "$IamToken" : "$TrackerToken";
            var result = Run("$c = Connect-YandexTracker -Uri $TrackerUri -Token " + token + " -CloudOrgId $CloudOrgId " + tokenType + " -PassThru; $c; Get-IssueLink TREK-1");

            Assert.Empty(result.Errors);
            Assert.Equal("X-Cloud-Org-ID: " + Options.TrackerCloudOrgId, Text(result.Output[0], "Organization"));
            Assert.Equal(2, Server.Requests.Count);
            Assert.All(Server.Requests.All, r =>
            {
                Assert.Equal(scheme + " " + (scheme == "Bearer" ? Options.TrackerIamToken : Options.TrackerOAuthToken), r.Headers["Authorization"]);
                Assert.Equal(Options.TrackerCloudOrgId, r.Headers["X-Cloud-Org-ID"]);
                Assert.False(r.Headers.ContainsKey("X-Org-ID"));
                Assert.Equal("en", r.Headers["Accept-Language"]);
                Assert.Equal(200, r.Status);
            });
        }

        [Fact]
        public void An_IAM_token_with_a_yandex_360_organisation_is_a_parameter_error_before_any_request()
        {
            var error = TerminatingError("Connect-YandexTracker -Uri $TrackerUri -Token $IamToken -OrgId $OrgId -TokenType IAM");

            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("IamTokenNeedsCloudOrgId,PSRemoteLinks.Commands.ConnectYandexTrackerCommand", error.FullyQualifiedErrorId);
            Assert.Contains("-TokenType IAM works only with -CloudOrgId", error.Exception.Message);
            Assert.Equal(0, Server.Requests.Count);
            Assert.Empty(Run("Get-IssueTrackerConnection").Output);
        }

        [Fact]
        public void ApiVersion_v3_sends_every_request_to_v3_paths()
        {
            Server.Tracker.AddIssue("TREK-2", "Other");
            Server.Tracker.AddApplication("app1", "GitHub");

            var result = Run("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -ApiVersion v3; "
                + "New-IssueLink TREK-1 TREK-2 relates; Get-IssueLink TREK-1; Get-IssueLinkType | Out-Null; "
                + "New-RemoteIssueLink TREK-1 -Key PR-1 -Origin app1 | Remove-RemoteIssueLink -Confirm:$false; "
                + "Get-IssueLink TREK-1 | Remove-IssueLink -Confirm:$false");

            Assert.Empty(result.Errors);
            // New-IssueLink reads the new link back for its status (1), and each remove reads the issue's links
            // before its DELETE (2).
            Assert.Equal(11, Server.Requests.Count);
            Assert.All(Server.Requests.All, r => Assert.StartsWith("/tracker/v3/", r.Path));
            Assert.StartsWith(Server.TrackerUri + "/v3/issues/TREK-1/links/", Text(result.Output[1], "Self"));
        }

        [Theory]
        [InlineData("/v3", "", "/tracker/v3/myself")]
        [InlineData("/v2/", "", "/tracker/v2/myself")]
        [InlineData("/v3", " -ApiVersion v2", "/tracker/v2/myself")]
        public void An_address_copied_with_its_api_version_is_not_doubled(string suffix, string extra, string expectedPath)
        {
            var result = Run("Connect-YandexTracker -Uri ($TrackerUri.AbsoluteUri + '" + suffix + "') -Token $TrackerToken -OrgId $OrgId" + extra);

            Assert.Empty(result.Errors);
            Assert.Equal(expectedPath, Assert.Single(Server.Requests.All).Path);
        }

        [Fact]
        public void A_wrong_organisation_fails_to_connect_with_Trackers_403_message_and_a_hint_about_the_organisation_id()
        {
            var error = TerminatingError("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId 1111111");

            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Equal("OrganizationNotFound,PSRemoteLinks.Commands.ConnectYandexTrackerCommand", error.FullyQualifiedErrorId);
            Assert.Contains("403", error.Exception.Message);
            Assert.Contains(OrganizationUnavailable, error.Exception.Message);
            Assert.Contains("Check the organisation id 1111111 (X-Org-ID)", error.Exception.Message);
            Assert.Contains("-CloudOrgId (a Yandex Cloud Organization) instead.", error.Exception.Message);
            Assert.DoesNotContain("feature is disabled", error.Exception.Message);
            Assert.Equal(403, Assert.Single(Server.Requests.All).Status);
            Assert.Empty(Run("Get-IssueTrackerConnection").Output);
        }

        [Fact]
        public void A_wrong_organisation_found_later_is_PermissionDenied_with_Trackers_message()
        {
            var result = Run("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -CloudOrgId bpfwrong -SkipVerification; Get-IssueLink TREK-1");

            var error = SingleError(result);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Equal("PermissionDenied,PSRemoteLinks.Commands.GetIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Yandex Tracker answered 403", error.Exception.Message);
            Assert.Contains(OrganizationUnavailable, error.Exception.Message);
            Assert.Equal("bpfwrong", Assert.Single(Server.Requests.All).Headers["X-Cloud-Org-ID"]);
        }

        [Fact]
        public void A_wrong_token_fails_to_connect_with_an_authentication_error_that_does_not_show_it()
        {
            var error = TerminatingError("Connect-YandexTracker -Uri $TrackerUri -Token $bad -OrgId $OrgId",
                With("bad", Secure("y0_wrong-token-123")));

            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal("AuthenticationFailed,PSRemoteLinks.Commands.ConnectYandexTrackerCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Not authorized", error.Exception.Message);
            Assert.DoesNotContain("y0_wrong-token-123", error.ToString());
        }

        [Fact]
        public void No_token_appears_in_anything_a_user_can_see_with_verbose_and_debug()
        {
            var result = Run("$c = Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -PassThru -Verbose -Debug; \"$c\"; $c | Out-Default; "
                + "Get-IssueLink TREK-1, NOPE-1 -Verbose -Debug | Out-Default; "
                + "Connect-YandexTracker -Uri $TrackerUri -Token $IamToken -CloudOrgId $CloudOrgId -TokenType IAM -Name iam -Verbose -Debug; Get-IssueLink TREK-1 -Verbose -Debug");

            Assert.Contains("/tracker/v2/issues/TREK-1/links", result.EverythingVisible());
            AssertNoSecretVisible(result);
        }

        [Fact]
        public void The_default_address_is_the_public_api_host()
        {
            var result = Run("Connect-YandexTracker -Token $TrackerToken -OrgId $OrgId -SkipVerification -PassThru");

            Assert.Empty(result.Errors);
            Assert.Equal("https://api.tracker.yandex.net/", Text(Assert.Single(result.Output), "Uri"));
            Assert.Equal(0, Server.Requests.Count);
        }
    }
}
