using System;

namespace PSRemoteLinks.Http
{
    /// <summary>
    /// A failed call, already explained for a person: the message names the method, the path and what the server
    /// said. It never carries a secret (no headers, no credentials).
    /// </summary>
    internal sealed class ApiException : Exception
    {
        public ApiException(ApiErrorKind kind, string errorId, string message, int? statusCode = null, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            ErrorId = errorId;
            StatusCode = statusCode;
        }

        public ApiErrorKind Kind { get; }

        /// <summary>Stable PascalCase id; becomes the first part of the FullyQualifiedErrorId.</summary>
        public string ErrorId { get; }

        public int? StatusCode { get; }

        public static ApiException InvalidInput(string message) =>
            new ApiException(ApiErrorKind.InvalidArgument, "InvalidInput", message);

        public static ApiException NotSupported(string message) =>
            new ApiException(ApiErrorKind.NotSupported, "NotSupportedByBackend", message);
    }
}
