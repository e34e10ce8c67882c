using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// The contract's "Connections": -Connection takes a connection's name as well as the object, and an object whose
    /// connection was replaced by a reconnect with the same name says so.
    /// </summary>
    public sealed class ConnectionByNameTests : EngineTest
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("DEMO-1", "Login fails");
            Server.Tracker.AddIssue("TREK-1", "Write the parser");
        }

        [Fact]
        public void A_name_selects_that_connection_whichever_is_the_default()
        {
            ConnectJira("-Name jira");
            ConnectTracker("-Name tracker");
            var before = Server.Requests.Count;

            var result = Run("Get-IssueLink DEMO-1 -Connection jira; Get-IssueLink TREK-1 -Connection TRACKER");

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            var sent = Server.Requests.All.Skip(before).ToList();
            Assert.Equal(2, sent.Count);
            Assert.Contains("/rest/api/2/issue/DEMO-1", sent[0].Path, System.StringComparison.Ordinal);
            Assert.Equal("/tracker/v2/issues/TREK-1/links", sent[1].Path);
        }

        [Fact]
        public void An_unknown_name_is_a_clear_error_naming_it_and_the_open_ones_before_any_request()
        {
            ConnectJira("-Name jira");
            var before = Server.Requests.Count;

            var error = TerminatingError("Get-IssueLink DEMO-1 -Connection jria");

            Assert.Equal("ParameterArgumentTransformationError,PSRemoteLinks.Commands.GetIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("There is no open connection named 'jria'. Open connections: 'jira'", error.Exception.Message);
            Assert.DoesNotContain("   at ", error.Exception.Message);
            Assert.Equal(before, Server.Requests.Count);
        }

        [Fact]
        public void A_name_from_a_piped_objects_Connection_property_binds_too()
        {
            ConnectJira("-Name jira");
            ConnectTracker("-Name tracker");

            var result = Run("[pscustomobject]@{ Issue = 'DEMO-1'; Connection = 'jira' } | Get-IssueLink");

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Single(Server.Requests.Where("GET", "/rest/api/2/issue/DEMO-1"));
            Assert.Empty(Server.Requests.Where("GET", "/tracker/v2/issues"));
        }

        [Fact]
        public void Disconnect_takes_a_name_for_Connection_as_well()
        {
            ConnectJira("-Name jira");
            ConnectTracker("-Name tracker");

            var result = Run("Disconnect-IssueTracker -Connection jira; (Get-IssueTrackerConnection).Name");

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(new[] { "tracker" }, result.Output.Select(o => o.ToString()).ToArray());
        }

        [Fact]
        public void An_object_of_a_replaced_connection_says_it_was_replaced_and_the_name_reaches_the_new_one()
        {
            var setup = Run("$old = Connect-Jira $JiraUri -Credential $JiraCred -Name work -PassThru; Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -Name work");
            Assert.True(setup.Succeeded, string.Join("\n", setup.Errors));

            var error = TerminatingError("Get-IssueLink DEMO-1 -Connection $old");
            var byName = Run("Get-IssueLink TREK-1 -Connection work");

            Assert.Equal("ConnectionReplaced,PSRemoteLinks.Commands.GetIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("The connection 'work' (" + Server.JiraUri + ") was replaced by a later connection of the same name (YandexTracker at " + Server.TrackerUri + ")", error.Exception.Message);
            Assert.DoesNotContain("Disconnect-IssueTracker", error.Exception.Message);
            Assert.True(byName.Succeeded, string.Join("\n", byName.Errors));
            Assert.Single(Server.Requests.Where("GET", "/tracker/v2/issues/TREK-1/links"));
        }

        [Fact]
        public void An_object_of_a_disconnected_connection_still_says_it_was_closed_by_Disconnect()
        {
            Assert.True(Run("$old = Connect-Jira $JiraUri -Credential $JiraCred -Name work -PassThru; Disconnect-IssueTracker -Name work").Succeeded);

            var error = TerminatingError("Get-IssueLink DEMO-1 -Connection $old");

            Assert.Equal("ConnectionClosed,PSRemoteLinks.Commands.GetIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("was closed by Disconnect-IssueTracker", error.Exception.Message);
        }
    }
}
