using System;

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
    }
}
