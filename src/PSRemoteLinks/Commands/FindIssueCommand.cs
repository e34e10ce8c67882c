using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSRemoteLinks.Backends;
using PSRemoteLinks.Http;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Finds issues with the service's own query language and streams them: each page is written as it arrives,
    /// and the next page is fetched while the rest of this one goes down the pipeline.
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "Issue", SupportsPaging = true)]
    [OutputType(typeof(Issue))]
    public sealed class FindIssueCommand : ModuleCmdlet
    {
        /// <summary>How long releasing a Tracker scroll may take when the search ends early.</summary>
        private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(10);

        /// <summary>The page being fetched, if any: read by <see cref="Release"/>, which must not race it.</summary>
        private Task<IReadOnlyList<Issue>?>? _pending;

        /// <summary>JQL on Jira, Tracker's query language on Yandex Tracker.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; } = string.Empty;

        /// <summary>The connection to use, as the object or by its name; by default the last one made.</summary>
        [Parameter]
        [ConnectionByName]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public IssueTrackerConnection? Connection { get; set; }

        protected override void EndProcessing()
        {
            var connection = UsableConnection(Connection);
            var paging = PagingParameters;
            var first = paging.First;
            if (first == 0 && !paging.IncludeTotalCount)
            {
                return;
            }

            var search = connection.Backend.Search(new IssueQuery(Query.Trim(), paging.Skip, first == ulong.MaxValue ? (ulong?)null : first, paging.IncludeTotalCount));
            var log = new ItemLog();
            var context = log.ContextFor(LogStreams.For(this), Retries, Cancellation);
            var complete = false;
            try
            {
                complete = Stream(search, context, log, first, paging.IncludeTotalCount);
            }
            catch (ApiException ex)
            {
                log.WriteTo(this);
                WriteError(ErrorRecords.From(ex, Query));
            }
            finally
            {
                if (!complete)
                {
                    Release(search);
                }

                Retries.Complete(this);
            }
        }

        /// <summary>Writes every wanted issue; false when it stopped before the search's end (-First reached).</summary>
        private bool Stream(IssueSearch search, CallContext context, ItemLog log, ulong first, bool includeTotalCount)
        {
            ulong written = 0;
            var pending = _pending = search.NextPageAsync(context);
            var firstPage = true;
            while (true)
            {
                var page = Wait(pending);
                log.WriteTo(this);
                if (firstPage && includeTotalCount)
                {
                    WriteObject(search.Total is SearchTotal total
                        ? PagingParameters.NewTotalCount(total.Count, total.Accuracy)
                        : PagingParameters.NewTotalCount(0, 0.0));
                }

                firstPage = false;
                if (page == null)
                {
                    return true;
                }

                if (written >= first)
                {
                    return false;
                }

                pending = _pending = null;
                var left = page.Count;
                foreach (var issue in page)
                {
                    WriteObject(issue);
                    written++;
                    left--;
                    if (written >= first)
                    {
                        return false;
                    }

                    // The next page is asked for once the first issue of this one is on its way downstream: the
                    // pipeline gets its first object before any later request, and the fetch overlaps the writing.
                    // When this page already holds the last issue -First wants, nothing more is asked.
                    if (pending == null && written + (ulong)left < first)
                    {
                        pending = _pending = search.NextPageAsync(context);
                    }
                }

                pending ??= _pending = search.NextPageAsync(context);
            }
        }

        /// <summary>Waits for a page on the pipeline thread; Ctrl+C cancels the request in flight and stops here at once.</summary>
        private IReadOnlyList<Issue>? Wait(Task<IReadOnlyList<Issue>?> page)
        {
            try
            {
                WaitForAny(new Task[] { page });
                return page.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>
        /// Lets the service free what it keeps for the search (a Tracker scroll). After -First it is waited for, briefly;
        /// after Ctrl+C or a stop downstream it is sent without waiting, so stopping stays immediate.
        /// </summary>
        private void Release(IssueSearch search)
        {
            var timeout = new CancellationTokenSource(ReleaseTimeout);

            // A page still in flight (fetched ahead) changes what the service holds: release after it has ended.
            var inFlight = _pending ?? Task.FromResult<IReadOnlyList<Issue>?>(null);
            var release = inFlight.ContinueWith(_ => search.AbandonAsync(new CallContext(timeout.Token)), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();

            _ = release.ContinueWith(t =>
            {
                _ = t.Exception;
                timeout.Dispose();
            }, TaskScheduler.Default);
            if (!Cancellation.IsCancellationRequested && !Stopping)
            {
                try
                {
                    release.Wait(ReleaseTimeout);
                }
                catch (AggregateException)
                {
                    // Releasing is a courtesy: the service drops the scroll when its time to live ends anyway.
                }
            }
        }
    }
}
