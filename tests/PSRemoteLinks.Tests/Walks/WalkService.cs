using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSRemoteLinks.Emulator;

namespace PSRemoteLinks.Tests.Walks
{
    /// <summary>What differs between walking on Jira and on Tracker, for tests that run on both.</summary>
    public sealed class WalkService
    {
        private WalkService(string name, Func<LinkGraph> graph, Action<EmulatorServer, LinkGraph> seed, string connect)
        {
            Name = name;
            Graph = graph;
            Seed = seed;
            ConnectScript = connect;
        }

        public static WalkService Jira { get; } = new WalkService(
            "Jira", () => LinkGraph.ForJira(), (server, graph) => graph.SeedJira(server.Jira), "Connect-Jira -Uri $JiraUri -Credential $JiraCred");

        public static WalkService Tracker { get; } = new WalkService(
            "Tracker", () => LinkGraph.ForTracker(), (server, graph) => graph.SeedTracker(server.Tracker), "Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId");

        public string Name { get; }

        public Func<LinkGraph> Graph { get; }

        public Action<EmulatorServer, LinkGraph> Seed { get; }

        public string ConnectScript { get; }

        public bool IsJira => Name == "Jira";

        public static WalkService Named(string name) => name == "Jira" ? Jira : Tracker;

        /// <summary>The issues whose links the emulator was asked for, one entry per request, in arrival order.</summary>
        public IReadOnlyList<string> LinkReads(RequestJournal journal) =>
            journal.All.Where(r => r.Method == "GET").Select(LinksReadOf).Where(k => k != null).Select(k => k!).ToList();

        /// <summary>Tracker: the issues read on their own (GET issues/{key}), to describe a start issue.</summary>
        public static IReadOnlyList<string> IssueReads(RequestJournal journal) =>
            journal.All.Where(r => r.Method == "GET" && r.Path.Contains("/issues/", StringComparison.Ordinal) && !r.Path.EndsWith("/links", StringComparison.Ordinal))
                .Select(r => r.Path[(r.Path.LastIndexOf('/') + 1)..]).ToList();

        /// <summary>Every links read asks Jira for these fields only.</summary>
        public IReadOnlyList<string> Queries(RequestJournal journal) =>
            journal.All.Where(r => r.Method == "GET" && LinksReadOf(r) != null).Select(r => r.Query).Distinct().ToList();

        public static IReadOnlyList<WalkedLink> Walked(IEnumerable<PSObject> output) =>
            output.Select(o => new WalkedLink(
                (string)o.Properties["Issue"].Value, (string)o.Properties["Relationship"].Value, (string)o.Properties["LinkedIssue"].Value, (int)o.Properties["Depth"].Value))
                .ToList();

        private string? LinksReadOf(RecordedRequest request)
        {
            if (IsJira)
            {
                var at = request.Path.IndexOf("/rest/api/2/issue/", StringComparison.Ordinal);
                return at < 0 ? null : request.Path[(at + "/rest/api/2/issue/".Length)..];
            }

            const string suffix = "/links";
            if (!request.Path.EndsWith(suffix, StringComparison.Ordinal) || !request.Path.Contains("/issues/", StringComparison.Ordinal))
            {
                return null;
            }

            var path = request.Path[..^suffix.Length];
            return path[(path.LastIndexOf('/') + 1)..];
        }

        public override string ToString() => Name;
    }
}
