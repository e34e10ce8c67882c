using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PSRemoteLinks.Emulator;

/// <summary>The web pages for link checks (<see cref="WebPages"/>), on the main listener and on <see cref="EmulatorOptions.WebHostCount"/> more.</summary>
public sealed partial class EmulatorServer
{
    private readonly List<ListenOptions> _webListens = new();

    public WebPages Web { get; } = new();

    /// <summary>http://127.0.0.1:PORT/web: the pages on the main listener (the same host as Jira and Tracker).</summary>
    public Uri WebUri => new(BaseUri, "/web");

    /// <summary>http://127.0.0.1:PORT/web on each extra listener: as many hosts as <see cref="EmulatorOptions.WebHostCount"/>.</summary>
    public IReadOnlyList<Uri> WebHosts { get; private set; } = Array.Empty<Uri>();

    partial void ConfigureWebHosts(KestrelServerOptions kestrel)
    {
        for (int i = 0; i < Options.WebHostCount; i++)
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => _webListens.Add(listen));
        }
    }

    partial void AfterWebHostsStart()
    {
        WebHosts = _webListens.Select(l => new Uri($"http://127.0.0.1:{((IPEndPoint)l.EndPoint).Port}/web")).ToArray();
    }
}
