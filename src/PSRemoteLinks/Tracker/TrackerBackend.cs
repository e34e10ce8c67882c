using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Tracker
{
    /// <summary>
    /// Yandex Tracker, API v2 or v3 (same link paths). Issue links, external links ("remotelinks") and the
    /// applications they point into. Tracker cannot update an external link nor address one by global id.
    /// </summary>
    internal sealed class TrackerBackend : ILinkBackend
    {
        private const string Service = "Yandex Tracker";
        private static readonly TrackerJsonContext Json = TrackerJsonContext.Default;
        private static readonly RemoteLinkField[] JiraOnly =
        {
            RemoteLinkField.Url, RemoteLinkField.Title, RemoteLinkField.Summary, RemoteLinkField.GlobalId, RemoteLinkField.IconUrl,
            RemoteLinkField.IconTitle, RemoteLinkField.ApplicationType, RemoteLinkField.ApplicationName, RemoteLinkField.Resolved,
            RemoteLinkField.StatusIconUrl, RemoteLinkField.StatusIconTitle, RemoteLinkField.StatusIconLink,
        };

        private static readonly Uri DefaultWebUri = new Uri("https://tracker.yandex.ru");
        private readonly HttpPipeline _http;
        private readonly object _originsLock = new object();
        private Task<IReadOnlyList<string>>? _origins;
        private IssueTrackerConnection? _connection;

        public TrackerBackend(HttpPipeline http) => _http = http;

        public TrackerKind Kind => TrackerKind.YandexTracker;

        public void Attach(IssueTrackerConnection connection) => _connection = connection;

        public async Task<string> VerifyAsync(CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, "myself", null, context).ConfigureAwait(false);
            return TrackerMapper.DisplayUser(Read(response, Json.TrackerMyselfDto));
        }

        public async Task<IReadOnlyList<RemoteIssueLink>> GetRemoteLinksAsync(string issue, CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, RemoteLinks(issue), null, context).ConfigureAwait(false);
            return Read(response, Json.ListTrackerLinkDto).Select(l => TrackerMapper.ToRemoteLink(l, issue, _connection)).ToList();
        }

        public async Task<RemoteIssueLink> GetRemoteLinkAsync(string issue, long id, CallContext context)
        {
            // Tracker documents no single-link read: the issue's list is small, so pick from it.
            var links = await GetRemoteLinksAsync(issue, context).ConfigureAwait(false);
            return links.FirstOrDefault(l => l.Id == id)
                ?? throw new ApiException(ApiErrorKind.NotFound, "NotFound", "Issue " + issue + " has no external link with id " + id + ".", 404);
        }

        public Task<RemoteIssueLink> GetRemoteLinkByGlobalIdAsync(string issue, string globalId, CallContext context) =>
            Task.FromException<RemoteIssueLink>(ApiException.NotSupported("-GlobalId is a Jira feature; Yandex Tracker external links are addressed by -Id."));

        public async Task<RemoteIssueLink> NewRemoteLinkAsync(string issue, RemoteLinkValues values, CallContext context)
        {
            // A Jira field typed on the command line is a mistake worth naming; one piped in from a Tracker link
            // (ApplicationName, Resolved ...) only describes that link and is not something Tracker sets.
            var jiraFields = values.Among(JiraOnly).Where(f => !values.IsCleared(f) && !values.IsPiped(f)).ToList();
            if (jiraFields.Count > 0)
            {
                throw ApiException.InvalidInput("-" + string.Join(", -", jiraFields) + " apply to Jira remote links; a Yandex Tracker external link takes -Key, -Origin and optionally -Relationship and -Backlink.");
            }

            var key = values.Text(RemoteLinkField.Key);
            var origin = values.Text(RemoteLinkField.Origin);
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(origin))
            {
                throw ApiException.InvalidInput("A Yandex Tracker external link needs -Key (the object's key in the application) and -Origin (the application id).");
            }

            var relationship = values.Text(RemoteLinkField.Relationship);
            var body = Body(writer =>
            {
                writer.WriteString("relationship", string.IsNullOrWhiteSpace(relationship) ? "relates" : relationship);
                writer.WriteString("key", key);
                writer.WriteString("origin", origin);
            });
            var query = values.Has(RemoteLinkField.Backlink) ? "?backlink=" + ((values.Flag(RemoteLinkField.Backlink) ?? false) ? "true" : "false") : string.Empty;
            var response = await SendAsync(HttpMethod.Post, RemoteLinks(issue) + query, body, context).ConfigureAwait(false);
            return TrackerMapper.ToRemoteLink(Read(response, Json.TrackerLinkDto), issue, _connection);
        }

        public Task<RemoteIssueLink> UpdateRemoteLinkAsync(string issue, long id, RemoteLinkValues changes, CallContext context) =>
            Task.FromException<RemoteIssueLink>(ApiException.NotSupported(
                "Set-RemoteIssueLink is not supported by Yandex Tracker: its external links cannot be updated. Remove the link and add it again with New-RemoteIssueLink."));

        public Task RemoveRemoteLinkAsync(string issue, long id, CallContext context) =>
            SendAsync(HttpMethod.Delete, RemoteLinks(issue) + "/" + Id(id), null, context);

        public Task RemoveRemoteLinkByGlobalIdAsync(string issue, string globalId, CallContext context) =>
            Task.FromException(ApiException.NotSupported("-GlobalId is a Jira feature; remove a Yandex Tracker external link by -Id."));

        public async Task<IReadOnlyList<IssueLink>> GetIssueLinksAsync(string issue, CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, Links(issue), null, context).ConfigureAwait(false);
            return Read(response, Json.ListTrackerLinkDto).Select(l => TrackerMapper.ToIssueLink(l, issue, _connection)).ToList();
        }

        public async Task<IssueLink> NewIssueLinkAsync(string issue, string linkedIssue, string relationship, CallContext context)
        {
            var canonical = TrackerRelationships.Canonical(relationship);
            PathSegment.IssueKey(linkedIssue);
            var body = Body(writer =>
            {
                writer.WriteString("relationship", canonical);
                writer.WriteString("issue", linkedIssue.Trim());
            });
            var response = await SendAsync(HttpMethod.Post, Links(issue), body, context).ConfigureAwait(false);
            return TrackerMapper.ToIssueLink(Read(response, Json.TrackerLinkDto), issue, _connection);
        }

        public Task RemoveIssueLinkAsync(string issue, long id, CallContext context) =>
            SendAsync(HttpMethod.Delete, Links(issue) + "/" + Id(id), null, context);

        public async Task<IReadOnlyList<IssueLinkType>> GetIssueLinkTypesAsync(CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, "linktypes", null, context).ConfigureAwait(false);
            return Read(response, Json.ListTrackerLinkTypeDto).Select(t => TrackerMapper.ToLinkType(t, _connection)).ToList();
        }

        public Task<IReadOnlyList<string>> GetRelationshipPhrasesAsync(CallContext context) => Task.FromResult(TrackerRelationships.Values);

        /// <summary>The organisation's application ids, read once per connection (a failed read is not cached).</summary>
        public Task<IReadOnlyList<string>> GetOriginsAsync(CallContext context)
        {
            lock (_originsLock)
            {
                if (_origins == null || _origins.IsFaulted || _origins.IsCanceled)
                {
                    _origins = FetchOriginsAsync(context);
                }

                return _origins;
            }
        }

        /// <summary>Where people open the organisation's issues (reference: search-api.md §6); the API host serves no pages.</summary>
        public Uri WebUri { get; set; } = DefaultWebUri;

        public IssueSearch Search(IssueQuery query) => new TrackerSearch(_http, WebUri.AbsoluteUri.TrimEnd('/') + "/", query, _connection);

        public void Dispose() => _http.Dispose();

        private async Task<IReadOnlyList<string>> FetchOriginsAsync(CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, "applications", null, context).ConfigureAwait(false);
            return Read(response, Json.ListTrackerApplicationDto).Select(a => a.Id).Where(id => !string.IsNullOrEmpty(id)).Select(id => id!).ToList();
        }

        private Task<ApiResponse> SendAsync(HttpMethod method, string relativeUrl, byte[]? body, CallContext context) =>
            _http.SendAsync(new ApiRequest(method, relativeUrl, body), context);

        private T Read<T>(ApiResponse response, JsonTypeInfo<T> type) => JsonBodies.Read(response, type, Service, _http.Redactor);

        private static string Links(string issue) => "issues/" + PathSegment.IssueKey(issue) + "/links";

        private static string RemoteLinks(string issue) => "issues/" + PathSegment.IssueKey(issue) + "/remotelinks";

        private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

        private static byte[] Body(Action<Utf8JsonWriter> writeProperties)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writeProperties(writer);
                writer.WriteEndObject();
            }

            return stream.ToArray();
        }
    }
}
