using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// What the bulk tests share: a Jira connection and a set of issues B-1..B-n, each with one remote link titled
    /// after its issue, so an output object tells which input item it answers.
    /// </summary>
    public abstract class BulkTests : EngineTest
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            ConnectJira();
        }

        /// <summary>Creates B-1..B-count with one link each ("link B-i") and clears the journal.</summary>
        protected string[] SeedIssues(int count)
        {
            var keys = Enumerable.Range(1, count).Select(i => "B-" + i).ToArray();
            foreach (var key in keys)
            {
                Server.Jira.AddIssue(key, "Bulk " + key);
                Server.Jira.AddRemoteLink(key, "{\"object\":{\"url\":\"https://docs.example.org/" + key + "\",\"title\":\"link " + key + "\"}}");
            }

            Server.Requests.Clear();
            return keys;
        }

        /// <summary>The issue each output object belongs to, in output order.</summary>
        protected static string[] IssuesOf(IEnumerable<PSObject> output) => output.Select(o => Text(o, "Issue")!).ToArray();
    }
}
