using System;
using System.Text.Json.Serialization;
using PSRemoteLinks.Json;

// Shapes of Yandex Tracker's answers (API v2/v3, identical for links). Ids arrive as numbers or strings,
// dates with a "+0000" offset; labels are localized and never used for logic.
namespace PSRemoteLinks.Tracker
{
    internal sealed class TrackerLinkDto
    {
        [JsonConverter(typeof(FlexibleInt64Converter))]
        public long? Id { get; set; }

        public string? Self { get; set; }

        public TrackerLinkTypeDto? Type { get; set; }

        public string? Direction { get; set; }

        public TrackerObjectDto? Object { get; set; }

        public TrackerRefDto? CreatedBy { get; set; }

        public TrackerRefDto? UpdatedBy { get; set; }

        public TrackerRefDto? Assignee { get; set; }

        public TrackerRefDto? Status { get; set; }

        [JsonConverter(typeof(OffsetDateTimeConverter))]
        public DateTimeOffset? CreatedAt { get; set; }

        [JsonConverter(typeof(OffsetDateTimeConverter))]
        public DateTimeOffset? UpdatedAt { get; set; }
    }

    internal sealed class TrackerLinkTypeDto
    {
        public string? Self { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Key { get; set; }

        public string? Inward { get; set; }

        public string? Outward { get; set; }
    }

    /// <summary>The other end of a link: an issue (key, display/summary) or an application's object.</summary>
    internal sealed class TrackerObjectDto
    {
        public string? Self { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Key { get; set; }

        public string? Display { get; set; }

        public string? Summary { get; set; }

        public TrackerApplicationDto? Application { get; set; }
    }

    internal sealed class TrackerApplicationDto
    {
        public string? Self { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Type { get; set; }

        public string? Name { get; set; }
    }

    /// <summary>A user or status reference: {self, id, key?, display}.</summary>
    internal sealed class TrackerRefDto
    {
        public string? Self { get; set; }

        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Key { get; set; }

        public string? Display { get; set; }
    }

    internal sealed class TrackerMyselfDto
    {
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Uid { get; set; }

        public string? Login { get; set; }

        public string? Display { get; set; }

        public string? Email { get; set; }
    }
}
