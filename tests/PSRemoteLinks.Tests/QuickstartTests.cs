using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PSRemoteLinks.Quickstart;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>The README's main command, `dotnet run --project samples/Quickstart`, runs every step and exits 0.</summary>
    public class QuickstartTests
    {
        [Fact]
        public async Task Every_step_runs_and_prints_what_a_user_would_see()
        {
            using var output = new StringWriter();

            var exitCode = await QuickstartRunner.RunAsync(output);

            var text = output.ToString();
            Assert.True(exitCode == 0, text);
            Assert.Contains("All 17 steps ran.", text);
            Assert.DoesNotContain("!! step", text);
            Assert.DoesNotContain("\u001b[", text);
            // The upsert kept one link, updated in place.
            Assert.Matches(new Regex(@"## 5\. Still one link on DEMO-2\s+PS> Get-RemoteIssueLink DEMO-2\s+Issue: DEMO-2\s+Id\s+Relationship\s+Title\s+Url\s+[- ]+\s+\d+ built by\s+Build #1024 \(green\)\s+https://ci\.example\.org/builds/1024\s+## 6"), text);
            Assert.Contains("What if: Performing the operation \"Remove\" on target \"remote link", text);
            Assert.Matches(new Regex(@"Issue: DEMO-2\s+Relationship[^\n]*\n[- ]+\n(?:[^\n]+\n)*?blocks\s+DEMO-1"), text);
            Assert.Matches(new Regex(@"Issue: DEMO-1\s+Relationship[^\n]*\n[- ]+\n(?:[^\n]+\n)*?is blocked by\s+DEMO-2"), text);
            Assert.Matches(new Regex(@"Issue: TREK-1\s+Relationship[^\n]*\n[- ]+\n(?:[^\n]+\n)*?is dependent by\s+TREK-2"), text);
            Assert.Matches(new Regex(@"True\s+demo-tracker\s+YandexTracker"), text);
            Assert.Matches(new Regex(@"PS> Get-RemoteIssueLink DEMO-2 -Connection demo-jira\s+Issue: DEMO-2"), text);
        }

        [Fact]
        public void The_tour_script_splits_into_titled_steps()
        {
            var steps = ScriptSteps.Parse("# preamble\n# --- One\nGet-A\n\n# --- Two\nGet-B\nGet-C\n");
            Assert.Equal(2, steps.Count);
            Assert.Equal(("One", "Get-A"), (steps[0].Title, steps[0].Code));
            Assert.Equal("Two", steps[1].Title);
            Assert.Equal(new[] { "Get-B", "Get-C" }, steps[1].Code.Split(System.Environment.NewLine));
        }
    }
}
