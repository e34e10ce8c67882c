using System;
using System.Text;
using PSRemoteLinks.Http;
using PSRemoteLinks.Jira;
using PSRemoteLinks.Tracker;
using Xunit;

namespace PSRemoteLinks.UnitTests
{
    /// <summary>The search shapes of reference search-api.md §1, §2, §4 and §5 (hand-made, as the reference gives them), read field by field.</summary>
    public class SearchParsingTests
    {
        private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
            JsonBodies.Read(new ApiResponse(200, Encoding.UTF8.GetBytes(json), "application/json", "POST", "/x"), type, "Test", SecretRedactor.Empty);

        [Fact]
        public void A_Cloud_page_gives_its_token_and_issue_fields_with_offsets_without_a_colon()
        {
            var page = Read(
                "{\"issues\":[{\"id\":\"20417\",\"key\":\"OPS-88\",\"self\":\"https://acme.atlassian.net/rest/api/2/issue/20417\",\"fields\":{"
                + "\"summary\":\"Move\",\"status\":{\"name\":\"In Review\",\"statusCategory\":{\"key\":\"indeterminate\"}},"
                + "\"issuetype\":{\"name\":\"Bug\",\"subtask\":false},\"assignee\":null,\"updated\":\"2020-12-03T14:05:20.974+0100\"}}],"
                + "\"nextPageToken\":\"opaque\",\"isLast\":false}",
                JiraSearchJsonContext.Default.JiraSearchPageDto);

            Assert.Equal("opaque", page.NextPageToken);
            Assert.False(page.IsLast);
            Assert.Null(page.Total);
            var fields = page.Issues![0].Fields!;
            Assert.Equal("In Review", fields.Status!.Name);
            Assert.Equal("indeterminate", fields.Status.StatusCategory!.Key);
            Assert.Equal("Bug", fields.IssueType!.Name);
            Assert.Null(fields.Assignee);
            Assert.Equal(new DateTimeOffset(2020, 12, 3, 14, 5, 20, 974, TimeSpan.FromHours(1)), fields.Updated);
        }

        [Fact]
        public void A_Data_Center_page_gives_startAt_maxResults_and_total()
        {
            var page = Read("{\"expand\":\"names\",\"startAt\":100,\"maxResults\":50,\"total\":123,\"issues\":[]}", JiraSearchJsonContext.Default.JiraSearchPageDto);

            Assert.Equal(100, page.StartAt);
            Assert.Equal(50, page.MaxResults);
            Assert.Equal(123, page.Total);
        }

        [Theory]
        [InlineData("Cloud")]
        [InlineData("Server")]
        public void ServerInfo_gives_the_deployment_type_and_base_url(string deployment)
        {
            var info = Read("{\"baseUrl\":\"https://jira.example.com/jira\",\"version\":\"10.3.13\",\"versionNumbers\":[10,3,13],\"deploymentType\":\"" + deployment + "\"}",
                JiraSearchJsonContext.Default.JiraServerInfoDto);

            Assert.Equal(deployment, info.DeploymentType);
            Assert.Equal("https://jira.example.com/jira", info.BaseUrl);
        }

        [Theory]
        [InlineData("\"Open\"", "Open")]
        [InlineData("{\"ru\":\"Открыт\",\"en\":\"Open\"}", "Open")]
        [InlineData("{\"ru\":\"Открыт\"}", "Открыт")]
        public void A_Tracker_display_may_be_text_or_localized_texts(string display, string expected)
        {
            var issues = Read(
                "[{\"self\":\"https://api.tracker.yandex.net/v2/issues/OPS-88\",\"id\":\"65a0c0ffee0000000000abcd\",\"key\":\"OPS-88\",\"summary\":\"Move\","
                + "\"status\":{\"id\":\"1\",\"key\":\"open\",\"display\":" + display + "},\"updatedAt\":\"2026-02-03T17:45:12.345+0000\"}]",
                TrackerSearchJsonContext.Default.ListTrackerFoundIssueDto);

            var issue = Assert.Single(issues);
            Assert.Equal(expected, issue.Status!.Display);
            Assert.Equal("open", issue.Status.Key);
            Assert.Equal(new DateTimeOffset(2026, 2, 3, 17, 45, 12, 345, TimeSpan.Zero), issue.UpdatedAt);
            Assert.Null(issue.Assignee);
        }
    }
}
