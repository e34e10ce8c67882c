using System;
using System.Globalization;

namespace PSRemoteLinks.Emulator;

/// <summary>Large, predictable issue sets for search tests and the benchmark: PROJ-1..PROJ-n, statuses in turn, updated one minute apart (PROJ-n newest).</summary>
public static class IssueSets
{
    private static readonly string[] JiraStatuses = { "To Do", "In Progress", "Done" };
    private static readonly string[] TrackerStatuses = { "open", "inProgress", "closed" };

    /// <summary>Adds <paramref name="project"/>-1 .. -<paramref name="count"/> to Jira and returns their keys in that order.</summary>
    public static string[] AddJira(JiraStore store, string project, int count)
    {
        ArgumentNullException.ThrowIfNull(store);
        var keys = new string[count];
        DateTimeOffset start = DateTimeOffset.UtcNow.AddMinutes(-count);
        for (int i = 0; i < count; i++)
        {
            keys[i] = project + "-" + (i + 1).ToString(CultureInfo.InvariantCulture);
            store.AddIssue(keys[i], "Issue " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + project, JiraStatuses[i % JiraStatuses.Length]);
            store.SetSearchFields(keys[i], start.AddMinutes(i), i % 2 == 0 ? "Emulated Admin" : null);
        }

        return keys;
    }

    /// <summary>Adds <paramref name="queue"/>-1 .. -<paramref name="count"/> to Tracker and returns their keys in that order.</summary>
    public static string[] AddTracker(TrackerStore store, string queue, int count)
    {
        ArgumentNullException.ThrowIfNull(store);
        var keys = new string[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = queue + "-" + (i + 1).ToString(CultureInfo.InvariantCulture);
            store.AddIssue(keys[i], "Issue " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + queue, TrackerStatuses[i % TrackerStatuses.Length]);
        }

        return keys;
    }
}
