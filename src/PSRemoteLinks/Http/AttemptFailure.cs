using System;

namespace PSRemoteLinks.Http
{
    /// <summary>Why one attempt of a request failed, as far as the retry policy needs to know.</summary>
    internal enum AttemptFailureKind
    {
        /// <summary>The server answered with a non-success status.</summary>
        Status,

        /// <summary>No complete answer within -TimeoutSec.</summary>
        Timeout,

        /// <summary>The connection was refused, reset or broke off before a complete answer.</summary>
        ConnectionLost,

        /// <summary>A failure that another attempt cannot cure: TLS, proxy authentication, a refused redirect, a body too large.</summary>
        Permanent,
    }

    internal sealed class AttemptFailure
    {
        private AttemptFailure(AttemptFailureKind kind, string description, int? statusCode = null, TimeSpan? serverWait = null)
        {
            Kind = kind;
            Description = description;
            StatusCode = statusCode;
            ServerWait = serverWait;
        }

        public AttemptFailureKind Kind { get; }

        /// <summary>For -Verbose: "the server answered 503 Service Unavailable", "no answer within 2 s"...</summary>
        public string Description { get; }

        public int? StatusCode { get; }

        /// <summary>What Retry-After or X-RateLimit-Reset asked for, when the server said.</summary>
        public TimeSpan? ServerWait { get; }

        public static AttemptFailure Status(int status, string? reasonPhrase, TimeSpan? serverWait) =>
            new AttemptFailure(AttemptFailureKind.Status,
                "the server answered " + status + (string.IsNullOrEmpty(reasonPhrase) ? string.Empty : " " + reasonPhrase),
                status, serverWait);

        public static AttemptFailure Timeout(TimeSpan timeout) =>
            new AttemptFailure(AttemptFailureKind.Timeout, "no answer within " + RetryPolicy.Seconds(timeout));

        public static AttemptFailure ConnectionLost(string detail) =>
            new AttemptFailure(AttemptFailureKind.ConnectionLost, "the connection failed: " + detail);

        public static AttemptFailure Permanent(string detail) =>
            new AttemptFailure(AttemptFailureKind.Permanent, detail);
    }
}
