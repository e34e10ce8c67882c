using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PSRemoteLinks.HelpGenerator.Markdown;

namespace PSRemoteLinks.HelpGenerator.Output;

/// <summary>
/// Turns docs/en-US/about_*.md into the plain-text about topic Get-Help prints as is: '##' headings in capitals,
/// '###' headings underlined, prose wrapped at 80 columns and indented 4, code indented 8 and never wrapped.
/// </summary>
public static class AboutTopicWriter
{
    public const int Width = 80;
    private const string Indent = "    ";
    private const string CodeIndent = "        ";

    public static string Render(string path, string markdown, Action<int, string> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string topic = Path.GetFileNameWithoutExtension(path);
        var blocks = MarkdownReader.Read(markdown, report);
        if (blocks.Count == 0 || blocks[0] is not Heading { Level: 1 } title || title.Text != topic)
        {
            report(1, $"an about topic starts with its name as '# {topic}'.");
            return string.Empty;
        }

        var sections = blocks.OfType<Heading>().Where(h => h.Level == 2).Select(h => h.Text).ToList();
        if (sections.Count < 2 || sections[0] != "SHORT DESCRIPTION" || sections[1] != "LONG DESCRIPTION")
        {
            report(title.Line, "an about topic's first sections are '## SHORT DESCRIPTION' and '## LONG DESCRIPTION'.");
        }

        var text = new StringBuilder();
        text.Append("TOPIC\n").Append(Indent).Append(topic).Append('\n');
        bool afterHeading = false;
        foreach (var block in blocks.Skip(1))
        {
            // A heading is followed directly by its text; blocks are separated by a blank line.
            if (block is not Heading && !afterHeading)
            {
                text.Append('\n');
            }

            afterHeading = block is Heading;
            switch (block)
            {
                case Heading { Level: 2 } heading:
                    text.Append('\n').Append(heading.Text.ToUpperInvariant()).Append('\n');
                    break;
                case Heading { Level: 3 } heading:
                    text.Append('\n').Append(Indent).Append(heading.Text).Append('\n')
                        .Append(Indent).Append(new string('-', heading.Text.Length)).Append('\n');
                    break;
                case Heading heading:
                    report(heading.Line, "an about topic uses '##' and '###' headings only.");
                    break;
                case Paragraph paragraph:
                    Wrap(text, InlineText.ToPlain(string.Join(" ", paragraph.Lines)), Indent, Indent);
                    break;
                case ListBlock list:
                    for (int i = 0; i < list.Items.Count; i++)
                    {
                        string bullet = list.Numbered ? (i + 1) + ". " : "- ";
                        Wrap(text, InlineText.ToPlain(list.Items[i]), Indent + bullet, Indent + new string(' ', bullet.Length));
                    }

                    break;
                case Fence fence:
                    var lines = fence.Code.Split('\n');
                    for (int i = 0; i < lines.Length; i++)
                    {
                        if (CodeIndent.Length + lines[i].Length > Width)
                        {
                            report(fence.Line + 1 + i, $"this code line is wider than {Width - CodeIndent.Length} characters, so it would not fit the about topic's {Width} columns; break it.");
                        }

                        text.Append(lines[i].Length == 0 ? string.Empty : CodeIndent + lines[i]).Append('\n');
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static void Wrap(StringBuilder text, string words, string firstIndent, string nextIndent)
    {
        var line = new StringBuilder(firstIndent);
        bool empty = true;
        foreach (string word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(nextIndent);
                empty = true;
            }

            line.Append(empty ? string.Empty : " ").Append(word);
            empty = false;
        }

        text.Append(line).Append('\n');
    }
}
