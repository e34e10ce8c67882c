using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using PSRemoteLinks.HelpGenerator.Cmdlets;
using PSRemoteLinks.HelpGenerator.Docs;
using PSRemoteLinks.HelpGenerator.Output;

namespace PSRemoteLinks.HelpGenerator;

/// <summary>
/// One run: read docs/en-US, check it against the built module, and only if nothing is wrong write
/// &lt;out&gt;/&lt;Assembly&gt;.dll-Help.xml and &lt;out&gt;/about_*.help.txt. Returns the process exit code.
/// </summary>
public static class HelpBuild
{
    public static int Run(string docsFolder, string assemblyPath, string? manifestPath, string outputFolder, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var problems = new ProblemList();
        var sources = Directory.GetFiles(docsFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var docs = sources
            .Where(f => !IsAboutTopic(f))
            .Select(f => CommandDocReader.Read(f, File.ReadAllText(f), problems.For(f)))
            .ToList();
        var abouts = sources
            .Where(IsAboutTopic)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f) + ".help.txt", Text: AboutTopicWriter.Render(f, File.ReadAllText(f), problems.For(f))))
            .ToList();

        var cmdlets = CompiledModule.Read(assemblyPath);
        DocChecker.Check(cmdlets, docs, docsFolder, problems);
        Uri? onlineBase = manifestPath == null ? null : OnlineBase(manifestPath, problems);

        if (problems.All.Count > 0)
        {
            foreach (var problem in problems.All)
            {
                log.WriteLine(problem);
            }

            log.WriteLine($"PSRemoteLinks help was not written: {problems.All.Count} problem(s) in {docsFolder}. The format is described in docs/README.md.");
            return 1;
        }

        Directory.CreateDirectory(outputFolder);
        string helpFile = Path.Combine(outputFolder, Path.GetFileName(assemblyPath) + "-Help.xml");
        MamlWriter.Write(helpFile, cmdlets.Select(c => (c, docs.First(d => d.Name == c.Name))).ToList(), onlineBase);
        foreach (var (name, text) in abouts)
        {
            File.WriteAllText(Path.Combine(outputFolder, name), text);
        }

        log.WriteLine($"PSRemoteLinks help: {cmdlets.Count} cmdlets and {abouts.Count} about topic(s) written to {outputFolder}.");
        return 0;
    }

    /// <summary>Writes a first draft for every cmdlet that has no help source yet.</summary>
    public static void Scaffold(string docsFolder, string assemblyPath, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        foreach (var cmdlet in CompiledModule.Read(assemblyPath))
        {
            string path = Path.Combine(docsFolder, cmdlet.Name + ".md");
            if (!File.Exists(path))
            {
                File.WriteAllText(path, Docs.Scaffold.For(cmdlet));
                log.WriteLine("Wrote a first draft of " + path + "; replace every TODO.");
            }
        }
    }

    private static bool IsAboutTopic(string path) => Path.GetFileName(path).StartsWith("about_", StringComparison.Ordinal);

    /// <summary>The address of the rendered help sources, from the manifest's ProjectUri, for Get-Help -Online.</summary>
    private static Uri? OnlineBase(string manifestPath, ProblemList problems)
    {
        var ast = Parser.ParseFile(manifestPath, out _, out var errors);
        if (errors.Length > 0 || ast.Find(a => a is HashtableAst, false)?.SafeGetValue() is not Hashtable manifest)
        {
            problems.Add(manifestPath, 1, "the module manifest could not be read as a hashtable.");
            return null;
        }

        if ((manifest["PrivateData"] as Hashtable)?["PSData"] is not Hashtable data
            || !Uri.TryCreate(data["ProjectUri"] as string, UriKind.Absolute, out var project))
        {
            problems.Add(manifestPath, 1, "PrivateData.PSData.ProjectUri is needed for the help's online links.");
            return null;
        }

        return new Uri(project.AbsoluteUri.TrimEnd('/') + "/blob/main/docs/en-US/");
    }
}
