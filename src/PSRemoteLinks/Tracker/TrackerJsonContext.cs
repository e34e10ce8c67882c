using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PSRemoteLinks.Tracker
{
    /// <summary>Source-generated (reflection-free) serialization of every Tracker shape the module reads.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(TrackerLinkDto))]
    [JsonSerializable(typeof(List<TrackerLinkDto>))]
    [JsonSerializable(typeof(List<TrackerLinkTypeDto>))]
    [JsonSerializable(typeof(List<TrackerApplicationDto>))]
    [JsonSerializable(typeof(TrackerMyselfDto))]
    internal sealed partial class TrackerJsonContext : JsonSerializerContext
    {
    }
}
