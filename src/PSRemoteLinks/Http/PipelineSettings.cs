using System;
using System.Collections.Generic;
using System.Net.Http.Headers;

namespace PSRemoteLinks.Http
{
    /// <summary>Everything a connection's <see cref="HttpPipeline"/> is built from. Secrets are turned into the header once, here.</summary>
    internal sealed class PipelineSettings
    {
        public PipelineSettings(string serviceName, Uri apiBase)
        {
            ServiceName = serviceName;
            ApiBase = apiBase.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? apiBase : new Uri(apiBase.AbsoluteUri + "/");
        }

        /// <summary>"Jira" or "Yandex Tracker", for messages.</summary>
        public string ServiceName { get; }

        /// <summary>The API root every relative URL is resolved against, ending in a slash.</summary>
        public Uri ApiBase { get; }

        public AuthenticationHeaderValue? Authorization { get; set; }

        public IList<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>Values to scrub from anything shown: token, password, the encoded header value.</summary>
        public IList<string> Secrets { get; } = new List<string>();

        public NetworkOptions Network { get; set; } = new NetworkOptions();
    }
}
