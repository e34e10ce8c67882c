using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PSRemoteLinks.Bench;

/// <summary>The baseline's own view of a Jira remote link: what a hand-written HttpClient + System.Text.Json script would read.</summary>
internal sealed class RawRemoteLink
{
    public long Id { get; set; }

    public string? Self { get; set; }

    public string? GlobalId { get; set; }

    public string? Relationship { get; set; }

    public RawApplication? Application { get; set; }

    public RawObject? Object { get; set; }
}

internal sealed class RawApplication
{
    public string? Type { get; set; }

    public string? Name { get; set; }
}

internal sealed class RawObject
{
    public string? Url { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public RawIcon? Icon { get; set; }

    public RawStatus? Status { get; set; }
}

internal sealed class RawIcon
{
    public string? Url16x16 { get; set; }

    public string? Title { get; set; }

    public string? Link { get; set; }
}

internal sealed class RawStatus
{
    public bool? Resolved { get; set; }

    public RawIcon? Icon { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<RawRemoteLink>))]
internal sealed partial class RawJsonContext : JsonSerializerContext
{
}
