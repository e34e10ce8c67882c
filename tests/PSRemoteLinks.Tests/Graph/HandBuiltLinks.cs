using System.Collections.Generic;

namespace PSRemoteLinks.Tests.Graph
{
    /// <summary>
    /// A PowerShell script that builds IssueLink objects by hand from parallel arrays ($from, $to, $rel, and per
    /// issue $keys, $sums, $stats) and pipes them to Export-IssueLinkGraph with the arguments in $exportArgs.
    /// </summary>
    public static class HandBuiltLinks
    {
        public const string Script = @"
$summaryOf = @{}; $statusOf = @{}
for ($i = 0; $i -lt $keys.Count; $i++) { $summaryOf[$keys[$i]] = $sums[$i]; $statusOf[$keys[$i]] = $stats[$i] }
$links = for ($i = 0; $i -lt $from.Count; $i++) {
    [PSRemoteLinks.IssueLink]@{
        Issue = $from[$i]; LinkedIssue = $to[$i]; Relationship = $rel[$i]; Direction = 'Outward'; Type = 'T' + $i
        IssueSummary = $summaryOf[$from[$i]]; IssueStatus = $statusOf[$from[$i]]
        LinkedIssueSummary = $summaryOf[$to[$i]]; LinkedIssueStatus = $statusOf[$to[$i]]
        Depth = $(if ($from[$i] -eq $keys[0]) { 0 } else { 1 })
    }
}
$links | Export-IssueLinkGraph @exportArgs";

        public static Dictionary<string, object?> Variables(string[] keys, string?[] summaries, string?[] statuses, string[] from, string[] to, string[] relationships, Dictionary<string, object> exportArgs) => new()
        {
            ["keys"] = keys,
            ["sums"] = summaries,
            ["stats"] = statuses,
            ["from"] = from,
            ["to"] = to,
            ["rel"] = relationships,
            ["exportArgs"] = new System.Collections.Hashtable(exportArgs),
        };
    }
}
