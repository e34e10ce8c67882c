using System.Collections.Generic;
using System.Threading.Tasks;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Backends
{
    /// <summary>
    /// One running search, read a page at a time so that only the page being written and the one being fetched are
    /// in memory. Pages come one after another (never two requests at once); the caller decides when to ask.
    /// </summary>
    internal abstract class IssueSearch
    {
        private ulong _toSkip;

        protected IssueSearch(IssueQuery query)
        {
            Query = query;
            _toSkip = query.Skip;
        }

        protected IssueQuery Query { get; }

        /// <summary>The number of matches, once the first page (or a count) has told it; null while unknown or when the service cannot tell.</summary>
        public SearchTotal? Total { get; protected set; }

        /// <summary>Matches still to be dropped before the first one returned (those the service did not skip itself).</summary>
        protected ulong PendingSkip => _toSkip;

        /// <summary>The next issues in the service's order, past -Skip; null when there are no more.</summary>
        public abstract Task<IReadOnlyList<Issue>?> NextPageAsync(CallContext context);

        /// <summary>Called when the caller stops before the end, so the service can let go of what it holds for the search.</summary>
        public virtual Task AbandonAsync(CallContext context) => Task.CompletedTask;

        /// <summary>The service skipped <paramref name="count"/> matches itself (Data Center's startAt, Tracker's page number).</summary>
        protected void SkippedByService(ulong count) => _toSkip = count >= _toSkip ? 0 : _toSkip - count;

        /// <summary>A search that starts over (an expired Tracker scroll) drops this many matches again.</summary>
        protected void SkipFromStart(ulong count) => _toSkip = count;

        /// <summary>Drops what is still to be skipped from the front of a page.</summary>
        protected IReadOnlyList<Issue> AfterSkip(List<Issue> page)
        {
            if (_toSkip == 0)
            {
                return page;
            }

            var drop = (int)System.Math.Min(_toSkip, (ulong)page.Count);
            _toSkip -= (ulong)drop;
            page.RemoveRange(0, drop);
            return page;
        }
    }
}
