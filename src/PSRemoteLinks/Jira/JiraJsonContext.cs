using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PSRemoteLinks.Jira
{
    /// <summary>Source-generated (reflection-free) serialization of every Jira shape the module reads.</summary>
    [JsonSourceGenerationOptions(
        PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(JiraRemoteLinkDto))]
    [JsonSerializable(typeof(List<JiraRemoteLinkDto>))]
    [JsonSerializable(typeof(JiraRemoteLinkIdentifiesDto))]
    [JsonSerializable(typeof(JiraMyselfDto))]
    [JsonSerializable(typeof(JiraIssueDto))]
    [JsonSerializable(typeof(JiraIssueLinkDto))]
    [JsonSerializable(typeof(JiraIssueLinkTypesDto))]
    [JsonSerializable(typeof(List<JiraIssueLinkTypeDto>))]
    internal sealed partial class JiraJsonContext : JsonSerializerContext
    {
    }
}
