using System;
using System.Linq;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>-WhatIf and -Confirm with -ThrottleLimit: no change without consent, prompts in input order.</summary>
    public class BulkConfirmTests : BulkTests
    {
        private const string NewLinks =
            "$Keys | ForEach-Object { [pscustomobject]@{ Issue = $_; Url = 'https://ci.example.org/' + $_; Title = 'new ' + $_ } } | New-RemoteIssueLink -ThrottleLimit 8";

        [Fact]
        public void WhatIf_with_a_throttle_sends_no_request_and_tells_each_item_in_order()
        {
            var keys = SeedIssues(10);

            var result = Run(NewLinks + " -WhatIf", With("Keys", keys));

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Empty(Server.Requests.All);
            Assert.All(keys, k => Assert.Single(Server.Jira.RemoteLinks(k)));
            var whatIf = result.HostText.Split('\n').Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToArray();
            Assert.Equal(keys.Select(k => "on target \"" + k + "\""), whatIf.Select(l => l.Substring(l.IndexOf("on target", StringComparison.Ordinal)).TrimEnd('\r', '.')));
        }

        [Fact]
        public void WhatIf_on_a_bulk_remove_reads_but_removes_nothing()
        {
            var keys = SeedIssues(6);

            var result = Run("Get-RemoteIssueLink -Issue $Keys | Remove-RemoteIssueLink -ThrottleLimit 8 -WhatIf", With("Keys", keys));

            Assert.Empty(result.Errors);
            Assert.Empty(Changes());
            Assert.All(keys, k => Assert.Single(Server.Jira.RemoteLinks(k)));
        }

        [Fact]
        public void Each_confirmation_prompt_comes_after_the_earlier_items_output()
        {
            var keys = SeedIssues(3);
            Server.Latency.Fixed = TimeSpan.FromMilliseconds(150);
            foreach (var _ in keys)
            {
                Shell.Host.ChoiceAnswers.Enqueue("Yes");
            }

            var result = Run(NewLinks + " -Confirm | ForEach-Object { $Host.UI.WriteLine('emitted ' + $_.Title) }", With("Keys", keys));

            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            Assert.Equal(3, Shell.Host.Prompts.Count);
            var text = result.HostText;
            var marks = keys.SelectMany(k => new[]
            {
                text.IndexOf("Add remote link 'new " + k + "'", StringComparison.Ordinal),
                text.IndexOf("emitted new " + k, StringComparison.Ordinal),
            }).ToArray();
            Assert.DoesNotContain(-1, marks);
            Assert.Equal(marks.OrderBy(i => i).ToArray(), marks);
        }

        [Fact]
        public void A_declined_item_is_skipped_and_the_others_are_made()
        {
            var keys = SeedIssues(3);
            Shell.Host.ChoiceAnswers.Enqueue("Yes");
            Shell.Host.ChoiceAnswers.Enqueue("No");
            Shell.Host.ChoiceAnswers.Enqueue("Yes");

            var result = Run(NewLinks + " -Confirm", With("Keys", keys));

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "B-1", "B-3" }, IssuesOf(result.Output));
            Assert.Single(Server.Jira.RemoteLinks("B-2"));
            Assert.Equal(2, Changes().Count);
        }
    }
}
