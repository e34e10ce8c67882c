using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSRemoteLinks.Bench;

/// <summary>How big each scenario is. The full run is what results.md reports; --quick only proves the benchmark still works.</summary>
internal sealed record BenchSettings(
    bool Quick,
    int CallCount,
    TimeSpan CallWarmup,
    int CallRounds,
    int BulkCount,
    TimeSpan BulkLatency,
    IReadOnlyList<int> ThrottleLimits,
    int RawConcurrency,
    int LargeIssueLinks,
    int LargeRuns,
    int ImportRunsWarm,
    int ImportRunsFresh,
    string? OutputPath,
    string? Note,
    IReadOnlySet<int> Scenarios)
{
    private static readonly int[] Limits = { 1, 4, 16, 64 };

    /// <summary>Every scenario: 1 per-call, 2 bulk, 3 large issue, 4 import, 5 link walk, 6 graph export, 7 link check, 8 Find-Issue.</summary>
    public static readonly IReadOnlySet<int> All = new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8 };

    public static BenchSettings Parse(string[] args)
    {
        bool quick = false;
        string? output = null;
        string? note = null;
        var scenarios = All.ToHashSet();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--note":
                    note = Value(args, ref i);
                    break;
                case "--only":
                    scenarios = Value(args, ref i).Split(',').Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && All.Contains(k)
                        ? k
                        : throw new ArgumentException($"--only takes scenario numbers 1-{All.Count} separated by commas, not '{n}'.")).ToHashSet();
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --quick, --only <1,2,...>, --out <file>, --note <text>.");
            }
        }

        return quick
            ? new BenchSettings(true, 100, TimeSpan.Zero, 1, 64, TimeSpan.FromMilliseconds(10), Limits, 16, 2000, 2, 2, 1, output, note, scenarios)
            : new BenchSettings(false, 1000, TimeSpan.FromSeconds(8), 21, 1000, TimeSpan.FromMilliseconds(50), Limits, 16, 2000, 5, 5, 3, output, note, scenarios);
    }

    public string LatencyText => BulkLatency.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
}
