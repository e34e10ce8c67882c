using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Jira
{
    /// <summary>
    /// A JQL search, one page per call (reference: search-api.md §1-§3). Cloud: <c>POST search/jql</c>, paged by
    /// nextPageToken, no total (<c>search/approximate-count</c> when one is wanted), -Skip dropped on this side.
    /// Data Center: <c>POST search</c> paged by startAt, which also does -Skip; total in every page. Cloud's old
    /// <c>search</c> answers 410, so it is never called there; Data Center has no <c>search/jql</c> (404).
    /// </summary>
    internal sealed class JiraSearch : IssueSearch
    {
        private const string Service = "Jira";
        private static readonly JiraSearchJsonContext Json = JiraSearchJsonContext.Default;
        private static readonly string[] Fields = { "summary", "status", "issuetype", "assignee", "updated" };

        private readonly HttpPipeline _http;
        private readonly JiraSite _site;
        private readonly IssueTrackerConnection? _connection;
        private JiraDeployment _deployment;
        private bool _started;
        private bool _finished;
        private string? _pageToken;
        private long _startAt;
        private string? _browseBase;

        public JiraSearch(HttpPipeline http, JiraSite site, IssueQuery query, IssueTrackerConnection? connection)
            : base(query)
        {
            _http = http;
            _site = site;
            _connection = connection;
        }

        public override async Task<IReadOnlyList<Issue>?> NextPageAsync(CallContext context)
        {
            if (_finished)
            {
                return null;
            }

            JiraSearchPageDto page;
            if (!_started)
            {
                _started = true;
                _deployment = await _site.DeploymentAsync(context).ConfigureAwait(false);
                _browseBase = await _site.BrowseBaseAsync(_connection, context).ConfigureAwait(false);
                page = await FirstPageAsync(context).ConfigureAwait(false);
            }
            else
            {
                page = _deployment == JiraDeployment.Cloud ? await CloudPageAsync(context).ConfigureAwait(false) : await DataCenterPageAsync(context).ConfigureAwait(false);
            }

            var issues = new List<Issue>(page.Issues?.Count ?? 0);
            foreach (var found in page.Issues ?? new List<JiraFoundIssueDto>())
            {
                issues.Add(ToIssue(found));
            }

            return AfterSkip(issues);
        }

        private async Task<JiraSearchPageDto> FirstPageAsync(CallContext context)
        {
            switch (_deployment)
            {
                case JiraDeployment.DataCenter:
                    return await FirstDataCenterPageAsync(context).ConfigureAwait(false);
                case JiraDeployment.Cloud:
                    // The count and the first page are independent: both are asked at once.
                    var count = Query.WantTotal ? CountAsync(context) : null;
                    var first = await CloudPageAsync(context).ConfigureAwait(false);
                    if (count != null)
                    {
                        Total = await count.ConfigureAwait(false);
                    }

                    return first;
                default:
                    try
                    {
                        var probed = await CloudPageAsync(context).ConfigureAwait(false);
                        _site.Learned(_deployment = JiraDeployment.Cloud);
                        if (Query.WantTotal)
                        {
                            Total = await CountAsync(context).ConfigureAwait(false);
                        }

                        return probed;
                    }
                    catch (ApiException ex) when (ex.StatusCode == 404)
                    {
                        context.Verbose("Jira has no search/jql (404): this is Data Center; searching with search and startAt.");
                        _site.Learned(_deployment = JiraDeployment.DataCenter);
                        return await FirstDataCenterPageAsync(context).ConfigureAwait(false);
                    }
            }
        }

        private Task<JiraSearchPageDto> FirstDataCenterPageAsync(CallContext context)
        {
            _startAt = (long)Math.Min(Query.Skip, int.MaxValue);
            SkippedByService((ulong)_startAt);
            return DataCenterPageAsync(context);
        }

        private async Task<JiraSearchPageDto> CloudPageAsync(CallContext context)
        {
            var size = Query.PageSizeFor(PendingSkip);
            var body = Body(writer =>
            {
                writer.WriteString("jql", Query.Text);
                writer.WriteNumber("maxResults", size);
                WriteFields(writer);
                if (_pageToken != null)
                {
                    writer.WriteString("nextPageToken", _pageToken);
                }
            });
            var page = await PostAsync("search/jql", body, context).ConfigureAwait(false);
            var token = page.NextPageToken;
            if (token != null && token == _pageToken)
            {
                throw new ApiException(ApiErrorKind.InvalidResponse, "InvalidResponse",
                    "Jira answered POST search/jql with the same nextPageToken twice; PSRemoteLinks stopped instead of reading the same page again.");
            }

            _pageToken = token;
            _finished = string.IsNullOrEmpty(token) || page.IsLast == true || (page.Issues?.Count ?? 0) == 0;
            return page;
        }

        private async Task<JiraSearchPageDto> DataCenterPageAsync(CallContext context)
        {
            var size = Query.PageSizeFor(0);
            var startAt = _startAt;
            var body = Body(writer =>
            {
                writer.WriteString("jql", Query.Text);
                writer.WriteNumber("startAt", startAt);
                writer.WriteNumber("maxResults", size);
                WriteFields(writer);
            });
            var page = await PostAsync("search", body, context).ConfigureAwait(false);
            var count = page.Issues?.Count ?? 0;

            // The server may cap maxResults: the next page starts after what actually came.
            _startAt += count;
            if (page.Total is long total)
            {
                Total = SearchTotal.Exact(total);
            }

            _finished = count == 0 || (page.Total is long all && _startAt >= all);
            return page;
        }

        /// <summary>Cloud's estimate; when the site cannot give one the total is reported as unknown rather than failing the search.</summary>
        private async Task<SearchTotal?> CountAsync(CallContext context)
        {
            try
            {
                var body = Body(writer => writer.WriteString("jql", Query.Text));
                var response = await _http.SendAsync(new ApiRequest(HttpMethod.Post, "search/approximate-count", body, retrySafe: true), context).ConfigureAwait(false);
                var count = JsonBodies.Read(response, Json.JiraCountDto, Service, _http.Redactor).Count;
                return count is long value ? new SearchTotal(value < 0 ? 0UL : (ulong)value, ApproximateCountAccuracy) : new SearchTotal(0, 0.0);
            }
            catch (ApiException ex)
            {
                context.Verbose("Jira could not count the matches (" + ex.ErrorId + "); the total is reported as unknown.");
                return new SearchTotal(0, 0.0);
            }
        }

        /// <summary>Atlassian calls the count an estimate; PowerShell prints any accuracy between 0 and 1 as "Estimated total count".</summary>
        private const double ApproximateCountAccuracy = 0.9;

        private async Task<JiraSearchPageDto> PostAsync(string path, byte[] body, CallContext context)
        {
            // A search changes nothing, so it may be sent again after a lost connection or a 5xx.
            var response = await _http.SendAsync(new ApiRequest(HttpMethod.Post, path, body, retrySafe: true), context).ConfigureAwait(false);
            return JsonBodies.Read(response, Json.JiraSearchPageDto, Service, _http.Redactor);
        }

        private Issue ToIssue(JiraFoundIssueDto found)
        {
            var key = found.Key ?? found.Id ?? string.Empty;
            var fields = found.Fields;
            return new Issue
            {
                Issue = key,
                Summary = fields?.Summary,
                Status = fields?.Status?.Name,
                StatusCategory = JiraStatusCategories.FromKey(fields?.Status?.StatusCategory?.Key),
                Type = fields?.IssueType?.Name,
                Assignee = fields?.Assignee?.DisplayName ?? fields?.Assignee?.Name ?? fields?.Assignee?.AccountId,
                UpdatedAt = fields?.Updated,
                Url = _browseBase != null && found.Key != null ? _browseBase + "browse/" + Uri.EscapeDataString(found.Key) : null,
                Self = found.Self,
                Connection = _connection,
            };
        }

        private static void WriteFields(Utf8JsonWriter writer)
        {
            writer.WriteStartArray("fields");
            foreach (var field in Fields)
            {
                writer.WriteStringValue(field);
            }

            writer.WriteEndArray();
        }

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
