using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PSRemoteLinks.HelpGenerator.Markdown;

namespace PSRemoteLinks.HelpGenerator.Docs;

/// <summary>
/// Reads a cmdlet help source (format: docs/README.md). Sections are required, in this order; each problem is
/// reported with its line, and reading goes on so one build shows every problem of a file.
/// </summary>
public static partial class CommandDocReader
{
    public static readonly string[] Sections =
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    public static CommandDoc Read(string path, string text, Action<int, string> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var blocks = MarkdownReader.Read(text, report);
        string expectedName = Path.GetFileNameWithoutExtension(path);
        if (blocks.Count == 0 || blocks[0] is not Heading { Level: 1 } title)
        {
            report(1, $"the file must start with the cmdlet's name as a '# {expectedName}' heading.");
            return new CommandDoc(path, expectedName);
        }

        if (!string.Equals(title.Text, expectedName, StringComparison.Ordinal))
        {
            report(title.Line, $"the heading names '{title.Text}' but the file is {expectedName}.md; the two must agree.");
        }

        var doc = new CommandDoc(path, expectedName);
        var sections = SplitSections(blocks.Skip(1).ToList(), report);
        int expectedIndex = 0;
        foreach (var (heading, content) in sections)
        {
            int index = Array.IndexOf(Sections, heading.Text);
            if (index < 0)
            {
                report(heading.Line, $"'## {heading.Text}' is not a help section; the sections are, in order: {string.Join(", ", Sections)}.");
                continue;
            }

            if (index < expectedIndex)
            {
                report(heading.Line, $"'## {heading.Text}' is out of order or repeated; the sections are, in order: {string.Join(", ", Sections)}.");
                continue;
            }

            for (int missing = expectedIndex; missing < index; missing++)
            {
                report(heading.Line, $"the '## {Sections[missing]}' section is missing before '## {heading.Text}'.");
            }

            expectedIndex = index + 1;
            ReadSection(doc, heading, content, report);
        }

        for (int missing = expectedIndex; missing < Sections.Length; missing++)
        {
            report(blocks[^1].Line, $"the '## {Sections[missing]}' section is missing.");
        }

        return doc;
    }

    private static List<(Heading Heading, List<MarkdownBlock> Content)> SplitSections(List<MarkdownBlock> blocks, Action<int, string> report)
    {
        var sections = new List<(Heading, List<MarkdownBlock>)>();
        foreach (var block in blocks)
        {
            if (block is Heading { Level: <= 2 } heading)
            {
                if (heading.Level == 1)
                {
                    report(heading.Line, "only the first line may be a '#' heading.");
                    continue;
                }

                sections.Add((heading, new List<MarkdownBlock>()));
            }
            else if (sections.Count == 0)
            {
                report(block.Line, "text between the title and '## SYNOPSIS' is not shown anywhere; move it into a section.");
            }
            else
            {
                sections[^1].Item2.Add(block);
            }
        }

        return sections;
    }

    private static void ReadSection(CommandDoc doc, Heading heading, List<MarkdownBlock> content, Action<int, string> report)
    {
        switch (heading.Text)
        {
            case "SYNOPSIS":
                doc.Synopsis = Prose(content, heading, report);
                if (doc.Synopsis.Count > 1 || doc.Synopsis.Any(b => b is not Paragraph))
                {
                    report(heading.Line, "the synopsis is one short paragraph.");
                }

                break;
            case "SYNTAX":
                ReadSyntax(doc, heading, content, report);
                break;
            case "DESCRIPTION":
                doc.Description = Prose(content, heading, report);
                break;
            case "EXAMPLES":
                foreach (var (sub, body) in Subsections(content, heading, report))
                {
                    ReadExample(doc, sub, body, report);
                }

                break;
            case "PARAMETERS":
                foreach (var (sub, body) in Subsections(content, heading, report))
                {
                    ReadParameter(doc, sub, body, report);
                }

                break;
            case "INPUTS":
                doc.Inputs.AddRange(Subsections(content, heading, report).Select(s => new TypeDoc(s.Heading.Line, s.Heading.Text, s.Body)));
                break;
            case "OUTPUTS":
                doc.Outputs.AddRange(Subsections(content, heading, report).Select(s => new TypeDoc(s.Heading.Line, s.Heading.Text, s.Body)));
                break;
            case "NOTES":
                doc.Notes = Prose(content, heading, report);
                break;
            case "RELATED LINKS":
                ReadLinks(doc, heading, content, report);
                break;
        }
    }

    private static List<MarkdownBlock> Prose(List<MarkdownBlock> content, Heading heading, Action<int, string> report)
    {
        foreach (var stray in content.OfType<Heading>())
        {
            report(stray.Line, $"'{stray.Text}': '## {heading.Text}' has no subsections.");
        }

        var prose = content.Where(b => b is not Heading).ToList();
        if (prose.Count == 0)
        {
            report(heading.Line, $"'## {heading.Text}' is empty.");
        }

        return prose;
    }

