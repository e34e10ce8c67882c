using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace PSRemoteLinks.Bench;

/// <summary>Timing and allocation helpers, and the formats the table uses.</summary>
internal static class Measure
{
    public static TimeSpan Time(Action action)
    {
        Settle();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    /// <summary>Wall time and bytes allocated by every thread of the process (the emulator's too) while it ran.</summary>
    public static (TimeSpan Time, long Bytes) TimeAndAllocations(Action action)
    {
        Settle();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        long after = GC.GetTotalAllocatedBytes(precise: true);
        return (watch.Elapsed, after - before);
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> values) => Median<TimeSpan>(values);

    public static T Median<T>(IEnumerable<T> values)
    {
        T[] sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    public static string Duration(TimeSpan span) => span.TotalSeconds >= 10
        ? span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : span.TotalMilliseconds.ToString(span.TotalMilliseconds >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Micros(TimeSpan span) => (span.Ticks / 10.0).ToString("0", CultureInfo.InvariantCulture) + " µs";

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public static string Number(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Collects garbage before a measurement so one run does not pay for the previous one.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
