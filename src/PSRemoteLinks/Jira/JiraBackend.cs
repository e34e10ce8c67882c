using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Jira
{
    /// <summary>
    /// Jira Cloud and Data Center, REST v2. Knows Jira's quirks: the POST upsert by globalId that answers only
    /// id/self, GET ?globalId= answering one object, PUT nulling what it omits, the empty 201 of POST issueLink.
    /// </summary>
    internal sealed class JiraBackend : ILinkBackend
    {
        private const string Service = "Jira";
        private static readonly JiraJsonContext Json = JiraJsonContext.Default;
        private readonly HttpPipeline _http;
        private readonly SharedLookup<IReadOnlyList<JiraIssueLinkTypeDto>> _types;
        private IssueTrackerConnection? _connection;

        private readonly JiraSite _site;

        public JiraBackend(HttpPipeline http)
        {
            _http = http;
            _types = new SharedLookup<IReadOnlyList<JiraIssueLinkTypeDto>>(FetchLinkTypesAsync, http.Lifetime);
            _site = new JiraSite(http);
        }

        public TrackerKind Kind => TrackerKind.Jira;

        public void Attach(IssueTrackerConnection connection) => _connection = connection;

        public async Task<string> VerifyAsync(CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, "myself", context).ConfigureAwait(false);
            return JiraMapper.DisplayUser(Read(response, Json.JiraMyselfDto));
        }

        public async Task<IReadOnlyList<RemoteIssueLink>> GetRemoteLinksAsync(string issue, CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, RemoteLinks(issue), context).ConfigureAwait(false);
            var links = Read(response, Json.ListJiraRemoteLinkDto);
            return links.Select(l => JiraMapper.ToRemoteLink(l, issue, _connection)).ToList();
        }

        public async Task<RemoteIssueLink> GetRemoteLinkAsync(string issue, long id, CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, RemoteLink(issue, id), context).ConfigureAwait(false);
            return JiraMapper.ToRemoteLink(Read(response, Json.JiraRemoteLinkDto), issue, _connection);
        }

        public async Task<RemoteIssueLink> GetRemoteLinkByGlobalIdAsync(string issue, string globalId, CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, RemoteLinks(issue) + GlobalIdQuery(globalId), context).ConfigureAwait(false);
            // Jira answers one object; the published schema says so while its example shows an array: accept both.
            if (JsonBodies.FirstToken(response) == (byte)'[')
            {
                var match = Read(response, Json.ListJiraRemoteLinkDto).FirstOrDefault(l => l.GlobalId == globalId);
                if (match == null)
                {
                    throw new ApiException(ApiErrorKind.NotFound, "NotFound", "Issue " + issue + " has no remote link with globalId '" + globalId + "'.", 404);
                }

                return JiraMapper.ToRemoteLink(match, issue, _connection);
            }

            return JiraMapper.ToRemoteLink(Read(response, Json.JiraRemoteLinkDto), issue, _connection);
        }

        public async Task<RemoteIssueLink> NewRemoteLinkAsync(string issue, RemoteLinkValues values, CallContext context)
        {
            var body = JiraRemoteLinkBody.ForCreate(values);
            // With a globalId the POST is an upsert, so sending it twice is harmless; without one it would duplicate.
            var retrySafe = !string.IsNullOrEmpty(values.Text(RemoteLinkField.GlobalId));
            var response = await _http.SendAsync(new ApiRequest(HttpMethod.Post, RemoteLinks(issue), body, retrySafe), context).ConfigureAwait(false);
            var created = Read(response, Json.JiraRemoteLinkIdentifiesDto);
            if (created.Id is long id)
            {
                return await GetRemoteLinkAsync(issue, id, context).ConfigureAwait(false);
            }

            throw JsonBodies.NotExpected(response, Service, "without the new link's id");
        }

        public async Task<RemoteIssueLink> UpdateRemoteLinkAsync(string issue, long id, RemoteLinkValues changes, CallContext context)
        {
            JiraRemoteLinkBody.CheckChanges(changes);
            var stored = await SendAsync(HttpMethod.Get, RemoteLink(issue, id), context).ConfigureAwait(false);
            JsonBodies.CheckIsJson(stored, Service, _http.Redactor);
            byte[] body;
            try
            {
                body = JiraRemoteLinkBody.ForUpdate(stored, changes);
            }
            catch (JsonException ex)
            {
                throw JsonBodies.NotExpected(stored, Service, null, ex);
            }

            await _http.SendAsync(new ApiRequest(HttpMethod.Put, RemoteLink(issue, id), body), context).ConfigureAwait(false);
            return await GetRemoteLinkAsync(issue, id, context).ConfigureAwait(false);
        }

        public async Task RemoveRemoteLinkAsync(string issue, long id, CallContext context)
        {
            // Jira scopes remote-link ids to the issue in the path (400 for another issue's link, 404 for no link at
            // all); reading first means a link of another issue is refused without any DELETE being sent.
            try
            {
                await SendAsync(HttpMethod.Get, RemoteLink(issue, id), context).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.StatusCode == 400)
            {
                throw LinkOwnership.NotOnIssue("Remote link", id, issue, ex.Message, ex);
            }

            await SendAsync(HttpMethod.Delete, RemoteLink(issue, id), context).ConfigureAwait(false);
        }

        public Task RemoveRemoteLinkByGlobalIdAsync(string issue, string globalId, CallContext context) =>
            SendAsync(HttpMethod.Delete, RemoteLinks(issue) + GlobalIdQuery(globalId), context);

        public async Task<IReadOnlyList<IssueLink>> GetIssueLinksAsync(string issue, CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, IssueWithLinksAndState(issue), context).ConfigureAwait(false);
            return JiraMapper.ToIssueLinks(Read(response, Json.JiraIssueDto), issue, _connection);
        }

        /// <summary>Jira's issue read carries the issue's own summary and status already: no second read is needed.</summary>
        public Task<IReadOnlyList<IssueLink>> GetIssueLinksForWalkAsync(string issue, bool describeIssue, CallContext context) =>
            GetIssueLinksAsync(issue, context);

        public async Task<Func<IssueLink, bool>> RelationshipFilterAsync(IReadOnlyList<string> phrases, CallContext context)
        {
            var wanted = new List<JiraRelationship>();
            foreach (var phrase in phrases)
            {
                wanted.Add(await ResolveAsync(phrase, context).ConfigureAwait(false));
            }

            return link => wanted.Any(relationship => JiraRelationships.Reads(link, relationship));
        }

        /// <summary>Jira gives a link the same id on both of its issues.</summary>
        public string LinkIdentity(IssueLink link) => link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public async Task<IssueLink> NewIssueLinkAsync(string issue, string linkedIssue, string relationship, CallContext context)
        {
            PathSegment.IssueKey(issue);
            PathSegment.IssueKey(linkedIssue);
            var resolved = await ResolveAsync(relationship, context).ConfigureAwait(false);

            // "A blocks B" (A on the outward side) is {inwardIssue: A, outwardIssue: B}.
            var inward = resolved.IssueIsOutward ? issue : linkedIssue;
            var outward = resolved.IssueIsOutward ? linkedIssue : issue;
            var body = IssueLinkBody(resolved.Type, inward.Trim(), outward.Trim());
            await _http.SendAsync(new ApiRequest(HttpMethod.Post, "issueLink", body, retrySafe: false), context).ConfigureAwait(false);

            // Jira answers 201 with an empty body: find the new link among the issue's links. The linked issue may
            // have been given by key or by id, so the entry is matched on both.
            var response = await SendAsync(HttpMethod.Get, IssueWithLinks(issue), context).ConfigureAwait(false);
            var created = (Read(response, Json.JiraIssueDto).Fields?.IssueLinks ?? new List<JiraIssueLinkDto>())
                .Where(l => JiraRelationships.SameType(l.Type, resolved.Type) && Names(resolved.IssueIsOutward ? l.OutwardIssue : l.InwardIssue, linkedIssue))
                .OrderByDescending(l => l.Id)
                .FirstOrDefault();
            if (created == null)
            {
                throw new ApiException(ApiErrorKind.InvalidResponse, "LinkNotFoundAfterCreate",
                    "Jira accepted the link " + issue + " " + relationship + " " + linkedIssue + " but " + issue + "'s links do not show it.");
            }

            return JiraMapper.ToIssueLink(created, issue, _connection)!;
        }

        /// <summary>
        /// DELETE issueLink/{id} names no issue, so the link is read first and deleted only when -Issue (key or id)
        /// is one of its two ends. Every read is checked, even for a piped IssueLink: its Issue and Id can be edited
        /// or given on the command line, and one GET is cheap next to deleting someone else's link.
        /// </summary>
        public async Task RemoveIssueLinkAsync(string issue, long id, CallContext context)
        {
            PathSegment.IssueKey(issue);
            var path = "issueLink/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var link = Read(await SendAsync(HttpMethod.Get, path, context).ConfigureAwait(false), Json.JiraIssueLinkDto);
            if (!Names(link.InwardIssue, issue) && !Names(link.OutwardIssue, issue))
            {
                throw LinkOwnership.NotOnIssue("Issue link", id, issue, "it links " + Describe(link.InwardIssue) + " and " + Describe(link.OutwardIssue));
            }

            await SendAsync(HttpMethod.Delete, path, context).ConfigureAwait(false);
        }

        private static string Describe(JiraLinkedIssueDto? issue) => issue?.Key ?? issue?.Id ?? "an issue Jira did not name";

        public async Task<IReadOnlyList<IssueLinkType>> GetIssueLinkTypesAsync(CallContext context)
        {
            var types = await LinkTypesAsync(context).ConfigureAwait(false);
            return types.Select(t => JiraMapper.ToLinkType(t, _connection)).ToList();
        }

        /// <summary>Jira takes any text as a web link's relationship ("mentioned in", "built by").</summary>
        public Task<IReadOnlyList<string>> GetRemoteLinkRelationshipsAsync(CallContext context) => Task.FromResult<IReadOnlyList<string>>(Array.Empty<string>());

        public async Task<IReadOnlyList<string>> GetRelationshipPhrasesAsync(CallContext context) =>
            JiraRelationships.Phrases(await LinkTypesAsync(context).ConfigureAwait(false));

        public Task<IReadOnlyList<string>> GetOriginsAsync(CallContext context) => Task.FromResult<IReadOnlyList<string>>(Array.Empty<string>());

        public IssueSearch Search(IssueQuery query) => new JiraSearch(_http, _site, query, _connection);

        public void Dispose() => _http.Dispose();

        /// <summary>
        /// Resolves against the cached link types; a phrase they lack is tried once more against a fresh read,
        /// so a link type an administrator added since the connection was made is found without reconnecting.
        /// </summary>
        private async Task<JiraRelationship> ResolveAsync(string relationship, CallContext context)
        {
            var cached = await LinkTypesAsync(context).ConfigureAwait(false);
            var types = JiraRelationships.Knows(relationship, cached) ? cached : await LinkTypesAsync(context, refresh: true).ConfigureAwait(false);
            return JiraRelationships.Resolve(relationship, types);
        }

        /// <summary>The site's link types, read once per connection (a failed read is not cached).</summary>
        private Task<IReadOnlyList<JiraIssueLinkTypeDto>> LinkTypesAsync(CallContext context, bool refresh = false) =>
            _types.GetAsync(context, refresh);

        private async Task<IReadOnlyList<JiraIssueLinkTypeDto>> FetchLinkTypesAsync(CallContext context)
        {
            var response = await SendAsync(HttpMethod.Get, "issueLinkType", context).ConfigureAwait(false);
            // Real Jira wraps the list in {"issueLinkTypes": [...]}; some mocks answer the bare array.
            if (JsonBodies.FirstToken(response) == (byte)'[')
            {
                return Read(response, Json.ListJiraIssueLinkTypeDto);
            }

            return Read(response, Json.JiraIssueLinkTypesDto).IssueLinkTypes ?? new List<JiraIssueLinkTypeDto>();
        }

        private Task<ApiResponse> SendAsync(HttpMethod method, string relativeUrl, CallContext context) =>
            _http.SendAsync(new ApiRequest(method, relativeUrl), context);

        private T Read<T>(ApiResponse response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
            JsonBodies.Read(response, type, Service, _http.Redactor);

        private static string IssueWithLinks(string issue) => "issue/" + PathSegment.IssueKey(issue) + "?fields=issuelinks";

        /// <summary>Only the fields a listing or a walk shows: the links, and the issue's own summary and status.</summary>
        private static string IssueWithLinksAndState(string issue) => "issue/" + PathSegment.IssueKey(issue) + "?fields=issuelinks,summary,status";

        private static bool Names(JiraLinkedIssueDto? other, string keyOrId) =>
            other != null && (JiraMapper.SameKey(other.Key, keyOrId) || JiraMapper.SameKey(other.Id, keyOrId));

        private static string RemoteLinks(string issue) => "issue/" + PathSegment.IssueKey(issue) + "/remotelink";

        private static string RemoteLink(string issue, long id) => RemoteLinks(issue) + "/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string GlobalIdQuery(string globalId)
        {
            if (string.IsNullOrEmpty(globalId))
            {
                throw ApiException.InvalidInput("-GlobalId is empty.");
            }

            // The whole value is one query parameter: '&', '=', ':', '/', spaces and non-ASCII letters are all escaped.
            return "?globalId=" + PathSegment.Escape(globalId);
        }

        private static byte[] IssueLinkBody(JiraIssueLinkTypeDto type, string inwardKey, string outwardKey)
        {
            using var stream = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("type");
                if (!string.IsNullOrEmpty(type.Id))
                {
                    writer.WriteString("id", type.Id);
                }
                else
                {
                    writer.WriteString("name", type.Name);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("inwardIssue");
                writer.WriteString("key", inwardKey);
                writer.WriteEndObject();
                writer.WriteStartObject("outwardIssue");
                writer.WriteString("key", outwardKey);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return stream.ToArray();
        }
    }
}