    private static List<(Heading Heading, List<MarkdownBlock> Body)> Subsections(List<MarkdownBlock> content, Heading heading, Action<int, string> report)
    {
        var result = new List<(Heading, List<MarkdownBlock>)>();
        foreach (var block in content)
        {
            if (block is Heading { Level: 3 } sub)
            {
                result.Add((sub, new List<MarkdownBlock>()));
            }
            else if (result.Count == 0 || block is Heading)
            {
                report(block.Line, $"everything in '## {heading.Text}' goes under a '###' heading.");
            }
            else
            {
                result[^1].Item2.Add(block);
            }
        }

        if (result.Count == 0)
        {
            report(heading.Line, $"'## {heading.Text}' is empty.");
        }

        return result;
    }

    private static void ReadSyntax(CommandDoc doc, Heading heading, List<MarkdownBlock> content, Action<int, string> report)
    {
        if (content.Count != 1 || content[0] is not Fence { Language: "text" } fence)
        {
            report(heading.Line, "'## SYNTAX' holds one ```text block with a line per parameter set.");
            return;
        }

        doc.SyntaxLine = fence.Line;
        doc.Syntax = fence.Code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }

    private static void ReadExample(CommandDoc doc, Heading heading, List<MarkdownBlock> body, Action<int, string> report)
    {
        var title = ExampleTitle().Match(heading.Text);
        if (!title.Success)
        {
            report(heading.Line, $"an example heading reads '### Example {doc.Examples.Count + 1}: what it shows'.");
        }
        else if (title.Groups[1].Value != (doc.Examples.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            report(heading.Line, $"examples are numbered 1, 2, 3...; this one should be Example {doc.Examples.Count + 1}.");
        }

        if (body.Count == 0 || body[0] is not Fence { Language: "powershell" } code)
        {
            report(heading.Line, "an example starts with its ```powershell block.");
            return;
        }

        ExampleFence.Check(code, report);
        int next = 1;
        Fence? output = null;
        if (body.Count > 1 && body[1] is Fence { Language: "output" } rendered)
        {
            output = rendered;
            next = 2;
        }

        var remarks = body.Skip(next).ToList();
        foreach (var fence in remarks.OfType<Fence>().Where(f => f.Language is "powershell" or "output"))
        {
            report(fence.Line, "an example has one ```powershell block, optionally followed by its ```output; show another command in another example.");
        }

        doc.Examples.Add(new ExampleDoc(heading.Line, heading.Text, code, output, remarks));
    }

    private static void ReadParameter(CommandDoc doc, Heading heading, List<MarkdownBlock> body, Action<int, string> report)
    {
        if (!heading.Text.StartsWith('-') || heading.Text.Length < 2 || heading.Text.Contains(' ', StringComparison.Ordinal))
        {
            report(heading.Line, $"a parameter heading is '### -Name', not '### {heading.Text}'.");
            return;
        }

        string name = heading.Text[1..];
        int yamlIndex = body.FindIndex(b => b is Fence { Language: "yaml" });
        if (yamlIndex < 0)
        {
            report(heading.Line, $"-{name} needs its ```yaml block of facts (Type, Parameter Sets, Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters).");
            doc.Parameters.Add(new ParameterDoc(heading.Line, name, body, new Dictionary<string, string>(), heading.Line));
            return;
        }

        var yaml = (Fence)body[yamlIndex];
        if (yamlIndex != body.Count - 1)
        {
            report(body[yamlIndex + 1].Line, $"the ```yaml block ends the description of -{name}; move this text above it.");
        }

        var facts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = yaml.Code.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                report(yaml.Line + 1 + i, $"'{lines[i].Trim()}' is not a 'Key: value' line.");
                continue;
            }

            if (!facts.TryAdd(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()))
            {
                report(yaml.Line + 1 + i, $"'{lines[i][..colon].Trim()}' is given twice for -{name}.");
            }
        }

        var description = body.Take(yamlIndex).ToList();
        if (description.Count == 0)
        {
            report(heading.Line, $"-{name} has no description.");
        }

        doc.Parameters.Add(new ParameterDoc(heading.Line, name, description, facts, yaml.Line));
    }

    private static void ReadLinks(CommandDoc doc, Heading heading, List<MarkdownBlock> content, Action<int, string> report)
    {
        foreach (var block in content)
        {
            if (block is not ListBlock list)
            {
                report(block.Line, "'## RELATED LINKS' is a list of [text](target) items.");
                continue;
            }

            foreach (string item in list.Items)
            {
                var link = LinkItem().Match(item);
                if (!link.Success)
                {
                    report(list.Line, $"'{item}' is not a [text](target) link.");
                    continue;
                }

                doc.RelatedLinks.Add(new RelatedLink(list.Line, link.Groups[1].Value, link.Groups[2].Value));
            }
        }

        if (doc.RelatedLinks.Count == 0)
        {
            report(heading.Line, "'## RELATED LINKS' is empty.");
        }
    }

    [GeneratedRegex(@"^Example (\d+): \S")]
    private static partial Regex ExampleTitle();

    [GeneratedRegex(@"^\[([^\]]+)\]\(([^)\s]+)\)$")]
    private static partial Regex LinkItem();
}
