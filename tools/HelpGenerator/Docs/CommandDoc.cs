using System.Collections.Generic;
using PSRemoteLinks.HelpGenerator.Markdown;

namespace PSRemoteLinks.HelpGenerator.Docs;

/// <summary>One cmdlet's help as written in docs/en-US/&lt;Name&gt;.md. Prose is kept as markdown blocks.</summary>
public sealed class CommandDoc
{
    public CommandDoc(string file, string name)
    {
        File = file;
        Name = name;
    }

    public string File { get; }

    public string Name { get; }

    public IReadOnlyList<MarkdownBlock> Synopsis { get; set; } = new List<MarkdownBlock>();

    public IReadOnlyList<MarkdownBlock> Description { get; set; } = new List<MarkdownBlock>();

    /// <summary>The SYNTAX block's lines, one per parameter set, blank lines dropped.</summary>
    public IReadOnlyList<string> Syntax { get; set; } = new List<string>();

    public int SyntaxLine { get; set; }

    public List<ExampleDoc> Examples { get; } = new();

    public List<ParameterDoc> Parameters { get; } = new();

    public List<TypeDoc> Inputs { get; } = new();

    public List<TypeDoc> Outputs { get; } = new();

    public IReadOnlyList<MarkdownBlock> Notes { get; set; } = new List<MarkdownBlock>();

    public List<RelatedLink> RelatedLinks { get; } = new();
}

/// <summary>
/// "### Example N: title", a ```powershell block, optionally the ```output block that a real run rendered, then
/// remarks.
/// </summary>
public sealed record ExampleDoc(int Line, string Title, Fence Code, Fence? Output, IReadOnlyList<MarkdownBlock> Remarks);

/// <summary>"### -Name", its description, and the ```yaml block of facts (Type, Required, Position ...).</summary>
public sealed record ParameterDoc(int Line, string Name, IReadOnlyList<MarkdownBlock> Description, IReadOnlyDictionary<string, string> Facts, int FactsLine);

/// <summary>An INPUTS or OUTPUTS entry: "### System.String" and what it means.</summary>
public sealed record TypeDoc(int Line, string TypeName, IReadOnlyList<MarkdownBlock> Description);

/// <summary>A RELATED LINKS item: [text](target), where target is an address or another help file.</summary>
public sealed record RelatedLink(int Line, string Text, string Target);
