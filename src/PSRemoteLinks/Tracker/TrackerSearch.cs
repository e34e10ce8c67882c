using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Tracker
{
    /// <summary>
    /// A search in Tracker's query language, one page per call (reference: search-api.md §5). Pages
    /// (<c>perPage</c>/<c>page</c>, total in <c>X-Total-Count</c>) reach only the first 10,000 matches; when the first
    /// page says there are more and they are wanted, the search starts again as a sorted scroll (<c>X-Scroll-Id</c> and
    /// <c>X-Scroll-Token</c> lead to the next part, their absence ends it). A scroll left early is released.
    /// </summary>
    internal sealed class TrackerSearch : IssueSearch
    {
        /// <summary>How far pages reach; beyond it only a scroll does.</summary>
        public const int PageLimit = 10000;

        /// <summary>Within the limit every source gives (1,000 in the current documentation, 10,000 in an older one).</summary>
        private const int ScrollSize = 1000;

        /// <summary>The current documentation's maximum; every request asks for it again, so a slow consumer has a minute per part.</summary>
        private const int ScrollTtlMillis = 60000;

        private const string Service = "Yandex Tracker";
        private const string TotalCountHeader = "X-Total-Count";
        private const string ScrollIdHeader = "X-Scroll-Id";
        private const string ScrollTokenHeader = "X-Scroll-Token";
        private static readonly string[] PageHeaders = { TotalCountHeader };
        private static readonly string[] ScrollHeaders = { TotalCountHeader, ScrollIdHeader, ScrollTokenHeader };
        private static readonly TrackerSearchJsonContext Json = TrackerSearchJsonContext.Default;

        private readonly HttpPipeline _http;
        private readonly string _webBase;
        private readonly IssueTrackerConnection? _connection;
        private readonly byte[] _body;
        private Mode _mode = Mode.NotStarted;
        private int _perPage;
        private long _nextPage;
        private string? _scrollId;
        private string? _scrollToken;
        private ulong _delivered;

        public TrackerSearch(HttpPipeline http, string webBase, IssueQuery query, IssueTrackerConnection? connection)
            : base(query)
        {
            _http = http;
            _webBase = webBase;
            _connection = connection;
            _body = QueryBody(query.Text);
        }

        private enum Mode
        {
            NotStarted,
            Pages,
            Scroll,
            Done,
        }

        public override async Task<IReadOnlyList<Issue>?> NextPageAsync(CallContext context)
        {
            List<TrackerFoundIssueDto> found;
            switch (_mode)
            {
                case Mode.Done:
                    return null;
                case Mode.NotStarted:
                    found = await FirstAsync(context).ConfigureAwait(false);
                    break;
                case Mode.Pages:
                    found = await PageAsync(context).ConfigureAwait(false);
                    break;
                default:
                    found = await ScrollAsync(context).ConfigureAwait(false);
                    break;
            }

            var issues = new List<Issue>(found.Count);
            foreach (var dto in found)
            {
                issues.Add(ToIssue(dto));
            }

            var page = AfterSkip(issues);
            _delivered += (ulong)page.Count;
            return page;
        }

        public override async Task AbandonAsync(CallContext context)
        {
            if (_mode != Mode.Scroll || _scrollId == null || _scrollToken == null)
            {
                return;
            }

            var id = _scrollId;
            var token = _scrollToken;
            _mode = Mode.Done;
            var body = Body(writer => writer.WriteString(id, token));
            await _http.SendAsync(new ApiRequest(HttpMethod.Post, "system/search/scroll/_clear", body, retrySafe: true), context).ConfigureAwait(false);
        }

        private async Task<List<TrackerFoundIssueDto>> FirstAsync(CallContext context)
        {
            _perPage = Query.PageSizeFor(Query.Skip);
            var startPage = (long)(Query.Skip / (ulong)_perPage) + 1;
            var reachable = Query.Needed is ulong needed && needed <= PageLimit;
            if ((startPage - 1) * _perPage + _perPage > PageLimit && !reachable)
            {
                return await StartScrollAsync(context).ConfigureAwait(false);
            }

            _nextPage = startPage;
            var first = await PageAsync(context).ConfigureAwait(false);
            if (Total is SearchTotal total && total.Count > PageLimit && !reachable)
            {
                context.Verbose("Yandex Tracker has " + total.Count + " matches, more than its pages reach (" + PageLimit + "): reading them by scrolling.");
                return await StartScrollAsync(context).ConfigureAwait(false);
            }

            SkippedByService((ulong)(startPage - 1) * (ulong)_perPage);
            return first;
        }

        private async Task<List<TrackerFoundIssueDto>> PageAsync(CallContext context)
        {
            _mode = Mode.Pages;
            var url = "issues/_search?perPage=" + Number(_perPage) + "&page=" + Number(_nextPage);
            var response = await PostAsync(url, PageHeaders, context).ConfigureAwait(false);
            var found = Read(response);
            ReadTotal(response);
            var reached = _nextPage * _perPage;
            _nextPage++;
            if (found.Count == 0 || (Total is SearchTotal total && (ulong)reached >= total.Count) || reached >= PageLimit)
            {
                _mode = Mode.Done;
            }

            return found;
        }

        private Task<List<TrackerFoundIssueDto>> StartScrollAsync(CallContext context)
        {
            _mode = Mode.Scroll;
            _scrollId = null;
            _scrollToken = null;
            return ScrollAsync(context);
        }

        private async Task<List<TrackerFoundIssueDto>> ScrollAsync(CallContext context)
        {
            var url = _scrollId == null
                ? "issues/_search?scrollType=sorted&perScroll=" + Number(ScrollSize) + "&scrollTTLMillis=" + Number(ScrollTtlMillis)
                : "issues/_search?scrollId=" + PathSegment.Escape(_scrollId) + "&scrollToken=" + PathSegment.Escape(_scrollToken!) + "&scrollTTLMillis=" + Number(ScrollTtlMillis);
            ApiResponse response;
            try
            {
                response = await PostAsync(url, ScrollHeaders, context).ConfigureAwait(false);
            }
            catch (ApiException ex) when (_scrollId != null && Expired(ex))
            {
                // The scroll outlived its time to live between two parts: start it again and drop what was already written.
                context.Verbose("Yandex Tracker's scroll expired; scrolling again from the start past the " + _delivered + " issues already written.");
                SkipFromStart(Query.Skip + _delivered);
                _delivered = 0;
                _scrollId = null;
                _scrollToken = null;
                return await ScrollAsync(context).ConfigureAwait(false);
            }

            var found = Read(response);
            ReadTotal(response);
            _scrollId = response.Header(ScrollIdHeader);
            _scrollToken = response.Header(ScrollTokenHeader);
            if (string.IsNullOrEmpty(_scrollId) || string.IsNullOrEmpty(_scrollToken) || found.Count == 0)
            {
                // Without the headers the scroll is over and the service holds nothing more.
                _mode = Mode.Done;
            }

            return found;
        }

        private static bool Expired(ApiException ex) =>
            ex.StatusCode == 403 && ex.Message.IndexOf("Expired signature", StringComparison.OrdinalIgnoreCase) >= 0;

        private Task<ApiResponse> PostAsync(string url, string[] headers, CallContext context) =>
            // A search changes nothing, so it may be sent again after a lost connection or a 5xx.
            _http.SendAsync(new ApiRequest(HttpMethod.Post, url, _body, retrySafe: true) { KeepHeaders = headers }, context);

        private List<TrackerFoundIssueDto> Read(ApiResponse response) =>
            JsonBodies.Read(response, Json.ListTrackerFoundIssueDto, Service, _http.Redactor);

        private void ReadTotal(ApiResponse response)
        {
            if (Total == null && long.TryParse(response.Header(TotalCountHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
            {
                Total = SearchTotal.Exact(total);
            }
        }

        private Issue ToIssue(TrackerFoundIssueDto dto) => new Issue
        {
            Issue = dto.Key ?? dto.Id ?? string.Empty,
            Summary = dto.Summary,
            Status = dto.Status?.Display ?? dto.Status?.Key,
            StatusCategory = TrackerStatusCategories.FromKey(dto.Status?.Key),
            Type = dto.Type?.Display ?? dto.Type?.Key,
            Assignee = dto.Assignee?.Display ?? dto.Assignee?.Id,
            UpdatedAt = dto.UpdatedAt,
            Url = dto.Key != null ? _webBase + Uri.EscapeDataString(dto.Key) : null,
            Self = dto.Self,
            Connection = _connection,
        };

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static byte[] QueryBody(string query) => Body(writer => writer.WriteString("query", query));

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
