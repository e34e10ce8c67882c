using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.EngineHost;

namespace PSRemoteLinks.Bench;

/// <summary>
/// Everything the scenarios share: the loopback emulator seeded with issues, one hosted PowerShell session that
/// imported the published module and connected, and the raw HttpClient baseline pointed at the same site.
/// </summary>
internal sealed class BenchWorld : IAsyncDisposable
{
    public const string LargeIssue = "BIG-1";

    private BenchWorld(EmulatorServer server, PowerShellSession shell, RawJiraClient raw, string[] keys)
    {
        Server = server;
        Shell = shell;
        Raw = raw;
        Keys = keys;
    }

    public EmulatorServer Server { get; }

    public PowerShellSession Shell { get; }

    public RawJiraClient Raw { get; }

    /// <summary>BENCH-1..BENCH-n, one remote link each.</summary>
    public string[] Keys { get; }

    public static async Task<BenchWorld> StartAsync(BenchSettings settings)
    {
        EmulatorServer server = await EmulatorServer.StartAsync();
        int count = Math.Max(settings.CallCount, settings.BulkCount);
        string[] keys = Enumerable.Range(1, count).Select(i => "BENCH-" + i).ToArray();
        foreach (string key in keys)
        {
            server.Jira.AddIssue(key, "Benchmark issue " + key);
            server.Jira.AddRemoteLink(key, LinkJson(key, 1));
        }

        server.Jira.AddIssue(LargeIssue, "An issue at Jira Cloud's per-issue cap of remote links");
        for (int i = 1; i <= settings.LargeIssueLinks; i++)
        {
            server.Jira.AddRemoteLink(LargeIssue, LinkJson(LargeIssue, i));
        }

        PowerShellSession shell = PowerShellSession.Create(ModuleLocation.PublishedManifest);
        var raw = new RawJiraClient(server.JiraUri, server.Options.JiraUser, server.Options.JiraApiToken);
        var world = new BenchWorld(server, shell, raw, keys);
        world.Run("Connect-Jira -Uri $JiraUri -Credential $JiraCred", new Dictionary<string, object?>
        {
            ["JiraUri"] = server.JiraUri,
            ["JiraCred"] = new PSCredential(server.Options.JiraUser, new NetworkCredential(string.Empty, server.Options.JiraApiToken).SecurePassword),
        });
        return world;
    }

    /// <summary>Runs a script in the session; any error fails the benchmark (a fast wrong answer measures nothing).</summary>
    public ScriptResult Run(string script, IDictionary<string, object?>? variables = null)
    {
        ScriptResult result = Shell.Run(script, variables);
        if (!result.Succeeded)
        {
            string error = result.TerminatingError?.Message ?? (result.Errors.Count > 0 ? result.Errors[0].ToString() : "it was stopped");
            throw new BenchmarkFailedException($"'{script}' failed: {error}");
        }

        return result;
    }

    /// <summary>Runs a script that must emit exactly <paramref name="expected"/> objects.</summary>
    public ScriptResult RunExpecting(int expected, string script, IDictionary<string, object?>? variables = null)
    {
        ScriptResult result = Run(script, variables);
        if (result.Output.Count != expected)
        {
            throw new BenchmarkFailedException($"'{script}' emitted {result.Output.Count} objects, not {expected}.");
        }

        return result;
    }

    public static Dictionary<string, object?> KeysVariable(string[] keys) => new() { ["Keys"] = keys };

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        Shell.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A link with every field a CI or docs integration fills, so bodies have a realistic size (about 600 bytes).</summary>
    private static string LinkJson(string key, int n) =>
        "{\"globalId\":\"system=ci&build=" + key + "-" + n + "\",\"application\":{\"type\":\"org.example.ci\",\"name\":\"Example CI\"},"
        + "\"relationship\":\"built by\",\"object\":{\"url\":\"https://ci.example.org/builds/" + key + "/" + n + "\",\"title\":\"Build " + key + " #" + n + "\","
        + "\"summary\":\"Nightly build of the main branch\",\"icon\":{\"url16x16\":\"https://ci.example.org/favicon.png\",\"title\":\"Build\"},"
        + "\"status\":{\"resolved\":true,\"icon\":{\"url16x16\":\"https://ci.example.org/ok.png\",\"title\":\"Passed\",\"link\":\"https://ci.example.org/builds/" + key + "/" + n + "/log\"}}}}";
}

/// <summary>A scenario did not produce the right result: the run fails instead of printing a meaningless number.</summary>
internal sealed class BenchmarkFailedException(string message) : Exception(message);
