using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PSRemoteLinks.HelpGenerator.Markdown;

/// <summary>
/// Reads the small subset of markdown the help sources use: ATX headings, paragraphs, bullet and numbered lists,
/// fenced code blocks and HTML comments (skipped). Anything else (tables, block quotes, indented code, setext
/// headings) is reported, so a source never renders differently on GitHub and in Get-Help without anyone noticing.
/// </summary>
public static partial class MarkdownReader
{
    public static IReadOnlyList<MarkdownBlock> Read(string text, Action<int, string> report)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(report);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<MarkdownBlock>();
        var paragraph = new List<string>();
        int paragraphLine = 0;
        var items = new List<string>();
        int listLine = 0;
        bool numbered = false;

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new Paragraph(paragraphLine, paragraph.ToArray()));
                paragraph.Clear();
            }
        }

        void Flush()
        {
            FlushParagraph();
            if (items.Count > 0)
            {
                blocks.Add(new ListBlock(listLine, items.ToArray(), numbered));
                items.Clear();
            }
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int lineNumber = i + 1;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                i = ReadFence(lines, i, blocks, report);
                continue;
            }

            if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                Flush();
                while (i < lines.Length && !lines[i].Contains("-->", StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            Match heading = HeadingPattern().Match(line);
            if (heading.Success)
            {
                Flush();
                blocks.Add(new Heading(lineNumber, heading.Groups[1].Value.Length, heading.Groups[2].Value.Trim()));
                continue;
            }

            Match item = ListItemPattern().Match(line);
            if (item.Success)
            {
                FlushParagraph();
                bool isNumbered = char.IsDigit(item.Groups[1].Value[0]);
                if (items.Count == 0)
                {
                    listLine = lineNumber;
                    numbered = isNumbered;
                }

                items.Add(item.Groups[2].Value.Trim());
                continue;
            }

            if (items.Count > 0 && (line.StartsWith(' ') || line.StartsWith('\t')))
            {
                items[^1] += " " + line.Trim();
                continue;
            }

            string trimmed = line.TrimStart();
            if (trimmed.StartsWith('|') || trimmed.StartsWith('>') || line.StartsWith("    ", StringComparison.Ordinal) || SetextUnderline().IsMatch(line))
            {
                report(lineNumber, "tables, block quotes, indented code and underlined headings are not part of the help markdown; use a fenced block, a list or a '#' heading.");
                continue;
            }

            if (items.Count > 0)
            {
                Flush();
            }

            if (paragraph.Count == 0)
            {
                paragraphLine = lineNumber;
            }

            paragraph.Add(line.Trim());
        }

        Flush();
        return blocks;
    }

    private static int ReadFence(string[] lines, int start, List<MarkdownBlock> blocks, Action<int, string> report)
    {
        string opening = lines[start].Trim();
        string indent = lines[start][..(lines[start].Length - lines[start].TrimStart().Length)];
        string[] info = opening[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var code = new List<string>();
        for (int i = start + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "```")
            {
                string language = info.Length > 0 ? info[0] : string.Empty;
                blocks.Add(new Fence(start + 1, language, info.Length > 1 ? info[1..] : [], string.Join("\n", code)));
                return i;
            }

            code.Add(lines[i].StartsWith(indent, StringComparison.Ordinal) ? lines[i][indent.Length..] : lines[i].TrimStart());
        }

        report(start + 1, "the code block opened here is never closed with ```.");
        return lines.Length;
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^\s{0,3}([-*+]|\d+[.)])\s+(.*)$")]
    private static partial Regex ListItemPattern();

    [GeneratedRegex(@"^\s{0,3}(=+|-{2,})\s*$")]
    private static partial Regex SetextUnderline();
}
