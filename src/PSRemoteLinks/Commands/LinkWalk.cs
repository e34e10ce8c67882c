using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Backends;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// <c>Get-IssueLink -Recurse</c>: a breadth-first walk over issue links that reads each issue once, keeps up to N
    /// reads in flight, and writes every link once, from the side of the issue reached first, with its depth.
    /// </summary>
    /// <remarks>
    /// Reads start in breadth-first order as slots free, but finished reads are handled strictly in that same order:
    /// the issues a read discovers join the queue only when every issue before it has been handled. So the order of
    /// the queue, each issue's depth, the side a link is written from and the output order are the same whatever order
    /// the answers arrive in; only how far the reads run ahead depends on timing. Everything here runs on the
    /// pipeline thread; the reads themselves run on the thread pool.
    /// </remarks>
    internal sealed class LinkWalk
    {
        /// <summary>How long Ctrl+C waits for cancelled reads to unwind before giving the prompt back anyway.</summary>
        private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

        private readonly ModuleCmdlet _cmdlet;
        private readonly int _limit;
        private readonly int _window;
        private readonly int? _maxDepth;
        private readonly Func<ILinkBackend, Func<IssueLink, bool>?> _filterFor;
        private readonly LogStreams _streams;
        private readonly WalkProgress _progress;
        private readonly Queue<Node> _waiting = new Queue<Node>();
        private readonly Queue<Node> _reading = new Queue<Node>();
        private readonly Dictionary<ILinkBackend, HashSet<string>> _visited = new Dictionary<ILinkBackend, HashSet<string>>();
        private readonly Dictionary<ILinkBackend, HashSet<string>> _written = new Dictionary<ILinkBackend, HashSet<string>>();

        /// <param name="cmdlet">Writes the output, errors, log lines and progress; its cancellation stops the reads.</param>
        /// <param name="limit">Reads in flight at most.</param>
        /// <param name="maxDepth">Issues further than this from a start issue are not read (null: no limit).</param>
        /// <param name="filterFor">Which links to write and follow on a connection (null: all).</param>
        public LinkWalk(ModuleCmdlet cmdlet, int limit, int? maxDepth, Func<ILinkBackend, Func<IssueLink, bool>?> filterFor)
        {
            _cmdlet = cmdlet;
            _limit = Math.Max(1, limit);
            // Finished reads wait here for the oldest one; the window bounds how many (and the memory they hold).
            _window = Math.Max(2 * _limit, _limit + 8);
            _maxDepth = maxDepth;
            _filterFor = filterFor;
            _streams = LogStreams.For(cmdlet);
            _progress = new WalkProgress(cmdlet);
        }

        /// <summary>Adds a start issue (depth 0); one given twice is read once.</summary>
        public void AddStart(ILinkBackend backend, string issue)
        {
            if (SetOf(_visited, backend).Add(issue))
            {
                _waiting.Enqueue(new Node(backend, issue, 0, null));
            }
        }

        /// <summary>Walks until no issue is left to read, writing as it goes.</summary>
        public void Run()
        {
            while (_waiting.Count > 0 || _reading.Count > 0)
            {
                StartReads();
                if (_reading.Peek().Read!.IsCompleted)
                {
                    Handle(_reading.Dequeue());
                }
                else
                {
                    WaitForProgress();
                }
            }

            _progress.Complete();
            _cmdlet.Retries.Complete(_cmdlet);
        }

        private void StartReads()
        {
            while (_waiting.Count > 0 && _reading.Count < _window && Running() < _limit)
            {
                var node = _waiting.Dequeue();
                var context = node.Log.ContextFor(_streams, _cmdlet.Retries, _cmdlet.Cancellation);
                try
                {
                    // A start issue has no link that led to it, so its own summary and status must come from the read.
                    node.Read = node.Backend.GetIssueLinksForWalkAsync(node.Issue, describeIssue: node.ReachedBy == null, context);
                }
                catch (Exception ex)
                {
                    node.Read = Task.FromException<IReadOnlyList<IssueLink>>(ex);
                }

                _reading.Enqueue(node);
            }
        }

        private int Running()
        {
            var running = 0;
            foreach (var node in _reading)
            {
                if (!node.Read!.IsCompleted)
                {
                    running++;
                }
            }

            return running;
        }

        /// <summary>
        /// Waits for the oldest read when only it can move the walk on (nothing left to start, or the window is full),
        /// else for any read, so a free slot goes to the next issue at once.
        /// </summary>
        private void WaitForProgress()
        {
            try
            {
                if (_waiting.Count == 0 || _reading.Count >= _window)
                {
                    _cmdlet.WaitForAny(new Task[] { _reading.Peek().Read! });
                }
                else
                {
                    var running = new List<Task>(_reading.Count);
                    foreach (var node in _reading)
                    {
                        if (!node.Read!.IsCompleted)
                        {
                            running.Add(node.Read);
                        }
                    }

                    _cmdlet.WaitForAny(running.ToArray());
                }
            }
            catch (OperationCanceledException) when (_cmdlet.Cancellation.IsCancellationRequested)
            {
                throw Stopped();
            }
            catch (AggregateException)
            {
                // The read failed: Handle writes its error in turn.
            }
        }

        private void Handle(Node node)
        {
            IReadOnlyList<IssueLink>? links = null;
            Exception? failure = null;
            try
            {
                links = node.Read!.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cmdlet.Cancellation.IsCancellationRequested)
            {
                throw Stopped();
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            node.Log.WriteTo(_cmdlet);
            if (failure != null)
            {
                // An issue the user may not see (403/404) or that failed to read: reported once, the walk goes on.
                _cmdlet.WriteError(ErrorRecords.From(failure, node.Issue));
            }
            else
            {
                WriteLinks(node, links!);
            }

            _progress.Visited(node.Issue, _waiting.Count + _reading.Count);
        }

        private void WriteLinks(Node node, IReadOnlyList<IssueLink> links)
        {
            var filter = _filterFor(node.Backend);
            var written = SetOf(_written, node.Backend);
            var visited = SetOf(_visited, node.Backend);
            var follow = _maxDepth == null || node.Depth < _maxDepth.Value;
            foreach (var link in links)
            {
                if ((filter != null && !filter(link)) || !written.Add(node.Backend.LinkIdentity(link)))
                {
                    continue;
                }

                link.Depth = node.Depth;
                DescribeFromLinkThatLedHere(link, node.ReachedBy);
                _cmdlet.WriteObject(link);

                var next = link.LinkedIssue.Trim();
                if (follow && next.Length > 0 && visited.Add(next))
                {
                    _waiting.Enqueue(new Node(node.Backend, next, node.Depth + 1, link));
                }
            }
        }

        /// <summary>Where the issue's own read did not describe it, the link that led to it did (as its linked issue).</summary>
        private static void DescribeFromLinkThatLedHere(IssueLink link, IssueLink? reachedBy)
        {
            if (reachedBy == null || link.IssueSummary != null || link.IssueStatus != null)
            {
                return;
            }

            link.IssueSummary = reachedBy.LinkedIssueSummary;
            link.IssueStatus = reachedBy.LinkedIssueStatus;
            link.IssueStatusCategory = reachedBy.LinkedIssueStatusCategory;
        }

        /// <summary>Ctrl+C: the reads were cancelled through the shared token; wait (briefly) until they have unwound.</summary>
        private PipelineStoppedException Stopped()
        {
            var all = new List<Task>(_reading.Count);
            foreach (var node in _reading)
            {
                all.Add(node.Read!);
            }

            _reading.Clear();
            _waiting.Clear();
            try
            {
                Task.WaitAll(all.ToArray(), StopGrace);
            }
            catch (AggregateException)
            {
                // Cancelled or failed: either way it has ended.
            }

            return new PipelineStoppedException();
        }

        private static HashSet<string> SetOf(Dictionary<ILinkBackend, HashSet<string>> sets, ILinkBackend backend)
        {
            if (!sets.TryGetValue(backend, out var set))
            {
                set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                sets.Add(backend, set);
            }

            return set;
        }

        private sealed class Node
        {
            public Node(ILinkBackend backend, string issue, int depth, IssueLink? reachedBy)
            {
                Backend = backend;
                Issue = issue;
                Depth = depth;
                ReachedBy = reachedBy;
            }

            public ILinkBackend Backend { get; }

            public string Issue { get; }

            public int Depth { get; }

            /// <summary>The link whose <c>LinkedIssue</c> this issue is; null for a start issue.</summary>
            public IssueLink? ReachedBy { get; }

            public ItemLog Log { get; } = new ItemLog();

            public Task<IReadOnlyList<IssueLink>>? Read { get; set; }
        }
    }
}
