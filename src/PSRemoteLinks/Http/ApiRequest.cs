using System.Net.Http;

namespace PSRemoteLinks.Http
{
    /// <summary>One REST call, relative to the connection's API base. The URL is already escaped by the backend.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string relativeUrl, byte[]? jsonBody = null, bool? retrySafe = null)
        {
            Method = method;
            RelativeUrl = relativeUrl;
            JsonBody = jsonBody;
            // GET, PUT and DELETE are idempotent; a POST only when the backend says so (Jira upsert by globalId).
            RetrySafe = retrySafe ?? method != HttpMethod.Post;
        }

        /// <summary>
        /// A DELETE: when an earlier attempt's answer was lost and a repeat finds the object gone (404), the earlier
        /// attempt did it, so the request counts as done.
        /// </summary>
        public bool GoneMeansDone => Method == HttpMethod.Delete;

        public HttpMethod Method { get; }

        public string RelativeUrl { get; }

        public byte[]? JsonBody { get; }

        /// <summary>May this request be sent again after a lost connection, a timeout or a 502/503/504? (A 429 is retried for every request.)</summary>
        public bool RetrySafe { get; }

        /// <summary>Response headers the caller reads (Tracker's paging headers); only these are copied into <see cref="ApiResponse.Headers"/>.</summary>
        public string[]? KeepHeaders { get; set; }
    }
}
