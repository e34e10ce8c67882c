using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using PSRemoteLinks.Emulator.Network;

namespace PSRemoteLinks.Emulator;

/// <summary>
/// A forward HTTP proxy on 127.0.0.1 for testing proxy support: forwards absolute-form plain-HTTP requests,
/// tunnels CONNECT, optionally demands Basic proxy credentials (407), and never connects anywhere but 127.0.0.1.
/// Each connection carries one forwarded request (the upstream request is sent with Connection: close).
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private static readonly SearchValues<char> PathStart = SearchValues.Create("/?");

    private readonly TcpListener _listener;
    private readonly string? _requiredUser;
    private readonly string? _requiredPassword;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _logGate = new();
    private readonly List<string> _log = new();
    private readonly ConcurrentDictionary<TcpClient, Task> _connections = new();
    private Task _acceptLoop = Task.CompletedTask;
    private int _authenticationFailures;
    private int _disposed;

    private LoopbackProxy(string? requiredUser, string? requiredPassword)
    {
        _requiredUser = requiredUser;
        _requiredPassword = requiredPassword;
        _listener = new TcpListener(IPAddress.Loopback, 0);
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri Uri { get; private set; } = null!;

    /// <summary>One line per request that got past authentication: "METHOD absolute-uri" or "CONNECT host:port".</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_logGate)
            {
                return _log.ToArray();
            }
        }
    }

    /// <summary>How many requests were answered 407.</summary>
    public int AuthenticationFailures => Volatile.Read(ref _authenticationFailures);

    /// <summary>With <paramref name="requiredUser"/> set, every request must carry <c>Proxy-Authorization: Basic user:password</c>.</summary>
    public static Task<LoopbackProxy> StartAsync(string? requiredUser = null, string? requiredPassword = null)
    {
        var proxy = new LoopbackProxy(requiredUser, requiredPassword);
        proxy._listener.Start();
        proxy.Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)proxy._listener.LocalEndpoint).Port}/");
        proxy._acceptLoop = proxy.AcceptLoopAsync();
        return Task.FromResult(proxy);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (TcpClient client in _connections.Keys)
        {
            client.Dispose();
        }

        try
        {
            await _acceptLoop.ConfigureAwait(false);
            await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Connections end with whatever error their sockets report when they are torn down.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            _connections[client] = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                NetworkStream stream = client.GetStream();
                ProxyRequestHead? head = await ProxyRequestHead.ReadAsync(stream, _stop.Token).ConfigureAwait(false);
                if (head is null)
                {
                    return;
                }

                if (!IsAuthorized(head))
                {
                    Interlocked.Increment(ref _authenticationFailures);
                    await DrainBodyAsync(stream, head).ConfigureAwait(false);
                    await WriteStatusAsync(stream, 407, "Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"emulator\"\r\n").ConfigureAwait(false);
                    return;
                }

                bool connect = string.Equals(head.Method, "CONNECT", StringComparison.OrdinalIgnoreCase);
                lock (_logGate)
                {
                    _log.Add($"{head.Method} {head.Target}");
                }

                if (connect)
                {
                    await TunnelAsync(stream, head).ConfigureAwait(false);
                }
                else
                {
                    await ForwardAsync(stream, head).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidDataException or ObjectDisposedException)
        {
            // A peer went away or sent garbage: this connection is over, the proxy is not.
        }
        finally
        {
            _connections.TryRemove(client, out _);
        }
    }

    private bool IsAuthorized(ProxyRequestHead head)
    {
        if (_requiredUser is null)
        {
            return true;
        }

        string? header = head.Header("Proxy-Authorization");
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            return decoded == $"{_requiredUser}:{_requiredPassword ?? string.Empty}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private async Task TunnelAsync(NetworkStream client, ProxyRequestHead head)
    {
        using TcpClient? upstream = await ConnectLoopbackAsync(client, head.Target).ConfigureAwait(false);
        if (upstream is null)
        {
            return;
        }

        byte[] established = Encoding.ASCII.GetBytes($"{head.Version} 200 Connection Established\r\n\r\n");
        await client.WriteAsync(established, _stop.Token).ConfigureAwait(false);
        await RelayAsync(client, upstream.GetStream(), head).ConfigureAwait(false);
    }

    private async Task ForwardAsync(NetworkStream client, ProxyRequestHead head)
    {
        // Parsed by hand so the path and query go upstream byte for byte, percent-encoding untouched.
        const string scheme = "http://";
        if (!head.Target.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            await WriteStatusAsync(client, 400, "Bad Request", string.Empty).ConfigureAwait(false);
            return;
        }

        string rest = head.Target[scheme.Length..];
        int pathStart = rest.AsSpan().IndexOfAny(PathStart);
        string authority = pathStart < 0 ? rest : rest[..pathStart];
        string pathAndQuery = pathStart < 0 ? "/" : rest[pathStart..];
        if (pathAndQuery.StartsWith('?'))
        {
            pathAndQuery = "/" + pathAndQuery;
        }

        string upstreamAuthority = authority.Contains(':', StringComparison.Ordinal) ? authority : authority + ":80";
        using TcpClient? upstream = await ConnectLoopbackAsync(client, upstreamAuthority).ConfigureAwait(false);
        if (upstream is null)
        {
            return;
        }

        var request = new StringBuilder();
        request.Append(CultureInfo.InvariantCulture, $"{head.Method} {pathAndQuery} {head.Version}\r\n");
        foreach (KeyValuePair<string, string> header in head.Headers)
        {
            if (header.Key.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Proxy-Connection", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            request.Append(CultureInfo.InvariantCulture, $"{header.Key}: {header.Value}\r\n");
        }

        request.Append("Connection: close\r\n\r\n");
        NetworkStream target = upstream.GetStream();
        await target.WriteAsync(Encoding.Latin1.GetBytes(request.ToString()), _stop.Token).ConfigureAwait(false);
        await RelayAsync(client, target, head).ConfigureAwait(false);
    }

    /// <summary>
    /// Connects to 127.0.0.1 at the port <paramref name="authority"/> (host:port) names. When the host is not
    /// loopback or nothing listens there, answers 502 and returns null.
    /// </summary>
    private async Task<TcpClient?> ConnectLoopbackAsync(NetworkStream client, string authority)
    {
        if (!TryParseLoopbackAuthority(authority, out int port))
        {
            await WriteStatusAsync(client, 502, "Bad Gateway", string.Empty).ConfigureAwait(false);
            return null;
        }

        var upstream = new TcpClient();
        bool connected = false;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, port, _stop.Token).ConfigureAwait(false);
            connected = true;
            return upstream;
        }
        catch (SocketException)
        {
            await WriteStatusAsync(client, 502, "Bad Gateway", string.Empty).ConfigureAwait(false);
            return null;
        }
        finally
        {
            if (!connected)
            {
                upstream.Dispose();
            }
        }
    }

    /// <summary>Passes on the bytes the client sent after the request head, then copies both ways until either side closes.</summary>
    private async Task RelayAsync(NetworkStream client, NetworkStream upstream, ProxyRequestHead head)
    {
        if (head.Leftover.Length > 0)
        {
            await upstream.WriteAsync(head.Leftover, _stop.Token).ConfigureAwait(false);
        }

        await PumpAsync(client, upstream).ConfigureAwait(false);
    }

    /// <summary>Copies both ways until either side closes, then closes both.</summary>
    private async Task PumpAsync(NetworkStream client, NetworkStream upstream)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        Task up = CopyAsync(client, upstream, done.Token);
        Task down = CopyAsync(upstream, client, done.Token);
        await Task.WhenAny(up, down).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(up, down).ConfigureAwait(false);
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(to, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private static bool TryParseLoopbackAuthority(string authority, out int port)
    {
        port = 0;
        int colon = authority.LastIndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        string host = authority[..colon];
        bool loopback = host == "127.0.0.1" || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
        return loopback
            && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is > 0 and <= 65535;
    }

    private async Task DrainBodyAsync(NetworkStream stream, ProxyRequestHead head)
    {
        // Reading the body before answering keeps the client from seeing a reset instead of the 407.
        if (!long.TryParse(head.Header("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out long remaining))
        {
            return;
        }

        remaining -= head.Leftover.Length;
        var buffer = new byte[8192];
        while (remaining > 0)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            remaining -= read;
        }
    }

    private async Task WriteStatusAsync(NetworkStream stream, int status, string reason, string extraHeaders)
    {
        string response = $"HTTP/1.1 {status} {reason}\r\n{extraHeaders}Content-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token).ConfigureAwait(false);
    }
}
