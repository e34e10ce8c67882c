using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Xunit;

namespace PSRemoteLinks.Tests
{
    /// <summary>Multi-item work shows a progress bar (done, of the total when known, and the rate); one item shows none.</summary>
    public class BulkProgressTests : BulkTests
    {
        [Fact]
        public void An_array_of_issues_reports_done_of_total_then_closes_the_bar()
        {
            var keys = SeedIssues(6);

            var result = Run("Get-RemoteIssueLink -Issue $Keys -ThrottleLimit 3", With("Keys", keys));

            Assert.Equal(keys, IssuesOf(result.Output));
            var records = result.Progress;
            Assert.True(records.Count >= 2, "a record and the closing one");
            Assert.All(records, r => Assert.Equal(records[0].ActivityId, r.ActivityId));
            Assert.All(records, r => Assert.Equal("Get-RemoteIssueLink", r.Activity));
            Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
            var shown = records.Take(records.Count - 1).ToArray();
            Assert.All(shown, r => Assert.Matches(@"^\d+ of 6 done \(\d+(\.\d)?/s\)$", r.StatusDescription));
            var done = shown.Select(r => int.Parse(Regex.Match(r.StatusDescription, @"^\d+").Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(done.OrderBy(d => d).ToArray(), done);
            Assert.Equal(6, done[^1]);
            Assert.Equal(100, shown[^1].PercentComplete);
            Assert.Equal("B-6", shown[^1].CurrentOperation);
        }

        [Fact]
        public void Piped_issues_report_a_running_count()
        {
            var keys = SeedIssues(5);

            var result = Run("$Keys | Get-RemoteIssueLink", With("Keys", keys));

            var shown = result.Progress.Where(r => r.RecordType == ProgressRecordType.Processing).ToArray();
            Assert.NotEmpty(shown);
            Assert.Matches(@"^5 done \(\d+(\.\d)?/s\)$", shown[^1].StatusDescription);
            Assert.Equal(-1, shown[^1].PercentComplete);
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        }

        [Fact]
        public void A_single_item_shows_no_progress()
        {
            SeedIssues(1);

            Assert.Empty(Run("Get-RemoteIssueLink B-1").Progress);
            Assert.Empty(Run("'B-1' | Get-RemoteIssueLink").Progress);
            Assert.Empty(Run("Get-RemoteIssueLink -Issue @('B-1')").Progress);
        }
    }
}
