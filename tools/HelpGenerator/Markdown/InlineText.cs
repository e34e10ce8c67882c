using System;
using System.Text.RegularExpressions;

namespace PSRemoteLinks.HelpGenerator.Markdown;

/// <summary>Turns inline markdown into the plain text Get-Help prints.</summary>
public static partial class InlineText
{
    /// <summary>
    /// `code` and **bold** lose their markers; [text](https://...) becomes "text (https://...)"; a link to another
    /// help file ([Get-IssueLink](Get-IssueLink.md)) becomes its text; &lt;https://...&gt; becomes the address.
    /// </summary>
    public static string ToPlain(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string text = LinkPattern().Replace(markdown, match =>
        {
            string label = match.Groups[1].Value;
            string target = match.Groups[2].Value;
            bool external = target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            return !external || label == target ? label : label + " (" + target + ")";
        });
        text = AutoLinkPattern().Replace(text, "$1");
        text = CodePattern().Replace(text, "$1");
        text = BoldPattern().Replace(text, "$1");
        return EscapePattern().Replace(text, "$1");
    }

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"<(https?://[^>\s]+)>")]
    private static partial Regex AutoLinkPattern();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!<>|])")]
    private static partial Regex EscapePattern();
}
