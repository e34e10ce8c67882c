using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PSRemoteLinks.Bench;

/// <summary>One line of the results table.</summary>
internal sealed record Row(string Scenario, string Variant, string Time, string Detail, string Ratio);

/// <summary>A target from the issue, with what this run measured.</summary>
internal sealed record TargetCheck(string Target, string Measured, bool Met);

/// <summary>The table and the targets, as Markdown (printed, and written to results.md).</summary>
internal sealed class Report
{
    public List<Row> Rows { get; } = new();

    public List<TargetCheck> Targets { get; } = new();

    public void Add(string scenario, string variant, string time, string detail, string ratio) =>
        Rows.Add(new Row(Rows.Any(r => r.Scenario == scenario) ? string.Empty : scenario, variant, time, detail, ratio));

    public void Check(string target, string measured, bool met) => Targets.Add(new TargetCheck(target, measured, met));

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine("| Scenario | Variant | Time | Detail | Ratio |");
        text.AppendLine("|---|---|---:|---|---:|");
        foreach (Row row in Rows)
        {
            text.AppendLine($"| {row.Scenario} | {row.Variant} | {row.Time} | {row.Detail} | {row.Ratio} |");
        }

        return text.ToString();
    }

    public string TargetList()
    {
        var text = new StringBuilder();
        text.AppendLine("| Target | Measured | Met |");
        text.AppendLine("|---|---|---|");
        foreach (TargetCheck check in Targets)
        {
            text.AppendLine($"| {check.Target} | {check.Measured} | {(check.Met ? "yes" : "**no**")} |");
        }

        return text.ToString();
    }

    public string Markdown(MachineFacts facts, BenchSettings settings)
    {
        var text = new StringBuilder();
        text.AppendLine("# PSRemoteLinks benchmark results");
        text.AppendLine();
        text.AppendLine(facts.Markdown(settings));
        text.AppendLine();
        text.AppendLine("## Results");
        text.AppendLine();
        text.Append(Table());
        text.AppendLine();
        text.AppendLine("## Targets");
        text.AppendLine();
        text.Append(TargetList());
        text.AppendLine();
        text.AppendLine("## How it is measured");
        text.AppendLine();
        text.AppendLine("- Everything runs in one process against the loopback emulator (`tests/Emulator`), so ratios within one run compare like with like;");
        text.AppendLine("  absolute numbers depend on the machine and on whatever else it is doing.");
        text.AppendLine("- \"Get-RemoteIssueLink\" rows run the published module in a hosted PowerShell engine (`tests/EngineHost`), as the tests do.");
        text.AppendLine("  The baseline (\"raw\") is one pooled `HttpClient` sending the same `GET /rest/api/2/issue/{key}/remotelink` requests and");
        text.AppendLine("  deserializing them with a source-generated System.Text.Json context, without PowerShell.");
        text.AppendLine("- Per-call overhead: zero latency, sequential. A round runs the four variants back to back; the ratio is the median over");
        text.AppendLine("  the rounds of each round's own ratio, times are medians. The first round is reported apart (the JIT has not yet");
        text.AppendLine("  optimised either side); the others follow a warm-up of repeated rounds, which is what a long bulk run pays per call.");
        text.AppendLine("  The piped row is one pipeline of N keys with `-ThrottleLimit 1`; the loop row invokes the cmdlet once per key");
        text.AppendLine("  (`foreach ($k in $Keys) { Get-RemoteIssueLink $k }`).");
        text.AppendLine("- Bulk: N keys piped into `Get-RemoteIssueLink -ThrottleLimit T`, every request delayed by the emulator's fixed latency;");
        text.AppendLine("  \"peak\" is the most requests the emulator saw awaiting an answer at once. Ratio = speed-up over `-ThrottleLimit 1`.");
        text.AppendLine("- 2,000-link issue: the answer's bytes are captured once and served verbatim, so the emulator does not build the JSON");
        text.AppendLine("  during the measurement; bytes allocated are `GC.GetTotalAllocatedBytes(precise: true)` around the whole command (median).");
        text.AppendLine("- Import-Module: a fresh runspace in this (warm) process, and a fresh child process (the benchmark itself with");
        text.AppendLine("  `--import-child`) that opens a runspace, then times `Import-Module` alone (median).");
        text.AppendLine("- Link check: N RemoteIssueLink objects piped into `Test-RemoteIssueLink -ThrottleLimit T`, their URLs spread over H hosts");
        text.AppendLine("  (one loopback port each, of a second emulator) whose pages answer after the latency; \"per host\" is the most requests");
        text.AppendLine("  one host's pages had waiting at once, counted by the pages. Ratio = speed-up over `-ThrottleLimit 1`.");
        text.AppendLine("- Find-Issue: `Find-Issue 'project = FIND' | Measure-Object` over Jira Cloud's `search/jql` (100 issues a page, the");
        text.AppendLine("  emulator's fixed latency on every page), against a raw HttpClient loop posting the same pages one after another.");
        text.AppendLine("  Memory: the managed heap after a full collection every 2,000 issues, minus the heap before the search (one run).");
        text.AppendLine();
        text.AppendLine("Reproduce from the repository root: `dotnet run -c Release --project bench` (writes this file);");
        text.AppendLine("`dotnet run -c Release --project bench -- --quick` is the small run, which CI does on its Debug build (prints only).");
        return text.ToString();
    }
}
