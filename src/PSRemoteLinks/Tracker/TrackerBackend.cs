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
        private readonly SharedLookup<IReadOnlyList<string>> _origins;
        private IssueTrackerConnection? _connection;

        public TrackerBackend(HttpPipeline http)
        {
            _http = http;
            _origins = new SharedLookup<IReadOnlyList<string>>(FetchOriginsAsync, http.Lifetime);
        }

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

            // Checked here, not by the service, so a typo names the valid values instead of Tracker's bare 422. The
            // docs recommend "RELATES": a value that differs from the documented one only in case is sent as given.
            var relationship = values.Text(RemoteLinkField.Relationship)?.Trim();
            if (string.IsNullOrEmpty(relationship))
            {
                relationship = "relates";
            }
            else
            {
                var canonical = TrackerRelationships.Canonical(relationship!);
                relationship = string.Equals(relationship, canonical, StringComparison.OrdinalIgnoreCase) ? relationship : canonical;
            }

            var body = Body(writer =>
            {
                writer.WriteString("relationship", relationship);
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

        /// <summary>
        /// Tracker does not document whether DELETE checks that the link is on the issue in the path, so the
        /// issue's links are read first and nothing is deleted when the id is not among them.
        /// </summary>
        public async Task RemoveRemoteLinkAsync(string issue, long id, CallContext context)
        {
            var links = await GetRemoteLinksAsync(issue, context).ConfigureAwait(false);
            if (!links.Any(l => l.Id == id))
            {
                throw LinkOwnership.NotOnIssue("Remote link", id, issue);
            }

            await SendAsync(HttpMethod.Delete, RemoteLinks(issue) + "/" + Id(id), null, context).ConfigureAwait(false);
        }

        public Task RemoveRemoteLinkByGlobalIdAsync(string issue, string globalId, CallContext context) =>
            Task.FromException(ApiException.NotSupported("-GlobalId is a Jira feature; remove a Yandex Tracker external link by -Id."));

        public async Task<IReadOnlyList<IssueLink>> GetIssueLinksAsync(string issue, CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, Links(issue), null, context).ConfigureAwait(false);
            return Read(response, Json.ListTrackerLinkDto).Select(l => TrackerMapper.ToIssueLink(l, issue, _connection)).ToList();
        }

        public async Task<IReadOnlyList<IssueLink>> GetIssueLinksForWalkAsync(string issue, bool describeIssue, CallContext context)
        {
            if (!describeIssue)
            {
                return await GetIssueLinksAsync(issue, context).ConfigureAwait(false);
            }

            // The links read names only the other issue: the issue's own summary and status take a second read, sent at
            // the same time.
            var links = GetIssueLinksAsync(issue, context);
            var head = SendAsync(HttpMethod.Get, "issues/" + PathSegment.IssueKey(issue), null, context);
            await Task.WhenAll(links, head).ConfigureAwait(false);
            var described = Read(head.Result, TrackerSearchJsonContext.Default.TrackerFoundIssueDto);
            foreach (var link in links.Result)
            {
                TrackerMapper.Describe(link, described);
            }

            return links.Result;
        }

        public Task<Func<IssueLink, bool>> RelationshipFilterAsync(IReadOnlyList<string> phrases, CallContext context)
        {
            try
            {
                var wanted = new HashSet<string>(phrases.Select(TrackerRelationships.Canonical), StringComparer.Ordinal);
                return Task.FromResult<Func<IssueLink, bool>>(link => wanted.Contains(link.Relationship));
            }
            catch (ApiException ex)
            {
                return Task.FromException<Func<IssueLink, bool>>(ex);
            }
        }

        public string LinkIdentity(IssueLink link) => TrackerLinkIdentity.Of(link);

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
            var created = TrackerMapper.ToIssueLink(Read(response, Json.TrackerLinkDto), issue, _connection);
            return await ReadBackAsync(created, context).ConfigureAwait(false);
        }

        /// <summary>As <see cref="RemoveRemoteLinkAsync"/>: deleted only when the id is among the issue's links.</summary>
        public async Task RemoveIssueLinkAsync(string issue, long id, CallContext context)
        {
            var links = await GetIssueLinksAsync(issue, context).ConfigureAwait(false);
            if (!links.Any(l => l.Id == id))
            {
                throw LinkOwnership.NotOnIssue("Issue link", id, issue);
            }

            await SendAsync(HttpMethod.Delete, Links(issue) + "/" + Id(id), null, context).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<IssueLinkType>> GetIssueLinkTypesAsync(CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, "linktypes", null, context).ConfigureAwait(false);
            return Read(response, Json.ListTrackerLinkTypeDto).Select(t => TrackerMapper.ToLinkType(t, _connection)).ToList();
        }

        public Task<IReadOnlyList<string>> GetRelationshipPhrasesAsync(CallContext context) => Task.FromResult(TrackerRelationships.Values);

        public Task<IReadOnlyList<string>> GetRemoteLinkRelationshipsAsync(CallContext context) => Task.FromResult(TrackerRelationships.Values);

        /// <summary>The organisation's application ids, read once per connection (a failed read is not cached).</summary>
        public Task<IReadOnlyList<string>> GetOriginsAsync(CallContext context) => _origins.GetAsync(context);

        /// <summary>Where people open the organisation's issues (reference: search-api.md §6); the API host serves no pages.</summary>
        public Uri WebUri { get; set; } = DefaultWebUri;

        public IssueSearch Search(IssueQuery query) => new TrackerSearch(_http, WebUri.AbsoluteUri.TrimEnd('/') + "/", query, _connection);

        public void Dispose() => _http.Dispose();

        /// <summary>
        /// Tracker's answer to creating a link lacks the linked issue's status, which its list of links carries: the
        /// new link is taken from there. The link exists either way, so if that read fails the answer is emitted as it is.
        /// </summary>
        private async Task<IssueLink> ReadBackAsync(IssueLink created, CallContext context)
        {
            try
            {
                var links = await GetIssueLinksAsync(created.Issue, context).ConfigureAwait(false);
                return links.FirstOrDefault(l => l.Id == created.Id) ?? created;
            }
            catch (ApiException)
            {
                return created;
            }
        }

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
