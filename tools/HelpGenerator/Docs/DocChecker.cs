using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PSRemoteLinks.HelpGenerator.Cmdlets;

namespace PSRemoteLinks.HelpGenerator.Docs;

/// <summary>
/// Holds the help sources to the compiled cmdlets: every cmdlet documented, every parameter documented and
/// nothing else, the syntax and each parameter's facts as the engine binds them, enough runnable examples, and
/// the output types the cmdlet declares. Each disagreement names the file, the line and the expected text.
/// </summary>
public static partial class DocChecker
{
    public const int MinimumRunnableExamples = 2;

    public static void Check(IReadOnlyList<CmdletShape> cmdlets, IReadOnlyList<CommandDoc> docs, string docsFolder, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(cmdlets);
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var cmdlet in cmdlets.Where(c => docs.All(d => d.Name != c.Name)))
        {
            problems.Add(Path.Combine(docsFolder, cmdlet.Name + ".md"), 1,
                $"{cmdlet.Name} has no help source: create {cmdlet.Name}.md (the format is in docs/README.md; --scaffold writes a first draft).");
        }

        foreach (var doc in docs)
        {
            var report = problems.For(doc.File);
            var cmdlet = cmdlets.FirstOrDefault(c => c.Name == doc.Name);
            if (cmdlet == null)
            {
                report(1, $"documents {doc.Name}, which the module does not have (its cmdlets: {string.Join(", ", cmdlets.Select(c => c.Name))}).");
                continue;
            }

            CheckPlaceholders(doc, report);
            CheckSyntax(cmdlet, doc, report);
            CheckParameters(cmdlet, doc, report);
            CheckExamples(doc, report);
            CheckTypes(cmdlet, doc, report);
            CheckLinks(doc, docsFolder, report);
        }

