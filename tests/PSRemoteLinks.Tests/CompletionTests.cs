using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Tab completion as the console asks for it (CommandCompletion.CompleteInput), against the connection's service.</summary>
    public class CompletionTests : EngineTest
    {
        private static readonly string[] TrackerRelationships =
        {
            "relates", "depends on", "is dependent by", "is subtask for", "is parent task for", "duplicates", "is duplicated by", "is epic of", "has epic",
        };

        private static readonly string[] JiraPhrases =
        {
            "blocks", "is blocked by", "clones", "is cloned by", "duplicates", "is duplicated by", "relates to", "Cloners", "Duplicate", "Relates",
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Server.Jira.AddIssue("A-1", "Source");
            Server.Jira.AddIssue("B-2", "Target");
        }

        [Fact]
        public void Relationship_offers_trackers_nine_values_on_a_tracker_connection_without_asking_the_server()
        {
            ConnectTracker();
            var before = Server.Requests.Count;

            var matches = Complete("New-IssueLink A-1 -LinkedIssue B-2 -Relationship ");

            Assert.Equal(TrackerRelationships, matches.Select(m => m.ListItemText).ToArray());
            Assert.Equal(TrackerRelationships.Select(v => v.Contains(' ') ? "'" + v + "'" : v).ToArray(), matches.Select(m => m.CompletionText).ToArray());
            Assert.All(matches, m => Assert.Equal(CompletionResultType.ParameterValue, m.ResultType));
            Assert.Equal(before, Server.Requests.Count);
        }

        [Fact]
        public void Relationship_completes_a_typed_prefix_quoted_or_not()
        {
            ConnectTracker();

            Assert.Equal(new[] { "'is dependent by'", "'is subtask for'", "'is parent task for'", "'is duplicated by'", "'is epic of'" },
                Complete("New-IssueLink A-1 B-2 -Relationship is").Select(m => m.CompletionText).ToArray());
            Assert.Equal(new[] { "'depends on'" }, Complete("New-IssueLink A-1 B-2 -Relationship 'DEP").Select(m => m.CompletionText).ToArray());
        }

        [Fact]
        public void Relationship_offers_the_jira_sites_phrases_read_once_per_connection()
        {
            ConnectJira();

            var first = Complete("New-IssueLink A-1 -LinkedIssue B-2 -Relationship ");
            var second = Complete("New-IssueLink A-1 -LinkedIssue B-2 -Relationship is");
            var created = Run("New-IssueLink A-1 -LinkedIssue B-2 -Relationship blocks");

            Assert.Equal(JiraPhrases, first.Select(m => m.ListItemText).ToArray());
            Assert.Equal(new[] { "'is blocked by'", "'is cloned by'", "'is duplicated by'" }, second.Select(m => m.CompletionText).ToArray());
            Assert.Empty(created.Errors);
            Assert.Single(Server.Requests.Where("GET", "/issueLinkType"));
        }

        [Fact]
        public void Relationship_follows_the_connection_named_on_the_command_line()
        {
            var result = Run("$jira = Connect-Jira $JiraUri -Credential $JiraCred -Name site -PassThru; Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId");
            Assert.Empty(result.Errors);

            var onDefault = Complete("New-IssueLink A-1 B-2 -Relationship ");
            var onJira = Complete("New-IssueLink A-1 B-2 -Connection $jira -Relationship ");

            Assert.Equal(TrackerRelationships, onDefault.Select(m => m.ListItemText).ToArray());
            Assert.Equal(JiraPhrases, onJira.Select(m => m.ListItemText).ToArray());
        }

        [Fact]
        public void Each_jira_connection_keeps_its_own_cache_of_link_types()
        {
            var result = Run("$one = Connect-Jira $JiraUri -Credential $JiraCred -Name one -PassThru; $two = Connect-Jira $JiraUri -Credential $JiraCred -Name two -PassThru");
            Assert.Empty(result.Errors);

            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(JiraPhrases.Length, Complete("New-IssueLink A-1 B-2 -Connection $one -Relationship ").Count);
                Assert.Equal(JiraPhrases.Length, Complete("New-IssueLink A-1 B-2 -Connection $two -Relationship ").Count);
            }

            Assert.Equal(2, Server.Requests.Where("GET", "/issueLinkType").Count);
        }

        [Fact]
        public void A_failure_to_read_the_link_types_completes_nothing_quietly_and_is_not_cached()
        {
            ConnectJira();
            Server.Faults.Add(Fault.Status(403, "{\"errorMessages\":[\"No permission\"],\"errors\":{}}").For("GET", "/issueLinkType"));

            // Complete asserts the run wrote no error and ended without a terminating one.
            Assert.Empty(Complete("New-IssueLink A-1 B-2 -Relationship "));
            Assert.Equal(JiraPhrases, Complete("New-IssueLink A-1 B-2 -Relationship ").Select(m => m.ListItemText).ToArray());
        }

        [Fact]
        public void Without_a_connection_relationship_completes_nothing()
        {
            Assert.Empty(Complete("New-IssueLink A-1 B-2 -Relationship "));
            Assert.Equal(0, Server.Requests.Count);
        }

        [Fact]
        public void Origin_offers_the_tracker_organisations_applications_read_once()
        {
            Server.Tracker.AddApplication("app1", "GitHub");
            ConnectTracker();

            var all = Complete("New-RemoteIssueLink TREK-1 -Key PR-1 -Origin ");
            var prefixed = Complete("New-RemoteIssueLink TREK-1 -Key PR-1 -Origin ru.yandex.l");

            Assert.Equal(new[] { "ru.yandex.bitbucket", "ru.yandex.lunapark", "app1" }, all.Select(m => m.CompletionText).ToArray());
            Assert.Equal(new[] { "ru.yandex.lunapark" }, prefixed.Select(m => m.CompletionText).ToArray());
            var read = Assert.Single(Server.Requests.Where("GET", "/applications"));
            Assert.Equal("/tracker/v2/applications", read.Path);
        }

        [Fact]
        public void Origin_completes_nothing_on_a_jira_connection()
        {
            ConnectJira();
            var before = Server.Requests.Count;

            Assert.Empty(Complete("New-RemoteIssueLink A-1 -Key PR-1 -Origin "));
            Assert.Equal(before, Server.Requests.Count);
        }

        [Fact]
        public void Connection_completes_the_open_connections_names_and_never_file_names()
        {
            ConnectJira("-Name 'jira site'");
            ConnectTracker("-Name tracker");

            var all = Complete("Get-IssueLink A-1 -Connection ");
            var prefixed = Complete("Get-RemoteIssueLink A-1 -Connection TR");
            var none = Complete("Get-IssueLink A-1 -Connection nothing-like-it");
            var disconnect = Complete("Disconnect-IssueTracker -Connection j");

            Assert.Equal(new[] { "'jira site'", "tracker" }, all.Select(m => m.CompletionText).ToArray());
            Assert.All(all, m => Assert.Equal(CompletionResultType.ParameterValue, m.ResultType));
            Assert.Equal(new[] { "tracker" }, prefixed.Select(m => m.CompletionText).ToArray());
            Assert.Empty(none);
            Assert.Equal(new[] { "'jira site'" }, disconnect.Select(m => m.CompletionText).ToArray());
        }

        [Fact]
        public void Relationship_follows_a_connection_given_by_name_on_the_command_line()
        {
            ConnectJira("-Name site");
            ConnectTracker("-Name tracker");

            var onJira = Complete("New-IssueLink A-1 B-2 -Connection site -Relationship ");
            var onTracker = Complete("New-IssueLink A-1 B-2 -Connection 'tracker' -Relationship ");
            var onUnknown = Complete("New-IssueLink A-1 B-2 -Connection nosuch -Relationship ");

            Assert.Equal(JiraPhrases, onJira.Select(m => m.ListItemText).ToArray());
            Assert.Equal(TrackerRelationships, onTracker.Select(m => m.ListItemText).ToArray());
            Assert.Empty(onUnknown);
        }

        [Fact]
        public void A_remote_links_relationship_offers_trackers_values_on_tracker_and_nothing_on_jira()
        {
            var result = Run("$tracker = Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -PassThru; Connect-Jira $JiraUri -Credential $JiraCred -Name site");
            Assert.Empty(result.Errors);

            var onTracker = Complete("New-RemoteIssueLink TREK-1 -Key PR-1 -Origin x -Connection $tracker -Relationship ");
            var prefixed = Complete("New-RemoteIssueLink TREK-1 -Connection $tracker -Relationship dep");
            var onJira = Complete("New-RemoteIssueLink A-1 -Url https://x.example -Title x -Relationship ");

            Assert.Equal(TrackerRelationships, onTracker.Select(m => m.ListItemText).ToArray());
            Assert.Equal(new[] { "'depends on'" }, prefixed.Select(m => m.CompletionText).ToArray());
            // Jira takes any text; an empty answer from the completer keeps PowerShell from offering file names.
            Assert.Empty(onJira);
        }

        /// <summary>What the console's Tab would offer with the cursor at the end of <paramref name="line"/>.</summary>
        private IReadOnlyList<CompletionResult> Complete(string line)
        {
            var result = Run("[System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches",
                With("line", line));
            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            return result.OutputOf<CompletionResult>();
        }
    }
}
