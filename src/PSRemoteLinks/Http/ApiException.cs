using System;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// A failed call, already explained for a person: the message names the method, the path and what the server
    /// said. It never carries a secret (no headers, no credentials). Inside the module failures are thrown as this;
    /// the ErrorRecord carries it as the public <see cref="RemoteLinksException"/>.
    /// </summary>
    internal sealed class ApiException : RemoteLinksException
    {
        public ApiException(ApiErrorKind kind, string errorId, string message, int? statusCode = null, Exception? inner = null, string? method = null, string? path = null)
            : base(kind, errorId, Sentences.End(message), statusCode, inner, method, path)
        {
        }

        public static ApiException InvalidInput(string message) =>
            new ApiException(ApiErrorKind.InvalidArgument, "InvalidInput", message);

        public static ApiException NotSupported(string message) =>
            new ApiException(ApiErrorKind.NotSupported, "NotSupportedByBackend", message);
    }
}
