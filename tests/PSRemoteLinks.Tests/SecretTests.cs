using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>A token or password never appears in output, any stream, an error, or what the host rendered.</summary>
    public class SecretTests : EngineTest
    {
        [Fact]
        public void No_secret_in_anything_a_user_can_see_with_verbose_and_debug()
        {
            Server.Jira.AddIssue("A-1", "Exists");
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://a.example\",\"title\":\"A\"}}");
            // A server that echoes the credentials back in an error body.
            Server.Faults.Add(Fault.Status(401, "{\"errorMessages\":[\"bad credentials " + Options.JiraApiToken + " / " + JiraBasic + "\"]}").For("GET", "NOPE"));

            var script = "$c = Connect-Jira $JiraUri -Credential $JiraCred -PassThru -Verbose -Debug; $c; \"$c\"; $c | Out-Default; "
                + "Get-IssueTrackerConnection | Out-Default; "
                + "Get-RemoteIssueLink A-1, NOPE-1 -Verbose -Debug | Out-Default; "
                + "New-RemoteIssueLink A-1 -Url https://b.example -Title B -Verbose -Debug; "
                + "Connect-Jira $JiraUri -PersonalAccessToken $JiraPat -Name pat -Verbose -Debug; Get-RemoteIssueLink A-1 -Verbose -Debug";
            var result = Run(script);

            Assert.Contains("bad credentials", result.EverythingVisible());
            AssertNoSecretVisible(result);

            Assert.NotEmpty(result.Verbose);
            Assert.NotEmpty(result.Debug);
        }

        [Fact]
        public void No_secret_from_a_tracker_connection_either()
        {
            // A server that echoes the token back, as the header value and alone, in its error body: without it this
            // test would pass whether or not anything is redacted.
            Server.Faults.Add(Fault.Status(404, "{\"errors\":{},\"errorMessages\":[\"no such issue for OAuth " + Options.TrackerOAuthToken
                + " (token " + Options.TrackerOAuthToken + ")\"],\"statusCode\":404}").For("GET", "NOPE-1"));

            var result = Run("Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -PassThru -Verbose -Debug | Out-Default; "
                + "Get-IssueLink NOPE-1 -Verbose -Debug");

            Assert.Contains("no such issue for OAuth ", SingleError(result).Exception.Message);
            Assert.Contains("no such issue for", result.EverythingVisible());
            AssertNoSecretVisible(result);
        }
    }
}
