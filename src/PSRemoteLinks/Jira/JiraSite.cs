using System;
using System.Threading.Tasks;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Jira
{
    internal enum JiraDeployment
    {
        /// <summary>serverInfo could not be read: the first search tries Cloud's API and takes a 404 to mean Data Center.</summary>
        Unknown,
        Cloud,
        DataCenter,
    }

    /// <summary>
    /// What a Jira site is, read once per connection from <c>GET serverInfo</c> (reference: search-api.md §3):
    /// <c>deploymentType</c> "Cloud" is Cloud, anything else Data Center/Server. A failed read is not fatal (some Data
    /// Center sites refuse it): the search then probes, and what it learns is kept here.
    /// </summary>
    internal sealed class JiraSite
    {
        private static readonly JiraSearchJsonContext Json = JiraSearchJsonContext.Default;
        private readonly HttpPipeline _http;
        private readonly object _lock = new object();
        private Task<JiraServerInfoDto?>? _info;
        private JiraDeployment _learned;

        public JiraSite(HttpPipeline http) => _http = http;

        public async Task<JiraDeployment> DeploymentAsync(CallContext context)
        {
            if (_learned != JiraDeployment.Unknown)
            {
                return _learned;
            }

            var info = await InfoAsync(context).ConfigureAwait(false);
            if (info == null)
            {
                return JiraDeployment.Unknown;
            }

            return string.Equals(info.DeploymentType, "Cloud", StringComparison.OrdinalIgnoreCase) ? JiraDeployment.Cloud : JiraDeployment.DataCenter;
        }

        /// <summary>What a probe found out when serverInfo could not tell.</summary>
        public void Learned(JiraDeployment deployment) => _learned = deployment;

        /// <summary>
        /// Where a person browses the site, ending in a slash: the address the user connected to, except through the
        /// Atlassian gateway (api.atlassian.com/ex/jira/...), which serves no pages: there serverInfo's baseUrl. Null when unknown.
        /// </summary>
        public async Task<string?> BrowseBaseAsync(IssueTrackerConnection? connection, CallContext context)
        {
            if (connection != null && connection.Uri.AbsolutePath.IndexOf("/ex/jira/", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return connection.Uri.AbsoluteUri.TrimEnd('/') + "/";
            }

            var baseUrl = (await InfoAsync(context).ConfigureAwait(false))?.BaseUrl;
            return Uri.TryCreate(baseUrl, UriKind.Absolute, out var site) ? site.AbsoluteUri.TrimEnd('/') + "/" : null;
        }

        private Task<JiraServerInfoDto?> InfoAsync(CallContext context)
        {
            lock (_lock)
            {
                if (_info == null || _info.IsCanceled || _info.IsFaulted)
                {
                    _info = FetchInfoAsync(context);
                }

                return _info;
            }
        }

        private async Task<JiraServerInfoDto?> FetchInfoAsync(CallContext context)
        {
            try
            {
                var response = await _http.SendAsync(new ApiRequest(System.Net.Http.HttpMethod.Get, "serverInfo"), context).ConfigureAwait(false);
                return JsonBodies.Read(response, Json.JiraServerInfoDto, "Jira", _http.Redactor);
            }
            catch (ApiException ex)
            {
                context.Verbose("Jira's serverInfo could not be read (" + ex.ErrorId + "); the search will find out which API the site has.");
                return null;
            }
        }
    }
}
