using System.Text.Json.Serialization;
using PSRemoteLinks.Json;

namespace PSRemoteLinks.Tracker
{
    /// <summary>The part of <c>GET /v2/issues/{key}</c> a link walk uses: the issue's own key, summary and status.</summary>
    internal sealed class TrackerIssueHeadDto
    {
        [JsonConverter(typeof(FlexibleStringConverter))]
        public string? Id { get; set; }

        public string? Key { get; set; }

        public string? Summary { get; set; }

        public TrackerRefDto? Status { get; set; }
    }
}
