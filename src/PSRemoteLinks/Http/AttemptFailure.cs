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
        private AttemptFailure(AttemptFailureKind kind, string description, int? statusCode = null, TimeSpan? serverWait = null, bool answerMayBeLost = false)
        {
            Kind = kind;
            Description = description;
            StatusCode = statusCode;
            ServerWait = serverWait;
            AnswerMayBeLost = answerMayBeLost;
        }

        public AttemptFailureKind Kind { get; }

        /// <summary>For -Verbose: "the server answered 503 Service Unavailable", "no answer within 2 s"...</summary>
        public string Description { get; }

        public int? StatusCode { get; }

        /// <summary>What Retry-After or X-RateLimit-Reset asked for, when the server said.</summary>
        public TimeSpan? ServerWait { get; }

        /// <summary>
        /// The request may have reached the service and been done, only its answer never arrived: a timeout, a
        /// connection that broke after the request was sent, or a gateway that lost the service's answer (502, 504).
        /// A refused connection, a 429 or a 503 means the service did nothing.
        /// </summary>
        public bool AnswerMayBeLost { get; }

        public static AttemptFailure Status(int status, string? reasonPhrase, TimeSpan? serverWait) =>
            new AttemptFailure(AttemptFailureKind.Status,
                "the server answered " + status + (string.IsNullOrEmpty(reasonPhrase) ? string.Empty : " " + reasonPhrase),
                status, serverWait, answerMayBeLost: status == 502 || status == 504);

        public static AttemptFailure Timeout(TimeSpan timeout) =>
            new AttemptFailure(AttemptFailureKind.Timeout, "no answer within " + RetryPolicy.Seconds(timeout), answerMayBeLost: true);

        /// <param name="detail">What the network said.</param>
        /// <param name="requestMayHaveArrived">False when the request certainly never left (the connection was refused, the host not found).</param>
        public static AttemptFailure ConnectionLost(string detail, bool requestMayHaveArrived = true) =>
            new AttemptFailure(AttemptFailureKind.ConnectionLost, "the connection failed: " + detail, answerMayBeLost: requestMayHaveArrived);

        public static AttemptFailure Permanent(string detail) =>
            new AttemptFailure(AttemptFailureKind.Permanent, detail);
    }
}
