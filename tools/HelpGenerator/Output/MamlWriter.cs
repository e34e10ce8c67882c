using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PSRemoteLinks.HelpGenerator.Cmdlets;
using PSRemoteLinks.HelpGenerator.Docs;

namespace PSRemoteLinks.HelpGenerator.Output;

/// <summary>
/// Writes the MAML file Get-Help reads for a binary module (&lt;culture&gt;/&lt;Assembly&gt;.dll-Help.xml). Texts come
/// from the checked help sources; syntax, types, sets and pipeline facts from the compiled cmdlets.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static void Write(string path, IReadOnlyList<(CmdletShape Cmdlet, CommandDoc Doc)> commands, Uri? onlineBase)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            commands.OrderBy(c => c.Cmdlet.Name, StringComparer.Ordinal).Select(c => CommandElement(c.Cmdlet, c.Doc, onlineBase)));
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = XmlWriter.Create(path, settings);
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

    private static XElement CommandElement(CmdletShape cmdlet, CommandDoc doc, Uri? onlineBase)
    {
        var documented = doc.Parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                Description(Prose.ToParagraphs(doc.Synopsis))),
            Description(Prose.ToParagraphs(doc.Description)),
            new XElement(Command + "syntax", cmdlet.Sets.Select(set => new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", cmdlet.Name),
                SyntaxText.Ordered(cmdlet, set).Select(x => ParameterElement(x.Parameter, documented[x.Parameter.Name], new[] { x.Use }))))),
            new XElement(Command + "parameters",
                doc.Parameters.Select(d => cmdlet.Parameters.First(p => p.Name == d.Name)).Select(p => ParameterElement(p, documented[p.Name], p.Uses))),
            new XElement(Command + "inputTypes", doc.Inputs.Select(i => TypeElement(Command + "inputType", i))),
            new XElement(Command + "returnValues", doc.Outputs.Select(o => TypeElement(Command + "returnValue", o))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(Prose.ToParagraphs(doc.Notes)))),
            new XElement(Command + "examples", doc.Examples.Select(ExampleElement)),
            new XElement(Command + "relatedLinks", RelatedLinks(doc, onlineBase)));
    }

    private static XElement ParameterElement(ParameterShape parameter, ParameterDoc doc, IReadOnlyList<SetUse> uses)
    {
        var paragraphs = Prose.ToParagraphs(doc.Description).ToList();
        string required = ParameterFacts.PerSet(parameter with { Uses = uses }, u => u.Mandatory ? "True" : "False");
        if (required.Contains(" in ", StringComparison.Ordinal))
        {
            // MAML's "required" is a bare true/false, so the per-set truth goes into the text.
            paragraphs.Add("Required: " + required + ".");
        }

        var element = new XElement(Command + "parameter",
            new XAttribute("required", uses.Any(u => u.Mandatory) ? "true" : "false"),
            new XAttribute("variableLength", parameter.Type.IsArray ? "true" : "false"),
            new XAttribute("globbing", parameter.Wildcards ? "true" : "false"),
            new XAttribute("pipelineInput", ParameterFacts.PerSet(parameter with { Uses = uses }, ParameterFacts.PipelineText)),
            new XAttribute("position", ParameterFacts.PerSet(parameter with { Uses = uses }, u => u.Position.HasValue ? ParameterFacts.PositionText(u) : "named")),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(paragraphs));
        if (parameter.AcceptedValues != null)
        {
            element.Add(new XElement(Command + "parameterValueGroup", parameter.AcceptedValues.Select(v =>
                new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v))));
        }

        if (!parameter.IsSwitch)
        {
            element.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", "true"), new XAttribute("variableLength", "false"), ParameterFacts.ShortTypeName(parameter.Type)));
        }

        element.Add(
            new XElement(Dev + "type", new XElement(Maml + "name", ParameterFacts.FullTypeName(parameter.Type)), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", doc.Facts.TryGetValue(ParameterFacts.DefaultValue, out var value) ? value : "None"));
        return element;
    }

    private static XElement TypeElement(XName name, TypeDoc type) => new(name,
        new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
        Description(Prose.ToParagraphs(type.Description)));

    private static XElement ExampleElement(ExampleDoc example)
    {
        string code = example.Code.Code;
        if (example.Output != null && example.Output.Code.Trim().Length > 0)
        {
            code += "\n\n" + example.Output.Code;
        }

        return new XElement(Command + "example",
            new XElement(Maml + "title", "---------- " + example.Title + " ----------"),
            new XElement(Maml + "introduction", new XElement(Maml + "para", "PS > ")),
            new XElement(Dev + "code", code),
            // The empty paragraph keeps a blank line between one example's remarks and the next title.
            new XElement(Dev + "remarks", Paragraphs(Prose.ToParagraphs(example.Remarks).Append(string.Empty))));
    }

    private static IEnumerable<XElement> RelatedLinks(CommandDoc doc, Uri? onlineBase)
    {
        if (onlineBase != null)
        {
            yield return Link("Online Version:", new Uri(onlineBase, doc.Name + ".md").AbsoluteUri);
        }

        foreach (var link in doc.RelatedLinks)
        {
            bool external = link.Target.StartsWith("https://", StringComparison.Ordinal);
            yield return Link(link.Text, external ? link.Target : string.Empty);
        }
    }

    private static XElement Link(string text, string uri) =>
        new(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", p));
}
