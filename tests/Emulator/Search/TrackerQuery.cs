using System;
using System.Collections.Generic;
using System.Linq;

namespace PSRemoteLinks.Emulator.Search;

/// <summary>
/// The part of Tracker's query language the emulator understands: <c>Field: value</c> conditions (a comma lists
/// alternatives) that must all hold, values bare or quoted, <c>empty()</c> / <c>notEmpty()</c>, and
/// <c>"Sort By": Field ASC|DESC</c>. Fields: Queue, Key, Summary, Status, Type, Assignee, Updated. Without a sort,
/// issues come in creation order.
/// </summary>
internal sealed class TrackerQuery
{
    private static readonly string[] Fields = { "queue", "key", "summary", "status", "type", "assignee", "updated" };
    private readonly List<Func<TrackerIssue, bool>> _all = new();
    private readonly List<(string Field, bool Descending)> _order = new();

    private TrackerQuery()
    {
    }

    public static TrackerQuery? Parse(string text, out string? error)
    {
        var query = new TrackerQuery();
        List<QueryToken> tokens = QueryTokens.Split(text, out error);
        if (error is null)
        {
            error = query.Read(tokens);
        }

        return error is null ? query : null;
    }

    public IEnumerable<TrackerIssue> Apply(IEnumerable<TrackerIssue> issues)
    {
        IEnumerable<TrackerIssue> matching = issues.Where(i => _all.All(test => test(i)));
        if (_order.Count == 0)
        {
            // The store keeps creation order.
            return matching;
        }

        IOrderedEnumerable<TrackerIssue> ordered = matching.OrderBy(_ => 0);
        foreach ((string field, bool descending) in _order)
        {
            ordered = descending ? ordered.ThenByDescending(i => SortKey(i, field)) : ordered.ThenBy(i => SortKey(i, field));
        }

        return ordered.ThenBy(i => i.Id, StringComparer.Ordinal);
    }

    private string? Read(List<QueryToken> tokens)
    {
        int i = 0;
        while (i < tokens.Count)
        {
            QueryToken name = tokens[i++];
            if (i >= tokens.Count || !tokens[i].Is(":"))
            {
                return $"Query parse error near \"{name.Text}\": expected \"Field: value\".";
            }

            i++;
            var values = new List<QueryToken>();
            while (i < tokens.Count)
            {
                values.Add(tokens[i++]);
                if (i < tokens.Count && tokens[i].Is(","))
                {
                    i++;
                    continue;
                }

                // "Field: value1 value2" is not a list: the next condition starts.
                break;
            }

            if (values.Count == 0)
            {
                return $"Query parse error: no value for \"{name.Text}\".";
            }

            string field = name.Text.ToLowerInvariant();
            if (field == "sort by")
            {
                string? error = ReadSort(values, tokens, ref i);
                if (error is not null)
                {
                    return error;
                }

                continue;
            }

            if (!Fields.Contains(field))
            {
                return $"Unknown field: \"{name.Text}\".";
            }

            string[] wanted = values.Select(v => v.Text).ToArray();
            _all.Add(issue => wanted.Any(v => Matches(issue, field, v)));
        }

        return null;
    }

    private string? ReadSort(List<QueryToken> values, List<QueryToken> tokens, ref int i)
    {
        string field = values[0].Text.ToLowerInvariant();
        if (!Fields.Contains(field))
        {
            return $"Unknown field: \"{values[0].Text}\".";
        }

        bool descending = false;
        if (i < tokens.Count && (tokens[i].Is("asc") || tokens[i].Is("desc")))
        {
            descending = tokens[i].Is("desc");
            i++;
        }

        _order.Add((field, descending));
        return null;
    }

    private static bool Matches(TrackerIssue issue, string field, string value)
    {
        string? actual = Text(issue, field);
        return value.ToLowerInvariant() switch
        {
            "empty()" => string.IsNullOrEmpty(actual),
            "notempty()" => !string.IsNullOrEmpty(actual),
            _ => field == "summary"
                ? (actual ?? string.Empty).Contains(value, StringComparison.OrdinalIgnoreCase)
                : string.Equals(actual, value, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static string? Text(TrackerIssue issue, string field) => field switch
    {
        "queue" => issue.Key.Contains('-', StringComparison.Ordinal) ? issue.Key[..issue.Key.LastIndexOf('-')] : issue.Key,
        "key" => issue.Key,
        "summary" => issue.Summary,
        "status" => issue.StatusKey,
        "type" => "task",
        "assignee" => issue.AssigneeLogin,
        _ => null,
    };

    private static IComparable SortKey(TrackerIssue issue, string field) => field switch
    {
        "updated" => issue.UpdatedAt,
        "key" => (Text(issue, "queue") ?? string.Empty, long.TryParse(issue.Key[(issue.Key.LastIndexOf('-') + 1)..], out long n) ? n : 0),
        _ => Text(issue, field) ?? string.Empty,
    };
}
