using System;
using System.Globalization;

namespace PSRemoteLinks.Http
{
    /// <summary>A retry about to wait: what for and how long, for the progress line the cmdlet shows meanwhile.</summary>
    internal sealed class RetryWait
    {
        public RetryWait(string service, string method, string path, string reason, TimeSpan wait, int retry, int maximumRetries)
        {
            Service = service;
            Method = method;
            Path = path;
            Reason = reason;
            Wait = wait;
            Retry = retry;
            MaximumRetries = maximumRetries;
        }

        public string Service { get; }

        public string Method { get; }

        public string Path { get; }

        /// <summary>Why the attempt failed ("the server answered 503 Service Unavailable"), secrets already scrubbed.</summary>
        public string Reason { get; }

        public TimeSpan Wait { get; }

        public int Retry { get; }

        public int MaximumRetries { get; }

        /// <summary>"Waiting 2.1 s to retry GET /rest/api/2/myself (retry 1 of 4): the connection failed: Connection refused."</summary>
        public override string ToString() => Sentences.End(string.Format(CultureInfo.InvariantCulture,
            "Waiting {0} to retry {1} {2} on {3} (retry {4} of {5}): {6}",
            RetryPolicy.Seconds(Wait), Method, Path, Service, Retry, MaximumRetries, Reason));
    }
}
