using System.Collections.Generic;
using System.Text.Json.Serialization;
using PSRemoteLinks.Json;

// Shapes of Jira's REST v2 answers, as far as this module reads them. Unknown fields are ignored;
// every field may be missing (old Server payloads, fixtures from other clients).
namespace PSRemoteLinks.Jira
{
    internal sealed class JiraRemoteLinkDto
    {
        [JsonConverter(typeof(FlexibleInt64Converter))]
        public long? Id { get; set; }

        public string? Self { get; set; }

        public string? GlobalId { get; set; }

        public JiraApplicationDto? Application { get; set; }

        public string? Relationship { get; set; }

        public JiraRemoteObjectDto? Object { get; set; }
    }

    internal sealed class JiraApplicationDto
    {
        public string? Type { get; set; }

        public string? Name { get; set; }
    }

    internal sealed class JiraRemoteObjectDto
    {
        public string? Url { get; set; }

        public string? Title { get; set; }

        public string? Summary { get; set; }

        public JiraIconDto? Icon { get; set; }

        public JiraStatusDto? Status { get; set; }
    }

    internal sealed class JiraIconDto
    {
        [JsonPropertyName("url16x16")]
        public string? Url16x16 { get; set; }

        public string? Title { get; set; }

        public string? Link { get; set; }
    }

    internal sealed class JiraStatusDto
    {
        public bool? Resolved { get; set; }

        public JiraIconDto? Icon { get; set; }
    }

    /// <summary>The answer to a remote-link POST: only where the link is, not the link.</summary>
    internal sealed class JiraRemoteLinkIdentifiesDto
    {
        [JsonConverter(typeof(FlexibleInt64Converter))]
        public long? Id { get; set; }

        public string? Self { get; set; }
    }

    internal sealed class JiraMyselfDto
    {
        public string? AccountId { get; set; }

        public string? Name { get; set; }

        public string? EmailAddress { get; set; }

        public string? DisplayName { get; set; }
    }

    internal sealed class JiraIssueDto
    {
        public string? Id { get; set; }

        public string? Key { get; set; }

        public JiraIssueFieldsDto? Fields { get; set; }
    }

    internal sealed class JiraIssueFieldsDto
    {
        public string? Summary { get; set; }

        public JiraStatusDetailsDto? Status { get; set; }

        [JsonPropertyName("issuelinks")]
        public List<JiraIssueLinkDto>? IssueLinks { get; set; }
    }

    internal sealed class JiraIssueLinkDto
    {
        [JsonConverter(typeof(FlexibleInt64Converter))]
        public long? Id { get; set; }

        public string? Self { get; set; }

        public JiraIssueLinkTypeDto? Type { get; set; }

        public JiraLinkedIssueDto? InwardIssue { get; set; }

        public JiraLinkedIssueDto? OutwardIssue { get; set; }
    }

    internal sealed class JiraLinkedIssueDto
    {
        // Not the link id; fixtures show odd values such as "10004L", so it stays text.
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Key { get; set; }

        public string? Self { get; set; }

        public JiraIssueFieldsDto? Fields { get; set; }
    }

    internal sealed class JiraStatusDetailsDto
    {
        public string? Name { get; set; }

        public JiraStatusCategoryDto? StatusCategory { get; set; }
    }

    internal sealed class JiraStatusCategoryDto
    {
        public string? Key { get; set; }
    }

    internal sealed class JiraIssueLinkTypeDto
    {
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Inward { get; set; }

        public string? Outward { get; set; }

        public string? Self { get; set; }
    }

    internal sealed class JiraIssueLinkTypesDto
    {
        public List<JiraIssueLinkTypeDto>? IssueLinkTypes { get; set; }
    }
}
