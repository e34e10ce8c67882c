using System.Text.Json.Serialization;

namespace PSRemoteLinks.Jira
{
    /// <summary>Source-generated serialization of the search and serverInfo shapes.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(JiraSearchPageDto))]
    [JsonSerializable(typeof(JiraCountDto))]
    [JsonSerializable(typeof(JiraServerInfoDto))]
    internal sealed partial class JiraSearchJsonContext : JsonSerializerContext
    {
    }
}
