using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace PSRemoteLinks.Bench;

/// <summary>
/// The baseline for Find-Issue: the paging loop a user could write with HttpClient and System.Text.Json against
/// Jira Cloud's POST search/jql (token paging, the same fields and page size), without PowerShell or the module.
/// </summary>
internal sealed class RawJiraSearch : IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _searchUri;

    public RawJiraSearch(Uri jiraUri, string user, string token)
    {
        _client = new HttpClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + token)));
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _searchUri = new Uri(jiraUri.AbsoluteUri.TrimEnd('/') + "/rest/api/2/search/jql");
    }

    /// <summary>Reads every page of the query; returns how many issues it read.</summary>
    public async Task<int> CountAsync(string jql, int pageSize)
    {
        int issues = 0;
        string? token = null;
        do
        {
            var request = new RawSearchRequest { Jql = jql, MaxResults = pageSize, NextPageToken = token, Fields = new[] { "summary", "status", "issuetype", "assignee", "updated" } };
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, RawSearchJsonContext.Default.RawSearchRequest));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using HttpResponseMessage response = await _client.PostAsync(_searchUri, content).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            RawSearchPage page = JsonSerializer.Deserialize(body, RawSearchJsonContext.Default.RawSearchPage) ?? throw new InvalidOperationException("The body was JSON null.");
            issues += page.Issues?.Count ?? 0;
            token = page.IsLast == true ? null : page.NextPageToken;
        }
        while (token != null);

        return issues;
    }

    public void Dispose() => _client.Dispose();
}

internal sealed class RawSearchRequest
{
    public string? Jql { get; set; }

    public int MaxResults { get; set; }

    public string[]? Fields { get; set; }

    public string? NextPageToken { get; set; }
}

internal sealed class RawSearchPage
{
    public List<RawFoundIssue>? Issues { get; set; }

    public string? NextPageToken { get; set; }

    public bool? IsLast { get; set; }
}

internal sealed class RawFoundIssue
{
    public string? Id { get; set; }

    public string? Key { get; set; }

    public string? Self { get; set; }

    public RawFoundFields? Fields { get; set; }
}

internal sealed class RawFoundFields
{
    public string? Summary { get; set; }

    public RawNamed? Status { get; set; }

    [JsonPropertyName("issuetype")]
    public RawNamed? IssueType { get; set; }

    public RawUser? Assignee { get; set; }

    public string? Updated { get; set; }
}

internal sealed class RawNamed
{
    public string? Name { get; set; }
}

internal sealed class RawUser
{
    public string? DisplayName { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawSearchRequest))]
[JsonSerializable(typeof(RawSearchPage))]
internal sealed partial class RawSearchJsonContext : JsonSerializerContext
{
}
