using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PSRemoteLinks.HelpGenerator.Cmdlets;

/// <summary>
/// A cmdlet's syntax, one line per parameter set, in Get-Command -Syntax notation:
/// <c>Get-RemoteIssueLink [-Issue] &lt;String[]&gt; -Id &lt;Int64&gt; [-Connection &lt;IssueTrackerConnection&gt;] [&lt;CommonParameters&gt;]</c>.
/// Positional parameters come first by position, then mandatory named ones, then the rest, each group in
/// declaration order; -WhatIf and -Confirm close the list.
/// </summary>
public static class SyntaxText
{
    public static IReadOnlyList<string> Lines(CmdletShape cmdlet)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        return cmdlet.Sets.Select(set => Line(cmdlet, set)).ToList();
    }

    /// <summary>The parameters of one set, in syntax order.</summary>
    public static IReadOnlyList<(ParameterShape Parameter, SetUse Use)> Ordered(CmdletShape cmdlet, string set)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        var inSet = cmdlet.Parameters
            .Select((p, index) => (Parameter: p, Use: p.Uses.FirstOrDefault(u => u.Set == set), Index: index))
            .Where(x => x.Use != null)
            .ToList();
        return inSet
            .OrderBy(x => x.Parameter.DeclaredBy == null ? 3 : x.Use!.Position.HasValue ? 0 : x.Use.Mandatory ? 1 : 2)
            .ThenBy(x => x.Use!.Position ?? int.MaxValue)
            .ThenBy(x => x.Index)
            .Select(x => (x.Parameter, x.Use!))
            .ToList();
    }

    public static string ValueText(ParameterShape parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.IsSwitch)
        {
            return string.Empty;
        }

        return parameter.AcceptedValues != null
            ? "{" + string.Join(" | ", parameter.AcceptedValues) + "}"
            : "<" + ParameterFacts.ShortTypeName(parameter.Type) + ">";
    }

    private static string Line(CmdletShape cmdlet, string set)
    {
        var line = new StringBuilder(cmdlet.Name);
        foreach (var (parameter, use) in Ordered(cmdlet, set))
        {
            string name = use.Position.HasValue ? "[-" + parameter.Name + "]" : "-" + parameter.Name;
            string value = ValueText(parameter);
            string both = value.Length == 0 ? name : name + " " + value;
            line.Append(' ').Append(use.Mandatory ? both : "[" + both + "]");
        }

        return line.Append(" [<CommonParameters>]").ToString();
    }
}
