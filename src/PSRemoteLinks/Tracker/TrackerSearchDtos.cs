using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using PSRemoteLinks.Json;

// An issue as Tracker returns it: from issues/_search (a bare array of these; reference: search-api.md §5), and from
// GET issues/{key}, which the link walk reads for a start issue's own summary and status.
namespace PSRemoteLinks.Tracker
{
    internal sealed class TrackerFoundIssueDto
    {
        public string? Self { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Key { get; set; }

        public string? Summary { get; set; }

        public TrackerDisplayRefDto? Status { get; set; }

        public TrackerDisplayRefDto? Type { get; set; }

        public TrackerDisplayRefDto? Assignee { get; set; }

        [JsonConverter(typeof(OffsetDateTimeConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }
    }

    /// <summary>A status, type or user reference whose display text may be localized.</summary>
    internal sealed class TrackerDisplayRefDto
    {
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Key { get; set; }

        [JsonConverter(typeof(LocalizedTextConverter))]
        public string? Display { get; set; }
    }

    /// <summary>Source-generated serialization of the issue shapes.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(List<TrackerFoundIssueDto>))]
    [JsonSerializable(typeof(TrackerFoundIssueDto))]
    internal sealed partial class TrackerSearchJsonContext : JsonSerializerContext
    {
    }
}
