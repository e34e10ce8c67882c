using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using PSRemoteLinks.Json;

// Shapes of Jira's search answers (reference: search-api.md §1, §2, §4) and of serverInfo (§3).
namespace PSRemoteLinks.Jira
{
    /// <summary>One page of either search API: Cloud's /search/jql (token, isLast) or Data Center's /search (startAt, total).</summary>
    internal sealed class JiraSearchPageDto
    {
        public List<JiraFoundIssueDto>? Issues { get; set; }

        public string? NextPageToken { get; set; }

        public bool? IsLast { get; set; }

        public int? StartAt { get; set; }

        public int? MaxResults { get; set; }

        public long? Total { get; set; }
    }

    internal sealed class JiraFoundIssueDto
    {
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Key { get; set; }

        public string? Self { get; set; }

        public JiraFoundFieldsDto? Fields { get; set; }
    }

    internal sealed class JiraFoundFieldsDto
    {
        public string? Summary { get; set; }

        public JiraStatusDetailsDto? Status { get; set; }

        [JsonPropertyName("issuetype")]
        public JiraNamedDto? IssueType { get; set; }

        public JiraUserDto? Assignee { get; set; }

        [JsonConverter(typeof(OffsetDateTimeConverter))]
        public DateTimeOffset? Updated { get; set; }
    }

    internal sealed class JiraNamedDto
    {
        public string? Name { get; set; }
    }

    /// <summary>Cloud names a user by accountId, Data Center by name/key; both give displayName.</summary>
    internal sealed class JiraUserDto
    {
        public string? DisplayName { get; set; }

        public string? Name { get; set; }

        public string? AccountId { get; set; }
    }

    internal sealed class JiraCountDto
    {
        public long? Count { get; set; }
    }

    internal sealed class JiraServerInfoDto
    {
        public string? BaseUrl { get; set; }

        public string? DeploymentType { get; set; }
    }
}
