using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Find-Issue on Jira Data Center: search with startAt and total; how the module tells the two deployments apart.</summary>
    public class FindIssueDataCenterTests : FindIssueTests
    {
        protected override EmulatorOptions CreateOptions() => new() { JiraDeployment = JiraDeployment.DataCenter };

        [Fact]
        public void Data_Center_reads_25000_issues_over_250_startAt_pages_each_key_once_in_the_services_order()
        {
            ConnectJira();
            var keys = IssueSets.AddJira(Server.Jira, "BIG", 25000);
            Server.Requests.Clear();

            var result = RunClean("Find-Issue 'project = BIG ORDER BY key' | ForEach-Object Issue");

            Assert.Equal(keys, result.Output.Select(o => (string)o.BaseObject).ToArray());
            var searches = Searches();
            Assert.Equal(250, searches.Count);
            Assert.All(searches, s => Assert.EndsWith("/rest/api/2/search", s.Path, StringComparison.Ordinal));
            Assert.Equal(Enumerable.Range(0, 250).Select(i => i * 100).ToArray(), searches.Select(s => (int)JsonNode.Parse(s.Body)!["startAt"]!).ToArray());
        }

        [Fact]
        public void The_first_issue_reaches_the_pipeline_before_the_second_page_is_asked_for()
        {
            ConnectJira();
            IssueSets.AddJira(Server.Jira, "BIG", 300);
            Server.Requests.Clear();

            Assert.Equal(1, SearchesWhenFirstIssueArrived("Find-Issue 'project = BIG'"));
        }

        [Fact]
        public void Skip_starts_the_first_page_there_and_IncludeTotalCount_is_exact()
        {
            ConnectJira();
            var keys = IssueSets.AddJira(Server.Jira, "BIG", 1000);
            Server.Requests.Clear();

            var (text, accuracy, count, found) = WithTotal("Find-Issue 'project = BIG' -Skip 150 -First 20 -IncludeTotalCount");

            Assert.Equal(1000UL, count);
            Assert.Equal("Total count: 1000", text);
            Assert.Equal(1.0, accuracy);
            Assert.Equal(keys.Skip(150).Take(20).ToArray(), found);
            var search = Assert.Single(Searches());
            Assert.Equal(150, (int)JsonNode.Parse(search.Body)!["startAt"]!);
            Assert.Equal(20, (int)JsonNode.Parse(search.Body)!["maxResults"]!);
            Assert.Empty(Server.Requests.Where("POST", "/approximate-count"));
        }

        [Fact]
        public void ServerInfo_is_read_once_per_connection()
        {
            ConnectJira();
            IssueSets.AddJira(Server.Jira, "BIG", 5);
            Server.Requests.Clear();

            RunClean("Find-Issue 'project = BIG' | Out-Null; Find-Issue 'project = BIG' | Out-Null");

            Assert.Single(Server.Requests.Where("GET", "/serverInfo"));
            Assert.Empty(Server.Requests.Where("POST", "/search/jql"));
            Assert.Equal(2, Server.Requests.Where("POST", "/rest/api/2/search").Count);
        }

        [Fact]
        public void When_serverInfo_fails_a_404_from_search_jql_means_Data_Center_and_is_remembered()
        {
            ConnectJira();
            var keys = IssueSets.AddJira(Server.Jira, "BIG", 5);
            Server.Faults.Add(Fault.Status(403, "{\"errorMessages\":[\"Anonymous access is disabled.\"],\"errors\":{}}").For("GET", "/serverInfo").Times(-1));
            Server.Requests.Clear();

            var first = RunClean("Find-Issue 'project = BIG'");
            var second = RunClean("Find-Issue 'project = BIG'");

            Assert.Equal(keys, Keys(first));
            Assert.Equal(keys, Keys(second));
            Assert.Equal(new[] { "/search/jql", "/search", "/search" }, Searches().Select(s => s.Path[s.Path.LastIndexOf("/search", StringComparison.Ordinal)..]).ToArray());
        }

        [Fact]
        public void A_bad_query_is_one_error_quoting_Jira()
        {
            ConnectJira();

            var error = SingleError(Run("Find-Issue 'project = NOPE'"));

            Assert.Equal("BadRequest,PSRemoteLinks.Commands.FindIssueCommand", error.FullyQualifiedErrorId);
            Assert.Contains("The value 'NOPE' does not exist for the field 'project'.", error.Exception.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Jira Cloud reached through the Atlassian gateway: its web address comes from serverInfo's baseUrl.</summary>
    public class FindIssueGatewayTests : FindIssueTests
    {
        [Fact]
        public void Through_the_gateway_the_browse_url_is_the_sites_own()
        {
            Run("Connect-Jira -Uri $Gateway -CloudId $CloudId -Credential $JiraCred",
                new System.Collections.Generic.Dictionary<string, object?> { ["Gateway"] = Server.GatewayUri, ["CloudId"] = Options.JiraCloudId });
            Server.Jira.AddIssue("OPS-1", "Move the wiki");

            var issue = SingleIssue(RunClean("Find-Issue 'project = OPS'"));

            Assert.Equal(Server.JiraUri.AbsoluteUri.TrimEnd('/') + "/browse/OPS-1", Text(issue, "Url"));
            Assert.StartsWith(Server.JiraGatewayUri.AbsoluteUri.TrimEnd('/') + "/rest/api/2/issue/", Text(issue, "Self"), StringComparison.Ordinal);
        }
    }
}
