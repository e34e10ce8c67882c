using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Yandex Tracker external links ("remotelinks"): create, list, remove; no update.</summary>
    public class TrackerRemoteLinkTests : EngineTest
    {
        private const string Bitbucket = "ru.yandex.bitbucket";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Tracker.AddIssue("TREK-1", "Has external links");
            Server.Tracker.AddIssue("TREK-2", "Has none");
            ConnectTracker();
        }

        [Fact]
        public void New_sends_key_origin_and_relates_and_emits_the_link_as_created()
        {
            var before = DateTimeOffset.UtcNow.AddSeconds(-1);

            var result = Run("New-RemoteIssueLink -Issue TREK-1 -Key PR-42 -Origin " + Bitbucket);

            Assert.Empty(result.Errors);
            var post = Assert.Single(Server.Requests.Where("POST", "/remotelinks"));
            Assert.Equal("/tracker/v2/issues/TREK-1/remotelinks", post.RawTarget);
            AssertJson("{\"relationship\":\"relates\",\"key\":\"PR-42\",\"origin\":\"" + Bitbucket + "\"}", post.Body);
            var stored = Assert.Single(Server.Tracker.RemoteLinks("TREK-1"));
            Assert.Null(stored.Backlink);

            var link = Assert.Single(result.Output);
            Assert.Equal("PSRemoteLinks.RemoteIssueLink", TypeName(link));
            Assert.Equal("TREK-1", Text(link, "Issue"));
            Assert.Equal(stored.Id, Prop(link, "Id"));
            Assert.Equal("PR-42", Text(link, "Key"));
            Assert.Equal(Bitbucket, Text(link, "Origin"));
            Assert.Equal("Bitbucket", Text(link, "ApplicationName"));
            Assert.Equal(Bitbucket, Text(link, "ApplicationType"));
            Assert.Equal("relates", Text(link, "Relationship"));
            Assert.Equal("Outward", Text(link, "Direction"));
            Assert.Equal("Emulated Admin", Text(link, "CreatedBy"));
            Assert.InRange(Assert.IsType<DateTimeOffset>(Prop(link, "CreatedAt")), before, DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.Equal(Server.TrackerUri + "/v2/issues/TREK-1/remotelinks/" + stored.Id, Text(link, "Self"));
            Assert.Null(Prop(link, "Url"));
            Assert.Null(Prop(link, "GlobalId"));
        }

        [Theory]
        [InlineData("-Backlink", "?backlink=true", true)]
        [InlineData("-Backlink:$true", "?backlink=true", true)]
        [InlineData("-Backlink:$false", "?backlink=false", false)]
        public void Backlink_is_sent_as_the_query_parameter(string parameter, string query, bool backlink)
        {
            var result = Run("New-RemoteIssueLink TREK-1 -Key PR-7 -Origin " + Bitbucket + " -Relationship RELATES " + parameter);

            Assert.Empty(result.Errors);
            var post = Assert.Single(Server.Requests.Where("POST", "/remotelinks"));
            Assert.Equal(query, post.Query);
            Assert.Equal("RELATES", (string?)JsonNode.Parse(post.Body)!["relationship"]);
            Assert.Equal(backlink, Assert.Single(Server.Tracker.RemoteLinks("TREK-1")).Backlink);
        }

        [Fact]
        public void Get_lists_the_links_with_their_application_author_and_time()
        {
            Server.Tracker.AddApplication("app1", "GitHub");
            var first = Server.Tracker.AddRemoteLink("TREK-1", Bitbucket, "PR-1");
            var second = Server.Tracker.AddRemoteLink("TREK-1", "app1", "ISSUE-9");

            var result = Run("Get-RemoteIssueLink TREK-1; Get-RemoteIssueLink TREK-2");

            Assert.Empty(result.Errors);
            Assert.Equal(new object?[] { first, second }, result.Output.Select(o => Prop(o, "Id")).ToArray());
            Assert.Equal(new[] { "PR-1", "ISSUE-9" }, result.Output.Select(o => Text(o, "Key")).ToArray());
            Assert.Equal(new[] { Bitbucket, "app1" }, result.Output.Select(o => Text(o, "Origin")).ToArray());
            Assert.Equal(new[] { "Bitbucket", "GitHub" }, result.Output.Select(o => Text(o, "ApplicationName")).ToArray());
            Assert.All(result.Output, o =>
            {
                Assert.Equal("TREK-1", Text(o, "Issue"));
                Assert.Equal("Outward", Text(o, "Direction"));
                Assert.Equal("Emulated Admin", Text(o, "CreatedBy"));
                Assert.NotNull(Prop(o, "CreatedAt"));
                Assert.NotNull(Prop(o, "UpdatedAt"));
            });
            Assert.Equal(first, Prop(Assert.Single(Run("Get-RemoteIssueLink TREK-1 -Id " + first).Output), "Id"));
        }

        [Theory]
        [InlineData("aio_yatracker/remotelinks-TEST-1.json", 51299313L, "<object-key>", "<application-id>", "<application-name>", "display-user-name", "2021-07-14T18:59:54.552+00:00")]
        [InlineData("go-yandex-tracker/remotelinks-QUEUE-1.json", 101L, "PR-42", "app1", "GitHub", "Ivan Ivanov", null)]
        public void Third_party_remote_link_responses_are_read(string fixture, long id, string key, string origin, string application, string createdBy, string? createdAt)
        {
            Server.Faults.Add(Fault.Serve(200, TestFiles.Fixture(fixture)).For("GET", "/remotelinks"));

            var link = Assert.Single(Run("Get-RemoteIssueLink TEST-1").Output);

            Assert.Equal(id, Prop(link, "Id"));
            Assert.Equal(key, Text(link, "Key"));
            Assert.Equal(origin, Text(link, "Origin"));
            Assert.Equal(application, Text(link, "ApplicationName"));
            Assert.Equal("relates", Text(link, "Relationship"));
            Assert.Equal("Outward", Text(link, "Direction"));
            Assert.Equal(createdBy, Text(link, "CreatedBy"));
            Assert.Equal(createdAt is null ? null : DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture), Prop(link, "CreatedAt"));
        }

        [Fact]
        public void Remove_by_id_and_by_pipeline_deletes_the_links()
        {
            var first = Server.Tracker.AddRemoteLink("TREK-1", Bitbucket, "PR-1");
            Server.Tracker.AddRemoteLink("TREK-1", Bitbucket, "PR-2");
            Server.Tracker.AddRemoteLink("TREK-1", Bitbucket, "PR-3");

            var byId = Run("Remove-RemoteIssueLink TREK-1 -Id " + first + " -Confirm:$false");
            Assert.Empty(byId.Errors);
            Assert.Equal("/tracker/v2/issues/TREK-1/remotelinks/" + first, Server.Requests.All.Last().RawTarget);
            Assert.Equal(2, Server.Tracker.RemoteLinks("TREK-1").Count);

            var piped = Run("Get-RemoteIssueLink TREK-1 | Remove-RemoteIssueLink -Confirm:$false");
            Assert.Empty(piped.Errors);
            Assert.Empty(Server.Tracker.RemoteLinks("TREK-1"));
            Assert.All(Server.Requests.Where("DELETE", "/remotelinks/"), d => Assert.Equal(204, d.Status));
        }

        [Fact]
        public void Links_piped_into_new_are_copied_onto_another_issue()
        {
            Server.Tracker.AddRemoteLink("TREK-1", Bitbucket, "PR-1");
            Server.Tracker.AddRemoteLink("TREK-1", "ru.yandex.lunapark", "LOAD-5");

            var result = Run("Get-RemoteIssueLink TREK-1 | New-RemoteIssueLink -Issue TREK-2");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "TREK-2", "TREK-2" }, result.Output.Select(o => Text(o, "Issue")).ToArray());
            Assert.Equal(
                new[] { Bitbucket + "/PR-1", "ru.yandex.lunapark/LOAD-5" },
                Server.Tracker.RemoteLinks("TREK-2").Select(l => l.Origin + "/" + l.Key).ToArray());
        }

        [Fact]
        public void A_missing_key_or_origin_is_a_clear_error_before_any_request()
        {
            var count = Server.Requests.Count;

            var result = Run("New-RemoteIssueLink TREK-1 -Origin " + Bitbucket + "; New-RemoteIssueLink TREK-1 -Key PR-1 -Origin ''");

            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e =>
            {
                Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
                Assert.Equal("InvalidInput,PSRemoteLinks.Commands.NewRemoteIssueLinkCommand", e.FullyQualifiedErrorId);
                Assert.Contains("needs -Key (the object's key in the application) and -Origin (the application id)", e.Exception.Message);
            });
            Assert.Equal(count, Server.Requests.Count);
        }

        [Fact]
        public void Jira_links_piped_into_a_tracker_connection_are_refused_for_want_of_key_and_origin()
        {
            Server.Jira.AddIssue("A-1", "Jira issue");
            Server.Jira.AddRemoteLink("A-1", "{\"object\":{\"url\":\"https://x.example\",\"title\":\"X\"}}");

            var result = Run("$jira = Connect-Jira $JiraUri -Credential $JiraCred -Name site -PassThru; $tracker = Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -PassThru; "
                + "Get-RemoteIssueLink A-1 -Connection $jira | New-RemoteIssueLink -Issue TREK-2 -Connection $tracker");

            Assert.Contains("needs -Key", SingleError(result).Exception.Message);
            Assert.Empty(Server.Requests.Where("POST", "/"));
        }

        [Theory]
        [InlineData(" -Relationship depends")]
        [InlineData(" -Key PR-2 -Origin " + Bitbucket + " -Backlink")]
        public void Set_is_not_supported_by_tracker_and_sends_no_request(string fields)
        {
            var id = Server.Tracker.AddRemoteLink("TREK-1", Bitbucket, "PR-1");
            var count = Server.Requests.Count;

            var error = SingleError(Run("Set-RemoteIssueLink TREK-1 -Id " + id + fields));

            Assert.Equal(ErrorCategory.NotImplemented, error.CategoryInfo.Category);
            Assert.Equal("NotSupportedByBackend,PSRemoteLinks.Commands.SetRemoteIssueLinkCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Set-RemoteIssueLink is not supported by Yandex Tracker", error.Exception.Message);
            Assert.Equal("TREK-1", error.TargetObject);
            Assert.Equal(count, Server.Requests.Count);
        }

        [Theory]
        [InlineData("Get-RemoteIssueLink TREK-1 -GlobalId g1")]
        [InlineData("Remove-RemoteIssueLink TREK-1 -GlobalId g1 -Confirm:$false")]
        public void Global_ids_are_a_jira_feature_and_send_no_request(string script)
        {
            var count = Server.Requests.Count;

            var error = SingleError(Run(script));

            Assert.Equal(ErrorCategory.NotImplemented, error.CategoryInfo.Category);
            Assert.Contains("-GlobalId is a Jira feature", error.Exception.Message);
            Assert.Equal(count, Server.Requests.Count);
        }

        [Fact]
        public void Jira_fields_on_a_tracker_connection_are_a_clear_error_before_any_request()
        {
            var count = Server.Requests.Count;

            var error = SingleError(Run("New-RemoteIssueLink TREK-1 -Url https://x.example -Title X"));

            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("-Url, -Title apply to Jira remote links", error.Exception.Message);
            Assert.Contains("-Key, -Origin", error.Exception.Message);
            Assert.Equal(count, Server.Requests.Count);
        }

        [Fact]
        public void An_unknown_application_or_issue_is_ObjectNotFound_with_the_servers_text()
        {
            var origin = SingleError(Run("New-RemoteIssueLink TREK-1 -Key PR-1 -Origin com.example.nothing"));
            Assert.Equal(ErrorCategory.ObjectNotFound, origin.CategoryInfo.Category);
            Assert.Contains("Application not found", origin.Exception.Message);

            var issue = SingleError(Run("Get-RemoteIssueLink NOPE-1"));
            Assert.Equal(ErrorCategory.ObjectNotFound, issue.CategoryInfo.Category);
            Assert.Equal("NotFound,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand", issue.FullyQualifiedErrorId);
            Assert.Contains("Issue not found", issue.Exception.Message);
        }

        [Fact]
        public void WhatIf_sends_no_change()
        {
            var id = Server.Tracker.AddRemoteLink("TREK-1", Bitbucket, "PR-1");

            var result = Run("New-RemoteIssueLink TREK-1 -Key PR-2 -Origin " + Bitbucket + " -WhatIf; Remove-RemoteIssueLink TREK-1 " + id + " -WhatIf");

            Assert.Empty(result.Errors);
            Assert.Empty(Changes());
            Assert.Contains("Add remote link 'PR-2'", result.HostText);
        }
    }
}
