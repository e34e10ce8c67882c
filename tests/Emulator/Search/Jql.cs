using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace PSRemoteLinks.Emulator.Search;

/// <summary>
/// The part of JQL the emulator understands: clauses <c>field op value</c> joined by AND / OR (AND binds tighter),
/// operators = != ~ !~ &lt; &lt;= &gt; &gt;= IN, NOT IN, IS [NOT] EMPTY, and ORDER BY. Fields: project, key (issuekey),
/// summary, text, status, statusCategory, issuetype (type), assignee, updated, created (dates absolute or relative,
/// as -90d). Anything else is a 400 worded as Jira words it. Without ORDER BY, issues come in creation order.
/// </summary>
internal sealed partial class Jql
{
    private static readonly string[] Fields = { "project", "key", "issuekey", "summary", "text", "status", "statuscategory", "issuetype", "type", "assignee", "updated", "created" };

    private readonly List<List<Func<JiraIssue, bool>>> _anyOf = new();
    private readonly List<(string Field, bool Descending)> _order = new();

    private Jql()
    {
    }

    /// <summary>True when there is no restriction (empty, or only ORDER BY): Cloud refuses such a search.</summary>
    public bool Unbounded => _anyOf.Count == 0;

    /// <summary>Parses <paramref name="text"/>; null with Jira's error message when it is not valid.</summary>
    public static Jql? Parse(string text, ISet<string> projects, out string? error)
    {
        var jql = new Jql();
        List<QueryToken> tokens = QueryTokens.Split(text, out error);
        if (error is not null)
        {
            error = "Error in the JQL Query: " + error + ".";
            return null;
        }

        error = jql.Read(tokens, projects);
        return error is null ? jql : null;
    }

    public IEnumerable<JiraIssue> Apply(IEnumerable<JiraIssue> issues)
    {
        IEnumerable<JiraIssue> matching = issues.Where(i => _anyOf.Count == 0 || _anyOf.Any(all => all.All(test => test(i))));
        if (_order.Count == 0)
        {
            // The store keeps creation order.
            return matching;
        }

        IOrderedEnumerable<JiraIssue> ordered = matching.OrderBy(_ => 0);
        foreach ((string field, bool descending) in _order)
        {
            ordered = descending ? ordered.ThenByDescending(i => SortKey(i, field)) : ordered.ThenBy(i => SortKey(i, field));
        }

        return ordered.ThenBy(i => long.Parse(i.Id, CultureInfo.InvariantCulture));
    }

    private string? Read(List<QueryToken> tokens, ISet<string> projects)
    {
        int i = 0;
        var all = new List<Func<JiraIssue, bool>>();
        while (i < tokens.Count && !tokens[i].Is("order"))
        {
            string? error = ReadClause(tokens, ref i, projects, out Func<JiraIssue, bool>? test);
            if (error is not null)
            {
                return error;
            }

            all.Add(test!);
            if (i < tokens.Count && tokens[i].Is("and"))
            {
                i++;
            }
            else if (i < tokens.Count && tokens[i].Is("or"))
            {
                _anyOf.Add(all);
                all = new List<Func<JiraIssue, bool>>();
                i++;
            }
            else if (i < tokens.Count && !tokens[i].Is("order"))
            {
                return Expecting("either 'OR' or 'AND'", tokens[i]);
            }
        }

        if (all.Count > 0)
        {
            _anyOf.Add(all);
        }

        if (i < tokens.Count)
        {
            return ReadOrderBy(tokens, i);
        }

        return null;
    }

    private string? ReadOrderBy(List<QueryToken> tokens, int i)
    {
        if (i + 1 >= tokens.Count || !tokens[i + 1].Is("by"))
        {
            return Expecting("'by'", i + 1 < tokens.Count ? tokens[i + 1] : (QueryToken?)null);
        }

        i += 2;
        while (i < tokens.Count)
        {
            string field = Canonical(tokens[i].Text);
            if (!Fields.Contains(field))
            {
                return $"Not able to sort using field '{tokens[i].Text}'.";
            }

            i++;
            bool descending = false;
            if (i < tokens.Count && (tokens[i].Is("asc") || tokens[i].Is("desc")))
            {
                descending = tokens[i].Is("desc");
                i++;
            }

            _order.Add((field, descending));
            if (i < tokens.Count)
            {
                if (!tokens[i].Is(","))
                {
                    return Expecting("',' or the end of the query", tokens[i]);
                }

                i++;
            }
        }

        return _order.Count == 0 ? Expecting("a field name", null) : null;
    }

