using System.Collections.Generic;

namespace PSRemoteLinks.HelpGenerator.Markdown;

/// <summary>One block of a help source file; <see cref="Line"/> is 1-based, for error messages.</summary>
public abstract record MarkdownBlock(int Line);

/// <summary>A heading: <c>## DESCRIPTION</c> has level 2 and text "DESCRIPTION".</summary>
public sealed record Heading(int Line, int Level, string Text) : MarkdownBlock(Line);

/// <summary>Prose lines that belong together; soft line breaks are kept so callers can decide how to join them.</summary>
public sealed record Paragraph(int Line, IReadOnlyList<string> Lines) : MarkdownBlock(Line);

/// <summary>A bullet or numbered list; each item's continuation lines are already joined to it.</summary>
public sealed record ListBlock(int Line, IReadOnlyList<string> Items, bool Numbered) : MarkdownBlock(Line);

/// <summary>
/// A fenced code block. <see cref="Language"/> is the first word of the info string (```powershell no-run gives
/// "powershell"), <see cref="Options"/> the words after it.
/// </summary>
public sealed record Fence(int Line, string Language, IReadOnlyList<string> Options, string Code) : MarkdownBlock(Line);
