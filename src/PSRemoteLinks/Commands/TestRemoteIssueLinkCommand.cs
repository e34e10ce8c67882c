using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Threading.Tasks;
using PSRemoteLinks.Http;
using PSRemoteLinks.LinkCheck;

namespace PSRemoteLinks.Commands
{
    /// <summary>
    /// Checks where remote links point (piped links, or an issue's links) and emits one RemoteIssueLinkCheck per link,
    /// in input order. Requests go out through a client of their own (<see cref="CheckClient"/>), never through the
    /// connection's pipeline, so nothing of the tracker's credentials reaches a link's host.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "RemoteIssueLink", DefaultParameterSetName = LinkSet)]
    [OutputType(typeof(RemoteIssueLinkCheck))]
    public sealed class TestRemoteIssueLinkCommand : LinkCmdletBase, IDisposable
    {
        private const string LinkSet = "Link";
        private const string IssueSet = "Issue";

        /// <summary>How many items may be started per request allowed in flight: later links to other hosts can go while earlier ones wait for theirs.</summary>
        private const int LookAhead = 4;

        private readonly Dictionary<IssueTrackerConnection, HttpClient> _clients = new Dictionary<IssueTrackerConnection, HttpClient>();
        private HttpClient? _clientWithoutConnection;
        private InOrderRunner? _runner;
        private CheckSlots? _slots;
        private LinkChecker? _checker;

        /// <summary>A remote link, as Get-RemoteIssueLink emits it.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = LinkSet)]
        [ValidateNotNull]
        public RemoteIssueLink? InputObject { get; set; }

        /// <summary>Issue keys (or ids) whose links to check.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IssueSet)]
        [ValidateIssueKey]
        public string[] Issue { get; set; } = Array.Empty<string>();

        /// <summary>The id of one remote link of the issue; without it, every link of the issue is checked.</summary>
        [Parameter(ParameterSetName = IssueSet)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>How long one request to a link's host may take, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>Accept any certificate from links' hosts (a self-signed internal wiki).</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _slots = new CheckSlots(ThrottleLimit);
            _checker = new LinkChecker(_slots, TimeSpan.FromSeconds(TimeoutSec));
            _runner = new InOrderRunner(this, ThrottleLimit * LookAhead);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == LinkSet)
            {
                var link = InputObject!;
                var client = ClientFor(Connection ?? link.Connection ?? Connections.Default);
                _runner!.Start(link, async context => new object[] { await _checker!.CheckAsync(link, client, context).ConfigureAwait(false) });
                return;
            }

            if (!MyInvocation.ExpectingInput && Issue.Length > 1)
            {
                _runner!.ExpectedTotal = Issue.Length;
            }

            var connection = ResolveConnection();
            var issueClient = ClientFor(connection);
            var byId = MyInvocation.BoundParameters.ContainsKey(nameof(Id));
            var id = Id;
            foreach (var issue in Each(Issue))
            {
                _runner!.Start(issue, async context =>
                {
                    var links = await ReadLinksAsync(connection, issue, byId ? id : (long?)null, context).ConfigureAwait(false);
                    var checks = await Task.WhenAll(links.Select(l => _checker!.CheckAsync(l, issueClient, context))).ConfigureAwait(false);
                    return (IEnumerable)checks;
                });
            }
        }

        protected override void EndProcessing()
        {
            _runner?.FinishAll();
            DisposeClients();
        }

        void IDisposable.Dispose()
        {
            DisposeClients();
            Dispose();
        }

        /// <summary>The issue's links, read with a place in the total like any other request, so -ThrottleLimit holds for the tracker too.</summary>
        private async Task<IReadOnlyList<RemoteIssueLink>> ReadLinksAsync(IssueTrackerConnection connection, string issue, long? id, CallContext context)
        {
            using (await _slots!.EnterTotalAsync(context.Cancellation).ConfigureAwait(false))
            {
                return id == null
                    ? await connection.Backend.GetRemoteLinksAsync(issue, context).ConfigureAwait(false)
                    : new[] { await connection.Backend.GetRemoteLinkAsync(issue, id.Value, context).ConfigureAwait(false) };
            }
        }

        /// <summary>One client per connection: each honours its own connection's proxy and certificate check.</summary>
        private HttpClient ClientFor(IssueTrackerConnection? connection)
        {
            if (connection == null)
            {
                return _clientWithoutConnection ?? (_clientWithoutConnection = CheckClient.Create(null, SkipCertificateCheck));
            }

            if (!_clients.TryGetValue(connection, out var client))
            {
                client = CheckClient.Create(connection.Network, SkipCertificateCheck);
                _clients.Add(connection, client);
            }

            return client;
        }

        private void DisposeClients()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _clients.Clear();
            _clientWithoutConnection?.Dispose();
            _clientWithoutConnection = null;
        }
    }
}
