using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PSRemoteLinks.Bench;

/// <summary>
/// The baseline: the same GET .../remotelink requests a user could write with HttpClient and System.Text.Json
/// (one pooled client, the body read as bytes, source-generated deserialization), without PowerShell or the module.
/// </summary>
internal sealed class RawJiraClient : IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _api;

    public RawJiraClient(Uri jiraUri, string user, string token)
    {
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + token)));
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _api = new Uri(jiraUri.AbsoluteUri.TrimEnd('/') + "/rest/api/2/");
    }

    public async Task<byte[]> GetRemoteLinksBodyAsync(string issue)
    {
        using HttpResponseMessage response = await _client.GetAsync(new Uri(_api, "issue/" + Uri.EscapeDataString(issue) + "/remotelink")).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }

    public async Task<int> GetRemoteLinksAsync(string issue) => Parse(await GetRemoteLinksBodyAsync(issue).ConfigureAwait(false)).Count;

    /// <summary>Fails the benchmark when the raw client did not read what the module reads: a fast wrong answer measures nothing.</summary>
    public static void Expect(int links, int expected)
    {
        if (links != expected)
        {
            throw new BenchmarkFailedException($"The raw client read {links} links, not {expected}.");
        }
    }

    public static List<RawRemoteLink> Parse(byte[] body) =>
        JsonSerializer.Deserialize(body, RawJsonContext.Default.ListRawRemoteLink) ?? throw new InvalidOperationException("The body was JSON null.");

    /// <summary>One request after the other; returns how many links were read.</summary>
    public async Task<int> SequentialAsync(IReadOnlyList<string> issues)
    {
        int links = 0;
        foreach (string issue in issues)
        {
            links += await GetRemoteLinksAsync(issue).ConfigureAwait(false);
        }

        return links;
    }

    /// <summary><paramref name="concurrency"/> workers taking the next issue as they finish; returns how many links were read.</summary>
    public async Task<int> ConcurrentAsync(IReadOnlyList<string> issues, int concurrency)
    {
        int next = -1;
        int links = 0;
        async Task Worker()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < issues.Count)
            {
                Interlocked.Add(ref links, await GetRemoteLinksAsync(issues[index]).ConfigureAwait(false));
            }
        }

        var workers = new Task[concurrency];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(Worker);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        return links;
    }

    public void Dispose() => _client.Dispose();
}
