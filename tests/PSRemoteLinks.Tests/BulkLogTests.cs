using System;
using System.Linq;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>A 2,000-link issue, and the verbose/debug lines that go with bulk work: shown when asked for, in full order.</summary>
    public class BulkLogTests : BulkTests
    {
        [Fact]
        public void An_issue_at_the_2000_link_cap_gives_every_link_and_debug_shows_only_the_start_of_its_body()
        {
            Server.Jira.AddIssue("BIG-1", "Many links");
            var ids = Enumerable.Range(1, 2000)
                .Select(i => Server.Jira.AddRemoteLink("BIG-1", "{\"globalId\":\"g-" + i + "\",\"object\":{\"url\":\"https://x.example/" + i + "\",\"title\":\"L" + i + "\"}}"))
                .ToArray();

            var result = Run("Get-RemoteIssueLink BIG-1 -Debug");

            Assert.Empty(result.Errors);
            Assert.Equal(ids, result.Output.Select(o => (long)Prop(o, "Id")!).ToArray());
            Assert.Equal("L2000", Text(result.Output[^1], "Title"));
            var body = Assert.Single(result.Debug, d => d.StartsWith("Response body: ", StringComparison.Ordinal));
            Assert.EndsWith("…", body);
            Assert.InRange(body.Length, 2000, 2000 + "Response body: ".Length + 1);
        }

        [Fact]
        public void Without_Debug_no_body_is_logged_and_with_VerbosePreference_the_request_lines_are()
        {
            var keys = SeedIssues(3);

            var quiet = Run("$Keys | Get-RemoteIssueLink", With("Keys", keys));
            var preferred = Run("$VerbosePreference = 'Continue'; $Keys | Get-RemoteIssueLink", With("Keys", keys));
            var overridden = Run("$VerbosePreference = 'Continue'; $Keys | Get-RemoteIssueLink -Verbose:$false", With("Keys", keys));

            Assert.Empty(quiet.Debug);
            Assert.Empty(quiet.Verbose);
            Assert.Equal(3, preferred.Verbose.Count(v => v.StartsWith("GET ", StringComparison.Ordinal)));
            Assert.Empty(overridden.Verbose);
        }
    }
}
