using System;
using PSRemoteLinks.Http;

namespace PSRemoteLinks
{
    /// <summary>
    /// The exception of every ErrorRecord PSRemoteLinks writes, so a script can
    /// <c>catch [PSRemoteLinks.RemoteLinksException]</c> and branch on <see cref="StatusCode"/> or <see cref="ErrorId"/>.
    /// The message is already written for a person and never carries a secret.
    /// </summary>
    public class RemoteLinksException : Exception
    {
        private const string GeneralErrorId = "RemoteLinksError";

        public RemoteLinksException()
            : this("PSRemoteLinks could not complete the operation.")
        {
        }

        public RemoteLinksException(string message)
            : this(message, null)
        {
        }

        public RemoteLinksException(string message, Exception? innerException)
            : this(ApiErrorKind.Other, GeneralErrorId, message, null, innerException, null, null)
        {
        }

        internal RemoteLinksException(ApiErrorKind kind, string errorId, string message, int? statusCode, Exception? inner, string? method, string? path)
            : base(message, inner)
        {
            Kind = kind;
            ErrorId = errorId;
            StatusCode = statusCode;
            Method = method;
            Path = path;
        }

        /// <summary>Stable PascalCase id (NotFound, RateLimited, ConnectionFailed...); the first part of the FullyQualifiedErrorId.</summary>
        public string ErrorId { get; }

        /// <summary>The HTTP status the service (or a proxy) answered, when there was an answer.</summary>
        public int? StatusCode { get; }

        /// <summary>The HTTP method of the request that failed; null when no request was involved.</summary>
        public string? Method { get; private set; }

        /// <summary>The path of the request that failed (no host, no query); null when no request was involved.</summary>
        public string? Path { get; private set; }

        internal ApiErrorKind Kind { get; }

        /// <summary>Names the request, unless the error already names one.</summary>
        internal void SetRequest(string method, string path)
        {
            Method ??= method;
            Path ??= path;
        }

        /// <summary>This error as the public type itself (internal subclasses stay inside the module).</summary>
        internal RemoteLinksException AsPublic() =>
            GetType() == typeof(RemoteLinksException)
                ? this
                : new RemoteLinksException(Kind, ErrorId, Message, StatusCode, InnerException, Method, Path);
    }
}
