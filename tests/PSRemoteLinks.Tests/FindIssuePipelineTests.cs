using System;
using System.Linq;
using System.Text.Json.Nodes;
using PSRemoteLinks.Emulator;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>The bulk jobs of issue 12, written exactly as a user writes them.</summary>
    public class FindIssuePipelineTests : FindIssueTests
    {
        /// <summary>Needs SAFETY's delay-bind script blocks on Set-RemoteIssueLink (another branch); on this branch it fails at the Set step.</summary>
        [Fact]
        public void The_url_migration_pipeline_rewrites_exactly_the_matching_links_on_200_issues()
        {
            ConnectJira();
            var keys = IssueSets.AddJira(Server.Jira, "OPS", 200);
            for (var i = 0; i < keys.Length; i++)
            {
                Server.Jira.AddRemoteLink(keys[i], "{\"object\":{\"url\":\"https://ci.example.org/builds/" + i + "\",\"title\":\"Build " + i + "\"}}");
                if (i % 2 == 0)
                {
                    Server.Jira.AddRemoteLink(keys[i], FullLink.Replace("https://ci.example.org/builds/1", "https://wiki.old.example/spaces/OPS/page-" + i, StringComparison.Ordinal)
                        .Replace("system=ci&build=1", "wiki-" + i, StringComparison.Ordinal));
                }

                if (i % 5 == 0)
                {
                    // Looks alike, but another host: left alone.
                    Server.Jira.AddRemoteLink(keys[i], "{\"object\":{\"url\":\"https://wiki.old.example.org/page-" + i + "\",\"title\":\"Decoy " + i + "\"}}");
                }
            }

            var before = keys.ToDictionary(k => k, k => Server.Jira.RemoteLinks(k).Select(l => l.ToJsonString()).ToArray());
            Server.Requests.Clear();

            var result = Run(
                "Find-Issue 'project = OPS AND updated >= -90d' | Get-RemoteIssueLink -ThrottleLimit 16 |\n"
                + "    Where-Object Url -like 'https://wiki.old.example/*' |\n"
                + "    Set-RemoteIssueLink -Url { $_.Url -replace '^https://wiki.old.example/', 'https://wiki.example/' }");

            Assert.Empty(result.Errors);
            Assert.Null(result.TerminatingError);
            var changed = 0;
            foreach (var key in keys)
            {
                var after = Server.Jira.RemoteLinks(key).Select(l => l.ToJsonString()).ToArray();
                Assert.Equal(before[key].Length, after.Length);
                for (var j = 0; j < after.Length; j++)
                {
                    var old = JsonNode.Parse(before[key][j])!;
                    var url = old["object"]!["url"]!.GetValue<string>();
                    if (url.StartsWith("https://wiki.old.example/", StringComparison.Ordinal))
                    {
                        changed++;
                        old["object"]!["url"] = "https://wiki.example/" + url["https://wiki.old.example/".Length..];
                    }

                    AssertJson(old.ToJsonString(), after[j]);
                }
            }

            Assert.Equal(100, changed);
            Assert.Equal(100, Server.Requests.All.Count(r => r.Method == "PUT"));
            Assert.DoesNotContain(Server.Requests.All, r => r.Method is "DELETE" || (r.Method == "POST" && r.Path.Contains("/remotelink", StringComparison.Ordinal)));
        }
    }
}
