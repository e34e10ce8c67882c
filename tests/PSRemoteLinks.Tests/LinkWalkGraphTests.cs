using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.Tests.Walks;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// Get-IssueLink -Recurse / -Depth / -Relationship over the emulator's 1,000-issue graph (cycles, diamonds, an
    /// island, three Jira link types or Tracker's nine relationships), on both services: what is written, at which
    /// depth, in which order, and which issues the emulator was asked for.
    /// </summary>
    public sealed class LinkWalkGraphTests : EngineTest
    {
        private LinkGraph _graph = null!;
        private WalkService _service = null!;

        private void Open(string service)
        {
            _service = WalkService.Named(service);
            _graph = _service.Graph();
            _service.Seed(Server, _graph);
            var connected = Run(_service.ConnectScript);
            Assert.True(connected.Succeeded, "connected");
            Server.Requests.Clear();
        }

        [Theory]
        [InlineData("Jira")]
        [InlineData("Tracker")]
        public void Recurse_writes_every_reachable_link_once_with_its_depth_and_reads_each_issue_once(string service)
        {
            Open(service);
            var expected = ExpectedWalk.Of(_graph, new[] { _graph.Start });

            var result = Run("Get-IssueLink " + _graph.Start + " -Recurse -ThrottleLimit 16");

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(expected.Links, WalkService.Walked(result.Output));
            Assert.Equal(_graph.Edges.Count - _graph.Island.Count, result.Output.Count);
            Assert.Equal(_graph.Main.Count, expected.Read.Count);
            AssertReadOnce(expected.Read);
            Assert.DoesNotContain(_service.LinkReads(Server.Requests), _graph.Island.Contains);
            Assert.True(expected.Links.Max(l => l.Depth) >= 5, "the graph is deep enough to mean something");

            // Each link says what its issue and its linked issue are (for drawing the graph), whichever way it was reached.
            Assert.All(result.Output, link =>
            {
                Assert.Equal(LinkGraph.Summary(Text(link, "Issue")!), Text(link, "IssueSummary"));
                Assert.NotNull(Prop(link, "IssueStatus"));
                Assert.NotNull(Prop(link, "IssueStatusCategory"));
                Assert.Equal(LinkGraph.Summary(Text(link, "LinkedIssue")!), Text(link, "LinkedIssueSummary"));
            });
            if (_service.IsJira)
            {
                Assert.Equal(new[] { "?fields=issuelinks,summary,status" }, _service.Queries(Server.Requests));
            }
            else
            {
                // Tracker's links read does not describe the issue itself: only the start issue costs one more read.
                Assert.Equal(new[] { _graph.Start }, WalkService.IssueReads(Server.Requests));
            }
        }

        [Theory]
        [InlineData("Jira", "IS BLOCKED BY", "is blocked by")]
        [InlineData("Jira", "Blocks", "blocks")]
        [InlineData("Tracker", "Depends On", "depends on")]
        [InlineData("Tracker", "is parent task for", "is parent task for")]
        public void Relationship_writes_and_follows_only_those_phrases(string service, string given, string phrase)
        {
            Open(service);
            var expected = ExpectedWalk.Of(_graph, new[] { _graph.Start }, follow: new HashSet<string> { phrase });

            var result = Run("Get-IssueLink " + _graph.Start + " -Recurse -Relationship '" + given + "' -ThrottleLimit 16");

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(expected.Links, WalkService.Walked(result.Output));
            Assert.All(result.Output, link => Assert.Equal(phrase, Text(link, "Relationship")));
            AssertReadOnce(expected.Read);
            Assert.True(expected.Read.Count < _graph.Main.Count, "the phrase prunes the walk");
        }

        [Fact]
        public void Relationship_takes_several_phrases_and_Tracker_walks_all_nine()
        {
            Open("Tracker");
            var nine = new[] { "relates", "depends on", "is dependent by", "is subtask for", "is parent task for", "duplicates", "is duplicated by", "is epic of", "has epic" };
            var expected = ExpectedWalk.Of(_graph, new[] { _graph.Start });
            var two = ExpectedWalk.Of(_graph, new[] { _graph.Start }, follow: new HashSet<string> { "depends on", "has epic" });

            var all = Run("Get-IssueLink " + _graph.Start + " -Recurse -ThrottleLimit 16 -Relationship $Nine", With("Nine", nine));
            var some = Run("Get-IssueLink " + _graph.Start + " -Recurse -ThrottleLimit 16 -Relationship 'depends on', 'HAS EPIC'");

            Assert.Equal(expected.Links, WalkService.Walked(all.Output));
            Assert.Equal(nine.OrderBy(p => p), all.Output.Select(o => Text(o, "Relationship")).Distinct().OrderBy(p => p));
            Assert.Equal(two.Links, WalkService.Walked(some.Output));
        }

        [Theory]
        [InlineData("Jira", 0)]
        [InlineData("Jira", 2)]
        [InlineData("Tracker", 0)]
        [InlineData("Tracker", 3)]
        public void Depth_implies_recurse_and_reads_issues_only_that_far(string service, int depth)
        {
            Open(service);
            var expected = ExpectedWalk.Of(_graph, new[] { _graph.Start }, maxDepth: depth);

            var result = Run("Get-IssueLink " + _graph.Start + " -Depth " + depth + " -ThrottleLimit 16");

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(expected.Links, WalkService.Walked(result.Output));
            Assert.Equal(depth, result.Output.Max(o => (int)Prop(o, "Depth")!));
            AssertReadOnce(expected.Read);
        }

        [Theory]
        [InlineData("Jira")]
        [InlineData("Tracker")]
        public void Several_start_issues_are_all_at_depth_0_and_a_link_between_them_is_written_once(string service)
        {
            Open(service);
            var first = _graph.Edges[0];
            var starts = new[] { first.To, first.From, "walk-40", first.To };
            var expected = ExpectedWalk.Of(_graph, starts, maxDepth: 1);

            var result = Run("$Starts | Get-IssueLink -Depth 1 -ThrottleLimit 8", With("Starts", starts));

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(expected.Links.Select(Upper), WalkService.Walked(result.Output).Select(Upper));
            // first.From and first.To are both read at depth 0; their link is written once, from the side given first.
            var between = Assert.Single(result.Output, o =>
                new[] { Text(o, "Issue"), Text(o, "LinkedIssue") }.OrderBy(k => k).SequenceEqual(new[] { first.From, first.To }.OrderBy(k => k)));
            Assert.Equal(first.To + " " + _graph.Inverse(first.Relationship) + " " + first.From, between.BaseObject.ToString());
            AssertReadOnce(expected.Read.Select(k => k.ToUpperInvariant()).ToList(), ignoreCase: true);
        }

        [Theory]
        [InlineData("Jira")]
        [InlineData("Tracker")]
        public void An_issue_that_cannot_be_read_is_reported_once_and_the_walk_goes_on(string service)
        {
            Open(service);
            var hidden = _graph.Edges.First(e => e.From == _graph.Start).To;
            if (_service.IsJira)
            {
                Server.Jira.Forbid(hidden);
            }
            else
            {
                Server.Faults.Add(Fault.Status(404, "{\"statusCode\":404,\"errorMessages\":[\"Issue does not exist.\"],\"errors\":{}}").For("GET", "/issues/" + hidden + "/links"));
            }

            var expected = ExpectedWalk.Of(_graph, new[] { _graph.Start }, unreadable: new HashSet<string> { hidden });

            var result = Run("Get-IssueLink " + _graph.Start + " -Recurse -ThrottleLimit 16");

            var error = SingleError(result);
            Assert.Equal(_service.IsJira ? ErrorCategory.PermissionDenied : ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(hidden, error.TargetObject);
            Assert.EndsWith(",PSRemoteLinks.Commands.GetIssueLinkCommand", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains(hidden, error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(expected.Links, WalkService.Walked(result.Output));
            Assert.True(expected.Read.Count > _graph.Main.Count / 2, "the rest of the graph is still walked");
            AssertReadOnce(expected.Read);
        }

        [Theory]
        [InlineData("Jira", "is blocked by")]
        [InlineData("Tracker", "depends on")]
        public void Without_recurse_Relationship_filters_the_listing(string service, string phrase)
        {
            Open(service);
            var issues = _graph.Main.Take(30).ToArray();
            var expected = issues.SelectMany(i => ExpectedWalk.Of(_graph, new[] { i }, maxDepth: 0).Links).Where(l => l.Relationship == phrase).ToList();

            var result = Run("Get-IssueLink $Issues -Relationship '" + phrase.ToUpperInvariant() + "'", With("Issues", issues));

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, WalkService.Walked(result.Output));
            AssertReadOnce(issues);
        }

        private static WalkedLink Upper(WalkedLink link) => link with { Issue = link.Issue.ToUpperInvariant() };

        private void AssertReadOnce(IReadOnlyList<string> expected, bool ignoreCase = false)
        {
            var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var reads = _service.LinkReads(Server.Requests);
            var twice = reads.GroupBy(k => k, comparer).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, "read more than once: " + string.Join(", ", twice));
            Assert.Equal(expected.OrderBy(k => k, comparer), reads.OrderBy(k => k, comparer), comparer);
        }
    }
}
