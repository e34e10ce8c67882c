using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PSRemoteLinks.Emulator.Http;

namespace PSRemoteLinks.Emulator;

/// <summary>Every request the emulator received, in arrival order, including faulted and rejected ones.</summary>
public sealed class RequestJournal
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = new();
    private int _inFlight;
    private int _awaitingAnswer;
    private int _peakAwaitingAnswer;

    /// <summary>A snapshot of all requests, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> All
    {
        get
        {
            lock (_gate)
            {
                return _entries.Select(e => e.ToRecord()).ToArray();
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Requests received and not yet completed or aborted.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// The most requests that were waiting for their answer at one moment (from arrival until the answer's headers
    /// start), since the start or the last <see cref="Clear"/>. Counted server-side, so it proves client concurrency
    /// without timing: a strictly sequential client never exceeds 1, since it sends a request only after it has the
    /// previous answer.
    /// </summary>
    public int PeakConcurrent => Volatile.Read(ref _peakAwaitingAnswer);

    /// <summary>Requests whose method matches (null = any) and whose decoded path contains <paramref name="pathContains"/> (ordinal, ignoring case).</summary>
    public IReadOnlyList<RecordedRequest> Where(string? method, string pathContains)
    {
        return All.Where(r => RequestMatch.Matches(method, pathContains, r.Method, r.Path)).ToArray();
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }

        Volatile.Write(ref _peakAwaitingAnswer, Volatile.Read(ref _awaitingAnswer));
    }

    /// <summary>
    /// The server notices a client's abort a moment after the client does, so a test that cancels a request
    /// should wait here before asserting <see cref="InFlight"/> == 0.
    /// </summary>
    public async Task<bool> WaitForIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (InFlight != 0)
        {
            if (clock.Elapsed >= timeout)
            {
                return false;
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    internal async Task TrackAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _inFlight);
        int answered = 0;
        void Answered()
        {
            if (Interlocked.Exchange(ref answered, 1) == 0)
            {
                Interlocked.Decrement(ref _awaitingAnswer);
            }
        }

        RaisePeak(Interlocked.Increment(ref _awaitingAnswer));
        try
        {
            DateTimeOffset receivedAt = DateTimeOffset.UtcNow;
            byte[] body;
            try
            {
                body = await ReadBodyAsync(context).ConfigureAwait(false);
            }
            catch (Exception) when (context.RequestAborted.IsCancellationRequested)
            {
                Add(new Entry(context, receivedAt, Array.Empty<byte>()));
                return;
            }

            var entry = new Entry(context, receivedAt, body);
            Add(entry);
            RequestBody.Set(context, body);

            // Recorded before the headers leave, so a client that has its answer always finds the status here.
            context.Response.OnStarting(() =>
            {
                Answered();
                if (!DroppedConnection.IsDropped(context))
                {
                    entry.Status = context.Response.StatusCode;
                }

                return Task.CompletedTask;
            });

            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away (or a fault reset the connection): nothing left to answer.
            }
            finally
            {
                if (DroppedConnection.IsDropped(context))
                {
                    entry.Status = 0;
                }
            }
        }
        finally
        {
            Answered();
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void RaisePeak(int awaiting)
    {
        int peak;
        while (awaiting > (peak = Volatile.Read(ref _peakAwaitingAnswer))
            && Interlocked.CompareExchange(ref _peakAwaitingAnswer, awaiting, peak) != peak)
        {
        }
    }

    private void Add(Entry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        byte[] bytes = buffer.ToArray();
        context.Request.Body = new MemoryStream(bytes, writable: false);
        return bytes;
    }

    private sealed class Entry
    {
        private readonly string _method;
        private readonly string _path;
        private readonly string _rawTarget;
        private readonly string _query;
        private readonly IReadOnlyDictionary<string, string> _headers;
        private readonly string _body;
        private readonly DateTimeOffset _receivedAt;
        private int _status;

        public Entry(HttpContext context, DateTimeOffset receivedAt, byte[] body)
        {
            HttpRequest request = context.Request;
            _method = request.Method;
            _path = (request.PathBase + request.Path).Value ?? string.Empty;
            _query = request.QueryString.Value ?? string.Empty;
            _rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? _path + _query;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value.ToArray());
            }

            _headers = headers;
            _body = body.Length == 0 ? string.Empty : Encoding.UTF8.GetString(body);
            _receivedAt = receivedAt;
        }

        public int Status
        {
            get => Volatile.Read(ref _status);
            set => Volatile.Write(ref _status, value);
        }

        public RecordedRequest ToRecord() =>
            new(_method, _path, _rawTarget, _query, _headers, _body, Status, _receivedAt);
    }
}
