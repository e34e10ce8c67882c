using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// A loopback Jira + Yandex Tracker emulator on 127.0.0.1. Every request goes through, in order: the journal,
/// the global latency, the fault plan, then the service (authentication first, then the endpoint).
/// </summary>
public sealed partial class EmulatorServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _disposed;

    private EmulatorServer(EmulatorOptions options)
    {
        Options = options;
    }

    public EmulatorOptions Options { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>BaseUri + JiraContextPath, e.g. http://127.0.0.1:PORT/jira (no trailing slash).</summary>
    public Uri JiraUri { get; private set; } = null!;

    /// <summary>http://127.0.0.1:PORT/tracker; the API is at /tracker/v2/... and /tracker/v3/...</summary>
    public Uri TrackerUri { get; private set; } = null!;

    /// <summary>http://127.0.0.1:PORT/gateway; /gateway/ex/jira/{cloudId}/rest/api/2/... serves the same Jira store.</summary>
    public Uri GatewayUri { get; private set; } = null!;

    /// <summary>GatewayUri + /ex/jira/{JiraCloudId}: the Jira site as an Atlassian API gateway client addresses it.</summary>
    public Uri JiraGatewayUri { get; private set; } = null!;

    public JiraStore Jira { get; } = new();

    public TrackerStore Tracker { get; } = new();

    public RequestJournal Requests { get; } = new();

    public FaultPlan Faults { get; } = new();

    /// <summary>Simulated latency applied to every request before it is handled.</summary>
    public LatencyPlan Latency { get; } = new();

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new EmulatorServer(options ?? new EmulatorOptions());
        try
        {
            await server.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Releases hung and slow requests so the host does not wait for them to drain.
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
        DisposeTls();
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (Options.SeedSampleData)
        {
            SampleData.Seed(Jira, Tracker);
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        ListenOptions? http = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, Options.Port, listen => http = listen);
            ConfigureTls(kestrel);
            ConfigureWebHosts(kestrel);
        });
        if (Options.EnableTls)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        WebApplication app = builder.Build();
        _app = app;
        var dispatcher = new Dispatcher(new JiraEndpoints(Jira, Options), new TrackerEndpoints(Tracker, Options), Options, Web, _stopping.Token);
        CancellationToken stopping = _stopping.Token;

        app.Use((context, next) => Requests.TrackAsync(context, next));
        app.Use((context, next) => LatencyPlan.DelayThenNextAsync(context, next, Latency.Next(), stopping));
        app.Use((context, next) =>
        {
            string path = (context.Request.PathBase + context.Request.Path).Value ?? string.Empty;
            Fault? fault = Faults.Claim(context.Request.Method, path);
            return fault is null ? next(context) : fault.ApplyAsync(context, next, stopping);
        });
        app.Run(dispatcher.HandleAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        int port = ((IPEndPoint)http!.EndPoint).Port;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        JiraUri = new Uri(BaseUri, Options.NormalizedJiraContextPath);
        TrackerUri = new Uri(BaseUri, "/tracker");
        GatewayUri = new Uri(BaseUri, "/gateway");
        JiraGatewayUri = new Uri(BaseUri, $"/gateway/ex/jira/{Options.JiraCloudId}");
        AfterStart();
        AfterWebHostsStart();
    }

    partial void ConfigureTls(KestrelServerOptions kestrel);

    partial void AfterStart();

    partial void DisposeTls();

    partial void ConfigureWebHosts(KestrelServerOptions kestrel);

    partial void AfterWebHostsStart();
}
