using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSRemoteLinks.Emulator;
using PSRemoteLinks.EngineHost;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>What the Find-Issue tests share: the search requests the emulator received, and the keys a run wrote.</summary>
    public abstract class FindIssueTests : EngineTest
    {
        /// <summary>The search requests (Jira's search, search/jql and approximate-count; Tracker's issues/_search), in arrival order.</summary>
        protected IReadOnlyList<RecordedRequest> Searches() =>
            Server.Requests.All.Where(r => r.Method == "POST" && (r.Path.Contains("/search", StringComparison.Ordinal) || r.Path.EndsWith("/_search", StringComparison.Ordinal))).ToList();

        /// <summary>The issue keys a run wrote, in order (ignoring anything that is not an issue, such as a total count).</summary>
        protected static string[] Keys(ScriptResult result) =>
            result.Output.Where(o => TypeName(o) == "PSRemoteLinks.Issue").Select(o => Text(o, "Issue")!).ToArray();

        /// <summary>The run's only output object, asserting it is a PSRemoteLinks.Issue.</summary>
        protected static PSObject SingleIssue(ScriptResult result)
        {
            var issue = Assert.Single(result.Output);
            Assert.Equal("PSRemoteLinks.Issue", TypeName(issue));
            return issue;
        }

        /// <summary>Runs the script and asserts it wrote no error.</summary>
        protected ScriptResult RunClean(string script, IDictionary<string, object?>? extra = null)
        {
            var result = Run(script, extra);
            Assert.True(result.Errors.Count == 0 && result.TerminatingError == null,
                string.Join("\n", result.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)) + result.TerminatingError);
            return result;
        }

        /// <summary>Runs a search with -IncludeTotalCount and returns the first object's text (its ToString is a script method, which needs the session), its Accuracy and its number.</summary>
        protected (string Text, double Accuracy, ulong Count, string[] Keys) WithTotal(string findIssue)
        {
            var result = RunClean("$found = @(" + findIssue + "); $found[0].ToString(); $found[0].Accuracy; $found[0].PSObject.BaseObject; $found | Select-Object -Skip 1");
            return ((string)result.Output[0].BaseObject, (double)result.Output[1].BaseObject, (ulong)result.Output[2].BaseObject, Keys(result));
        }

        /// <summary>Runs the search with a downstream step that notes, when the first issue arrives, how many searches the emulator has received.</summary>
        protected int SearchesWhenFirstIssueArrived(string findIssue)
        {
            var result = RunClean(findIssue + " | ForEach-Object -Begin { $seen = $null } -Process { if ($null -eq $seen) { $seen = $Probe.Invoke() }; $null } -End { $seen }",
                With("Probe", new Func<int>(() => Searches().Count)));
            return (int)Assert.Single(result.Output).BaseObject;
        }
    }
}
