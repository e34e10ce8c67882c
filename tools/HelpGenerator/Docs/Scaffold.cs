using System;
using System.Linq;
using System.Text;
using PSRemoteLinks.HelpGenerator.Cmdlets;

namespace PSRemoteLinks.HelpGenerator.Docs;

/// <summary>
/// A new cmdlet's help source with everything the compiled cmdlet already knows filled in (syntax, every
/// parameter's facts) and TODO where a person has to write; the check refuses a source that still says TODO.
/// </summary>
public static class Scaffold
{
    public const string Placeholder = "TODO";

    public static string For(CmdletShape cmdlet)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        var text = new StringBuilder();
        text.Append("# ").Append(cmdlet.Name).Append("\n\n## SYNOPSIS\n").Append(Placeholder).Append("\n\n## SYNTAX\n\n```text\n")
            .Append(string.Join("\n\n", SyntaxText.Lines(cmdlet))).Append("\n```\n\n## DESCRIPTION\n").Append(Placeholder).Append("\n\n## EXAMPLES\n");
        for (int i = 1; i <= DocChecker.MinimumRunnableExamples; i++)
        {
            text.Append("\n### Example ").Append(i).Append(": ").Append(Placeholder).Append("\n\n```powershell\n").Append(cmdlet.Name)
                .Append("\n```\n\n").Append(Placeholder).Append('\n');
        }

        text.Append("\n## PARAMETERS\n");
        foreach (var parameter in cmdlet.Parameters)
        {
            text.Append('\n').Append(ParameterSection(cmdlet, parameter)).Append('\n');
        }

        text.Append("\n## INPUTS\n\n### ").Append(Placeholder).Append("\n\n## OUTPUTS\n");
        foreach (var output in cmdlet.OutputTypes.Select(ParameterFacts.FullTypeName).DefaultIfEmpty("None"))
        {
            text.Append("\n### ").Append(output).Append('\n');
        }

        return text.Append("\n## NOTES\n").Append(Placeholder).Append("\n\n## RELATED LINKS\n\n- [about_PSRemoteLinks](about_PSRemoteLinks.md)\n").ToString();
    }

    /// <summary>A parameter's "### -Name" section with its facts as the compiled cmdlet states them.</summary>
    public static string ParameterSection(CmdletShape cmdlet, ParameterShape parameter)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        ArgumentNullException.ThrowIfNull(parameter);
        var facts = ParameterFacts.Derive(cmdlet, parameter);
        var text = new StringBuilder();
        text.Append("### -").Append(parameter.Name).Append('\n').Append(Placeholder).Append("\n\n```yaml\n");
        foreach (string name in ParameterFacts.Names(parameter))
        {
            string value = facts.TryGetValue(name, out var derived)
                ? derived
                : ParameterFacts.IsMandatoryEverywhere(parameter) ? "None" : ParameterFacts.InitialValueText(parameter) ?? "None";
            text.Append(name).Append(": ").Append(value).Append('\n');
        }

        return text.Append("```").ToString();
    }
}
