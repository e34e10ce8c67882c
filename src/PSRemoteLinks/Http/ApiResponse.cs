using System;
using System.Collections.Generic;

namespace PSRemoteLinks.Http
{
    /// <summary>A successful answer with its body read (bounded) into memory.</summary>
    internal sealed class ApiResponse
    {
        public ApiResponse(int statusCode, byte[] body, string? mediaType, string method, string path)
        {
            StatusCode = statusCode;
            Body = body;
            MediaType = mediaType;
            Method = method;
            Path = path;
        }

        public int StatusCode { get; }

        public byte[] Body { get; }

        public string? MediaType { get; }

        public string Method { get; }

        /// <summary>The request path (no host), for messages.</summary>
        public string Path { get; }

        public ReadOnlySpan<byte> Span => Body;

        /// <summary>The headers the request asked to keep (<see cref="ApiRequest.KeepHeaders"/>) that the answer carried.</summary>
        public IReadOnlyDictionary<string, string>? Headers { get; set; }

        public string? Header(string name) => Headers != null && Headers.TryGetValue(name, out var value) ? value : null;
    }
}
