using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PSRemoteLinks.Emulator.Network;

/// <summary>The request line and headers of one HTTP/1.x request read off a proxy connection.</summary>
internal sealed class ProxyRequestHead
{
    private const int MaxHeadBytes = 64 * 1024;
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private ProxyRequestHead(string method, string target, string version, List<KeyValuePair<string, string>> headers, byte[] leftover)
    {
        Method = method;
        Target = target;
        Version = version;
        Headers = headers;
        Leftover = leftover;
    }

    public string Method { get; }

    /// <summary>Absolute form ("http://host:port/path?q") or, for CONNECT, authority form ("host:port"), exactly as sent.</summary>
    public string Target { get; }

    public string Version { get; }

    public List<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Bytes read past the head: the start of the body, or of the tunnelled stream.</summary>
    public byte[] Leftover { get; }

    public string? Header(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>Null when the client closed the connection before sending a complete head.</summary>
    public static async Task<ProxyRequestHead?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeadBytes];
        int filled = 0;
        while (true)
        {
            int end = buffer.AsSpan(0, filled).IndexOf(EndOfHead);
            if (end >= 0)
            {
                return Parse(Encoding.Latin1.GetString(buffer, 0, end), buffer.AsSpan(end + EndOfHead.Length, filled - end - EndOfHead.Length).ToArray());
            }

            if (filled == buffer.Length)
            {
                throw new InvalidDataException("Request head too large.");
            }

            int read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            filled += read;
        }
    }

    private static ProxyRequestHead Parse(string head, byte[] leftover)
    {
        string[] lines = head.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
        {
            throw new InvalidDataException("Malformed request line.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
            }
        }

        return new ProxyRequestHead(requestLine[0], requestLine[1], requestLine[2], headers, leftover);
    }
}