    private static string? ReadClause(List<QueryToken> tokens, ref int i, ISet<string> projects, out Func<JiraIssue, bool>? test)
    {
        test = null;
        QueryToken name = tokens[i++];
        string field = Canonical(name.Text);
        if (name.Quoted || !Fields.Contains(field))
        {
            return $"Field '{name.Text}' does not exist or you do not have permission to view it.";
        }

        if (i >= tokens.Count)
        {
            return Expecting("an operator", null);
        }

        QueryToken op = tokens[i++];
        if (op.Is("is"))
        {
            bool not = i < tokens.Count && tokens[i].Is("not");
            i += not ? 1 : 0;
            if (i >= tokens.Count || !(tokens[i].Is("empty") || tokens[i].Is("null")))
            {
                return Expecting("EMPTY or NULL", i < tokens.Count ? tokens[i] : null);
            }

            i++;
            test = issue => string.IsNullOrEmpty(Text(issue, field)) != not;
            return null;
        }

        if (op.Is("in") || (op.Is("not") && i < tokens.Count && tokens[i].Is("in")))
        {
            bool negate = op.Is("not");
            i += negate ? 1 : 0;
            var values = new List<string>();
            if (i >= tokens.Count || !tokens[i].Is("("))
            {
                return Expecting("'('", i < tokens.Count ? tokens[i] : null);
            }

            i++;
            while (i < tokens.Count && !tokens[i].Is(")"))
            {
                if (!tokens[i].Is(","))
                {
                    values.Add(tokens[i].Text);
                }

                i++;
            }

            if (i >= tokens.Count)
            {
                return Expecting("')'", null);
            }

            i++;
            if (field == "project" && values.FirstOrDefault(v => !projects.Contains(v)) is string unknown)
            {
                return $"The value '{unknown}' does not exist for the field 'project'.";
            }

            test = issue => values.Any(v => string.Equals(Text(issue, field), v, StringComparison.OrdinalIgnoreCase)) != negate;
            return null;
        }

        if (op.Quoted || op.Text is not ("=" or "!=" or "~" or "!~" or "<" or "<=" or ">" or ">="))
        {
            return Expecting("an operator", op);
        }

        if (i >= tokens.Count)
        {
            return Expecting("a value", null);
        }

        QueryToken value = tokens[i++];
        if (field == "project" && op.Text is "=" or "!=" && !projects.Contains(value.Text))
        {
            return $"The value '{value.Text}' does not exist for the field 'project'.";
        }

        if (field is "updated" or "created")
        {
            if (!TryDate(value.Text, out DateTimeOffset when))
            {
                return $"Date value '{value.Text}' for field '{name.Text}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";
            }

            test = issue => Compare(issue.Updated.CompareTo(when), op.Text);
            return null;
        }

        string expected = value.Text;
        test = op.Text switch
        {
            "=" => issue => string.Equals(Text(issue, field), expected, StringComparison.OrdinalIgnoreCase),
            "!=" => issue => !string.Equals(Text(issue, field), expected, StringComparison.OrdinalIgnoreCase),
            "~" => issue => (Text(issue, field) ?? string.Empty).Contains(expected, StringComparison.OrdinalIgnoreCase),
            "!~" => issue => !(Text(issue, field) ?? string.Empty).Contains(expected, StringComparison.OrdinalIgnoreCase),
            _ => issue => Compare(string.Compare(Text(issue, field), expected, StringComparison.OrdinalIgnoreCase), op.Text),
        };
        return null;
    }

    private static bool Compare(int sign, string op) => op switch
    {
        "<" => sign < 0,
        "<=" => sign <= 0,
        ">" => sign > 0,
        ">=" => sign >= 0,
        "=" => sign == 0,
        "!=" => sign != 0,
        _ => false,
    };

    private static bool TryDate(string text, out DateTimeOffset when)
    {
        Match relative = RelativeDate().Match(text);
        if (relative.Success)
        {
            int amount = int.Parse(relative.Groups[2].Value, CultureInfo.InvariantCulture) * (relative.Groups[1].Value == "-" ? -1 : 1);
            TimeSpan unit = relative.Groups[3].Value.ToLowerInvariant() switch
            {
                "w" => TimeSpan.FromDays(7),
                "d" => TimeSpan.FromDays(1),
                "h" => TimeSpan.FromHours(1),
                _ => TimeSpan.FromMinutes(1),
            };
            when = DateTimeOffset.UtcNow + amount * unit;
            return true;
        }

        return DateTimeOffset.TryParseExact(text, new[] { "yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm" },
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when);
    }

    private static string? Text(JiraIssue issue, string field) => field switch
    {
        "project" => ProjectOf(issue.Key),
        "key" => issue.Key,
        "summary" or "text" => issue.Summary,
        "status" => issue.Status,
        "statuscategory" => JiraJson.Status(issue.Status)["statusCategory"]!["name"]!.GetValue<string>(),
        "issuetype" => "Task",
        "assignee" => issue.Assignee,
        _ => null,
    };

    private static IComparable SortKey(JiraIssue issue, string field) => field switch
    {
        "key" => (ProjectOf(issue.Key), NumberOf(issue.Key)),
        "updated" or "created" => issue.Updated,
        _ => Text(issue, field) ?? string.Empty,
    };

    public static string ProjectOf(string key) => key.Contains('-', StringComparison.Ordinal) ? key[..key.LastIndexOf('-')] : key;

    private static long NumberOf(string key) =>
        long.TryParse(key[(key.LastIndexOf('-') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out long number) ? number : 0;

    private static string Canonical(string field)
    {
        string lower = field.ToLowerInvariant();
        return lower switch
        {
            "issuekey" => "key",
            "type" => "issuetype",
            _ => lower,
        };
    }

    private static string Expecting(string what, QueryToken? got) =>
        got is QueryToken token
            ? $"Error in the JQL Query: Expecting {what} but got '{token.Text}'. (line 1, character {token.Position + 1})"
            : $"Error in the JQL Query: Expecting {what} before the end of the query.";

    [GeneratedRegex(@"^([-+]?)(\d+)([wdhm])$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeDate();
}
