using System;
using System.Linq;
using System.Text.Json;
using PSRemoteLinks.Http;
using PSRemoteLinks.Jira;
using PSRemoteLinks.Tracker;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    /// <summary>Every real response body in tests/Fixtures is accepted and read field by field.</summary>
    public class FixtureParsingTests
    {
        private static ApiResponse Response(string fixture) => new ApiResponse(200, Fixtures.Bytes(fixture), "application/json", "GET", "/x");

        private static T Read<T>(string fixture, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
            JsonBodies.Read(Response(fixture), type, "Test", SecretRedactor.Empty);

        [Fact]
        public void Go_jira_remote_links_with_status_and_versionless_self()
        {
            var links = Read("go-jira/remote_links.json", JiraJsonContext.Default.ListJiraRemoteLinkDto)
                .Select(l => JiraMapper.ToRemoteLink(l, "MKY-1", null)).ToList();
            Assert.Equal(2, links.Count);
            var first = links[0];
            Assert.Equal(10000, first.Id);
            Assert.Equal("system=http://www.mycompany.com/support&id=1", first.GlobalId);
            Assert.Equal("http://www.mycompany.com/support?id=1", first.Url);
            Assert.Equal("TSTSUP-111", first.Title);
            Assert.Equal("Crazy customer support issue", first.Summary);
            Assert.Equal("causes", first.Relationship);
            Assert.Equal("com.acme.tracker", first.ApplicationType);
            Assert.Equal("My Acme Tracker", first.ApplicationName);
            Assert.Equal("http://www.mycompany.com/support/ticket.png", first.IconUrl);
            Assert.Equal("Support Ticket", first.IconTitle);
            Assert.True(first.Resolved);
            Assert.Equal("http://www.mycompany.com/support/resolved.png", first.StatusIconUrl);
            Assert.Equal("Case Closed", first.StatusIconTitle);
            Assert.Equal("http://www.mycompany.com/support?id=1&details=closed", first.StatusIconLink);
            Assert.Equal("http://www.example.com/jira/rest/api/issue/MKY-1/remotelink/10000", first.Self);
            Assert.False(links[1].Resolved);
        }

        [Theory]
        [InlineData("JiraPS/ConvertTo-JiraLink.json", true)]
        [InlineData("JiraPS/Get-JiraRemoteLink.json", false)]
        public void JiraPS_single_links(string fixture, bool resolved)
        {
            var link = JiraMapper.ToRemoteLink(Read(fixture, JiraJsonContext.Default.JiraRemoteLinkDto), "MKY-1", null);
            Assert.Equal(10000, link.Id);
            Assert.Equal("TSTSUP-111", link.Title);
            Assert.Equal(resolved, link.Resolved);
        }

        [Fact]
        public void Go_jira_issue_links_read_from_issuelinks_only()
        {
            var links = JiraMapper.ToIssueLinks(Read("go-jira/issue-EX-1.json", JiraJsonContext.Default.JiraIssueDto), "EX-1", null);
            Assert.Equal(2, links.Count);
            Assert.Equal(("is depended by", "Outward", "PRJ-2", 10001L), (links[0].Relationship, links[0].Direction, links[0].LinkedIssue, links[0].Id));
            Assert.Equal(("depends on", "Inward", "PRJ-3", 10002L), (links[1].Relationship, links[1].Direction, links[1].LinkedIssue, links[1].Id));
            Assert.Equal("Open", links[0].LinkedIssueStatus);
            Assert.Null(links[0].LinkedIssueSummary);
            Assert.Equal("Dependent", links[0].Type);
        }

        [Fact]
        public void Jira_ruby_issue_without_links()
        {
            var issue = Read("jira-ruby/issue-10002.json", JiraJsonContext.Default.JiraIssueDto);
            Assert.Empty(JiraMapper.ToIssueLinks(issue, "SAMPLEPROJECT-1", null));
        }

        [Theory]
        [InlineData("JiraPS/ConvertTo-JiraIssueLinkType.json", 4)]
        [InlineData("jira-cli/issue-link-types.json", 3)]
        public void Link_type_lists_with_and_without_self(string fixture, int count)
        {
            var types = Read(fixture, JiraJsonContext.Default.JiraIssueLinkTypesDto).IssueLinkTypes!;
            Assert.Equal(count, types.Count);
            Assert.Equal(("10000", "Blocks", "is blocked by", "blocks"), (types[0].Id, types[0].Name, types[0].Inward, types[0].Outward));
        }

        [Theory]
        [InlineData("aio_yatracker/links-JUNE-2.json", "Open")]
        [InlineData("yandex-cloud-docs/get-links-ru.json", "Открыт")]
        public void Tracker_documented_link_in_english_and_russian(string fixture, string status)
        {
            var link = TrackerMapper.ToIssueLink(Read(fixture, TrackerJsonContext.Default.ListTrackerLinkDto).Single(), "JUNE-2", null);
            Assert.Equal(4709605, link.Id);
            Assert.Equal("is parent task for", link.Relationship);
            Assert.Equal("Outward", link.Direction);
            Assert.Equal("TREK-9844", link.LinkedIssue);
            Assert.Equal("subtask", link.LinkedIssueSummary);
            Assert.Equal(status, link.LinkedIssueStatus);
            Assert.Equal("subtask", link.Type);
            Assert.Equal(new DateTimeOffset(2017, 6, 11, 5, 16, 1, 421, TimeSpan.Zero), link.CreatedAt);
            Assert.Equal(link.CreatedAt, link.UpdatedAt);
            Assert.Equal("https://api.tracker.yandex.net/v2/issues/JUNE-2/links/4709605", link.Self);
        }

        [Fact]
        public void Tracker_link_with_string_id_summary_and_no_self_or_dates()
        {
            var link = TrackerMapper.ToIssueLink(Read("go-yandex-tracker/links-QUEUE-1.json", TrackerJsonContext.Default.ListTrackerLinkDto).Single(), "QUEUE-1", null);
            Assert.Equal(1, link.Id);
            Assert.Equal("relates", link.Relationship);
            Assert.Equal("QUEUE-2", link.LinkedIssue);
            Assert.Equal("Related issue", link.LinkedIssueSummary);
            Assert.Null(link.CreatedAt);
            Assert.Null(link.Self);
        }

        [Fact]
        public void Tracker_remote_links_with_type_key_and_placeholder_self()
        {
            var go = TrackerMapper.ToRemoteLink(Read("go-yandex-tracker/remotelinks-QUEUE-1.json", TrackerJsonContext.Default.ListTrackerLinkDto).Single(), "QUEUE-1", null);
            Assert.Equal((101L, "PR-42", "app1", "GitHub", "relates", "Outward", "Ivan Ivanov"), (go.Id, go.Key, go.Origin, go.ApplicationName, go.Relationship, go.Direction, go.CreatedBy));
            Assert.Null(go.CreatedAt);

            var aio = TrackerMapper.ToRemoteLink(Read("aio_yatracker/remotelinks-TEST-1.json", TrackerJsonContext.Default.ListTrackerLinkDto).Single(), "TEST-1", null);
            Assert.Equal(51299313, aio.Id);
            Assert.Equal("https://api.tracker.yandex.net/v2/issues/<issue-id>/remotelinks/51299313", aio.Self);
            Assert.Equal(new DateTimeOffset(2021, 7, 14, 18, 59, 54, 552, TimeSpan.Zero), aio.CreatedAt);
        }

        [Theory]
        [InlineData("[{\"id\": 99999999999999999999}]")]
        [InlineData("[{\"id\": 1")]
        [InlineData("{\"id\": 1}")]
        [InlineData("[{\"id\": \"abc\"}]")]
        public void A_body_that_is_not_the_expected_json_is_one_clear_error(string body)
        {
            var response = new ApiResponse(200, System.Text.Encoding.UTF8.GetBytes(body), "application/json", "GET", "/rest/api/2/issue/A-1/remotelink");
            var error = Assert.Throws<ApiException>(() => JsonBodies.Read(response, JiraJsonContext.Default.ListJiraRemoteLinkDto, "Jira", SecretRedactor.Empty));
            Assert.Equal(ApiErrorKind.InvalidResponse, error.Kind);
            Assert.StartsWith("Jira's answer to GET /rest/api/2/issue/A-1/remotelink is not the JSON this endpoint returns", error.Message);
            Assert.DoesNotContain("Path:", error.Message);
            Assert.DoesNotContain("LineNumber", error.Message);
            Assert.DoesNotContain("System.", error.Message);
        }

        [Theory]
        [InlineData("[{\"id\": 99999999999999999999}]", "the field 'id' (at $[0].id) is out of range for a 64-bit id.")]
        [InlineData("[{\"id\": \"99999999999999999999\"}]", "the field 'id' (at $[0].id) is out of range for a 64-bit id.")]
        [InlineData("[{\"id\": \"abc\"}]", "the field 'id' (at $[0].id) is not a number.")]
        [InlineData("[{\"id\": 1, \"object\": {\"title\": [1]}}]", "the field 'title' (at $[0].object.title) has a value of another type than this endpoint returns.")]
        [InlineData("[{\"id\": 1", "it is truncated or malformed JSON")]
        [InlineData("{\"id\": 1}", "it is of another shape than this endpoint returns")]
        public void The_message_names_the_field_and_the_problem(string body, string expected)
        {
            var response = new ApiResponse(200, System.Text.Encoding.UTF8.GetBytes(body), "application/json", "GET", "/rest/api/2/issue/A-1/remotelink");

            var error = Assert.Throws<ApiException>(() => JsonBodies.Read(response, JiraJsonContext.Default.ListJiraRemoteLinkDto, "Jira", SecretRedactor.Empty));

            Assert.Contains("is not the JSON this endpoint returns: " + expected, error.Message);
            Assert.Equal("GET", error.Method);
            Assert.Equal("/rest/api/2/issue/A-1/remotelink", error.Path);
        }

        [Fact]
        public void Invalid_utf8_is_an_invalid_response()
        {
            var body = new System.Collections.Generic.List<byte>(System.Text.Encoding.ASCII.GetBytes("[{\"globalId\":\""));
            body.AddRange(new byte[] { 0xC3, 0x28 });
            body.AddRange(System.Text.Encoding.ASCII.GetBytes("\"}]"));
            var response = new ApiResponse(200, body.ToArray(), "application/json", "GET", "/x");
            var error = Assert.Throws<ApiException>(() => JsonBodies.Read(response, JiraJsonContext.Default.ListJiraRemoteLinkDto, "Jira", SecretRedactor.Empty));
            Assert.Equal(ApiErrorKind.InvalidResponse, error.Kind);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        public void An_empty_body_where_json_is_due_is_named(string body)
        {
            var response = new ApiResponse(200, System.Text.Encoding.UTF8.GetBytes(body), "application/json", "GET", "/x");
            var error = Assert.Throws<ApiException>(() => JsonBodies.Read(response, JiraJsonContext.Default.JiraMyselfDto, "Jira", SecretRedactor.Empty));
            Assert.Equal("EmptyResponse", error.ErrorId);
            Assert.Contains("empty body", error.Message);
        }
    }
}
