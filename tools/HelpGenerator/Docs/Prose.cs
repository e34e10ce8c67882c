using System;
using System.Collections.Generic;
using System.Linq;
using PSRemoteLinks.HelpGenerator.Markdown;

namespace PSRemoteLinks.HelpGenerator.Docs;

/// <summary>Markdown prose as the paragraphs Get-Help prints: one per paragraph, list or code block.</summary>
public static class Prose
{
    public static IReadOnlyList<string> ToParagraphs(IEnumerable<MarkdownBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        return blocks.Select(ToParagraph).Where(p => p.Length > 0).ToList();
    }

    private static string ToParagraph(MarkdownBlock block) => block switch
    {
        Paragraph paragraph => InlineText.ToPlain(string.Join(" ", paragraph.Lines)),
        ListBlock list => string.Join("\n", list.Items.Select((item, i) => (list.Numbered ? (i + 1) + ". " : "- ") + InlineText.ToPlain(item))),
        Fence fence => string.Join("\n", fence.Code.Split('\n').Select(line => line.Length == 0 ? line : "    " + line)),
        _ => string.Empty,
    };
}