        CheckSharedParameters(cmdlets, docs, problems);
    }

    private static void CheckPlaceholders(CommandDoc doc, Action<int, string> report)
    {
        var lines = File.ReadAllLines(doc.File);
        for (int i = 0; i < lines.Length; i++)
        {
            if (Regex.IsMatch(lines[i], @"\b" + Scaffold.Placeholder + @"\b"))
            {
                report(i + 1, $"'{Scaffold.Placeholder}' is a placeholder left to fill in.");
            }
        }
    }

    private static void CheckSyntax(CmdletShape cmdlet, CommandDoc doc, Action<int, string> report)
    {
        var expected = SyntaxText.Lines(cmdlet);
        if (doc.Syntax.Count == 0)
        {
            return;
        }

        if (!expected.Select(Squeeze).SequenceEqual(doc.Syntax.Select(Squeeze)))
        {
            report(doc.SyntaxLine, "the syntax differs from the compiled cmdlet's; it is, one line per parameter set:\n"
                + string.Join("\n\n", expected));
        }
    }

    private static void CheckParameters(CmdletShape cmdlet, CommandDoc doc, Action<int, string> report)
    {
        foreach (var duplicate in doc.Parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            report(duplicate.Last().Line, $"-{duplicate.Key} is documented twice.");
        }

        foreach (var documented in doc.Parameters)
        {
            var parameter = cmdlet.Parameters.FirstOrDefault(p => string.Equals(p.Name, documented.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter == null)
            {
                report(documented.Line, $"documents -{documented.Name}, which {cmdlet.Name} does not have (its parameters: {string.Join(", ", cmdlet.Parameters.Select(p => "-" + p.Name))}).");
                continue;
            }

            if (parameter.Name != documented.Name)
            {
                report(documented.Line, $"the parameter is spelt -{parameter.Name}.");
            }

            CheckFacts(cmdlet, parameter, documented, report);
        }

        foreach (var parameter in cmdlet.Parameters.Where(p => doc.Parameters.All(d => !string.Equals(d.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
        {
            report(doc.SyntaxLine, $"{cmdlet.Name} has the parameter -{parameter.Name}, which is not documented. Add to '## PARAMETERS':\n"
                + Scaffold.ParameterSection(cmdlet, parameter));
        }
    }

    private static void CheckFacts(CmdletShape cmdlet, ParameterShape parameter, ParameterDoc documented, Action<int, string> report)
    {
        if (documented.Facts.Count == 0)
        {
            return;
        }

        var expected = ParameterFacts.Derive(cmdlet, parameter);
        var names = ParameterFacts.Names(parameter);
        foreach (string unknown in documented.Facts.Keys.Where(k => !names.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            report(documented.FactsLine, $"-{parameter.Name}: '{unknown}' is not a fact of this parameter; the facts are: {string.Join(", ", names)}.");
        }

        foreach (string name in names)
        {
            if (!documented.Facts.TryGetValue(name, out string? written))
            {
                string value = expected.TryGetValue(name, out var derived) ? derived : "<how the default comes about>";
                report(documented.FactsLine, $"-{parameter.Name}: the yaml block lacks '{name}: {value}'.");
                continue;
            }

            if (expected.TryGetValue(name, out var truth) && !string.Equals(Squeeze(truth), Squeeze(written), StringComparison.OrdinalIgnoreCase))
            {
                report(documented.FactsLine, $"-{parameter.Name}: says '{name}: {written}', but the compiled cmdlet has '{name}: {truth}'.");
            }
        }

        if (!documented.Facts.TryGetValue(ParameterFacts.DefaultValue, out string? defaultText) || defaultText.Length == 0)
        {
            return;
        }

        if (ParameterFacts.IsMandatoryEverywhere(parameter))
        {
            if (!string.Equals(defaultText, "None", StringComparison.OrdinalIgnoreCase))
            {
                report(documented.FactsLine, $"-{parameter.Name} is mandatory, so its default value is 'None'.");
            }
        }
        else if (ParameterFacts.InitialValueText(parameter) is { } initial && !defaultText.Contains(initial, StringComparison.OrdinalIgnoreCase))
        {
            report(documented.FactsLine, $"-{parameter.Name}: the default value must mention {initial}, the value the cmdlet starts with.");
        }
    }

    private static void CheckExamples(CommandDoc doc, Action<int, string> report)
    {
        int runnable = doc.Examples.Count(e => !ExampleFence.Has(e.Code, ExampleFence.NoRun));
        if (runnable < MinimumRunnableExamples)
        {
            report(1, $"{doc.Name} has {runnable} runnable example(s); it needs at least {MinimumRunnableExamples} (a ```powershell block without no-run).");
        }
    }

    private static void CheckTypes(CmdletShape cmdlet, CommandDoc doc, Action<int, string> report)
    {
        var outputs = cmdlet.OutputTypes.Select(ParameterFacts.FullTypeName).ToList();
        if (outputs.Count == 0)
        {
            outputs.Add("None");
        }

        var writtenOutputs = doc.Outputs.Select(o => o.TypeName).ToList();
        if (doc.Outputs.Count > 0 && !outputs.OrderBy(o => o, StringComparer.Ordinal).SequenceEqual(writtenOutputs.OrderBy(o => o, StringComparer.Ordinal)))
        {
            report(doc.Outputs[0].Line, $"'## OUTPUTS' lists {string.Join(", ", writtenOutputs)}; the cmdlet declares {string.Join(", ", outputs)} ([OutputType], or None).");
        }

        var uses = cmdlet.Parameters.SelectMany(p => p.Uses.Select(u => (Parameter: p, Use: u))).ToList();
        var byValue = uses.Where(x => x.Use.ByValue).Select(x => ParameterFacts.FullTypeName(x.Parameter.Type)).Distinct().ToList();
        var writtenInputs = doc.Inputs.Select(i => i.TypeName).ToList();
        if (doc.Inputs.Count == 0)
        {
            return;
        }

        if (!uses.Any(x => x.Use.ByValue || x.Use.ByPropertyName) && (writtenInputs.Count != 1 || writtenInputs[0] != "None"))
        {
            report(doc.Inputs[0].Line, "nothing can be piped to this cmdlet, so '## INPUTS' is '### None'.");
        }

        foreach (string missing in byValue.Where(t => !writtenInputs.Contains(t, StringComparer.Ordinal)))
        {
            report(doc.Inputs[0].Line, $"'## INPUTS' lacks {missing}, which the cmdlet takes from the pipeline by value.");
        }

        if (byValue.Count > 0 && writtenInputs.Contains("None", StringComparer.Ordinal))
        {
            report(doc.Inputs[0].Line, "the cmdlet takes objects from the pipeline by value, so '## INPUTS' cannot say None.");
        }
    }

    private static void CheckLinks(CommandDoc doc, string docsFolder, Action<int, string> report)
    {
        foreach (var link in doc.RelatedLinks.Where(l => !l.Target.StartsWith("https://", StringComparison.Ordinal)))
        {
            if (link.Target.Contains("://", StringComparison.Ordinal) || !File.Exists(Path.Combine(docsFolder, link.Target)))
            {
                report(link.Line, $"the related link '{link.Target}' is neither an https:// address nor a file in {docsFolder}.");
            }
        }
    }

    /// <summary>A parameter declared once on a shared base class (-Connection, -Proxy ...) reads the same in every cmdlet.</summary>
    private static void CheckSharedParameters(IReadOnlyList<CmdletShape> cmdlets, IReadOnlyList<CommandDoc> docs, ProblemList problems)
    {
        var shared = new Dictionary<(Type, string), (CommandDoc Doc, string Text)>();
        foreach (var doc in docs.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var cmdlet = cmdlets.FirstOrDefault(c => c.Name == doc.Name);
            if (cmdlet == null)
            {
                continue;
            }

            foreach (var documented in doc.Parameters)
            {
                var parameter = cmdlet.Parameters.FirstOrDefault(p => p.Name == documented.Name);
                Type key = parameter?.DeclaredBy ?? typeof(System.Management.Automation.Cmdlet);
                if (parameter == null || parameter.DeclaredBy == cmdlet.ImplementingType)
                {
                    continue;
                }

                string text = string.Join("\n", Prose.ToParagraphs(documented.Description));
                if (!shared.TryGetValue((key, parameter.Name), out var first))
                {
                    shared[(key, parameter.Name)] = (doc, text);
                }
                else if (first.Text != text)
                {
                    problems.Add(doc.File, documented.Line,
                        $"-{parameter.Name} comes from {key.Name}, shared with other cmdlets, and must read the same everywhere; {Path.GetFileName(first.Doc.File)} words it differently.");
                }
            }
        }
    }

    private static string Squeeze(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
