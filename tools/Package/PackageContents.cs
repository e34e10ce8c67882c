using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PSRemoteLinks.Packaging;

/// <summary>One file of the package: where it is read from and where it goes inside the .nupkg.</summary>
public sealed record PackageFile(string SourcePath, string TargetPath);

/// <summary>
/// What goes into the module package: everything the published module folder holds (manifest, assemblies,
/// formats, help in culture folders), except what a session never loads, plus the licence and the readme.
/// </summary>
public static class PackageContents
{
    /// <summary>
    /// Left out: debug symbols (size, no use to a session) and the build's dependency manifest (PowerShell
    /// loads a module's assemblies from its folder and never reads *.deps.json).
    /// </summary>
    public static readonly IReadOnlyList<string> LeftOutSuffixes = new[] { ".pdb", ".deps.json" };

    /// <summary>Files that must never ship: the engine belongs to the user's PowerShell, packages are never nested.</summary>
    private static readonly string[] Forbidden = { "System.Management.Automation.dll", ".nupkg", ".nuspec" };

    public static IReadOnlyList<PackageFile> For(string moduleFolder, string repositoryRoot)
    {
        var moduleRoot = Path.GetFullPath(moduleFolder);
        if (!Directory.Exists(moduleRoot))
        {
            throw new DirectoryNotFoundException($"The module folder '{moduleRoot}' does not exist: publish the module first (dotnet publish src/PSRemoteLinks -c Release -o out/PSRemoteLinks).");
        }

        var files = new List<PackageFile>();
        foreach (var source in Directory.EnumerateFiles(moduleRoot, "*", SearchOption.AllDirectories))
        {
            var target = Path.GetRelativePath(moduleRoot, source).Replace(Path.DirectorySeparatorChar, '/');
            if (LeftOutSuffixes.Any(suffix => target.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (Forbidden.Any(name => target.EndsWith(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"'{source}' must not be in a module package: {target} belongs to the user's PowerShell or to another package.");
            }

            files.Add(new PackageFile(source, target));
        }

        files.Add(RootDocument(repositoryRoot, "LICENSE", required: true)!);
        files.Add(RootDocument(repositoryRoot, "THIRD-PARTY-NOTICES.md", required: true)!);
        var readme = RootDocument(repositoryRoot, "README.md", required: false);
        if (readme != null)
        {
            files.Add(readme);
        }

        var clash = files.GroupBy(f => f.TargetPath, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash != null)
        {
            throw new InvalidOperationException($"Two files would both become '{clash.Key}' in the package: {string.Join(", ", clash.Select(f => f.SourcePath))}.");
        }

        return files.OrderBy(f => f.TargetPath, StringComparer.Ordinal).ToList();
    }

    private static PackageFile? RootDocument(string repositoryRoot, string name, bool required)
    {
        var path = Path.Combine(Path.GetFullPath(repositoryRoot), name);
        if (File.Exists(path))
        {
            return new PackageFile(path, name);
        }

        if (required)
        {
            throw new FileNotFoundException($"The package needs {name} from the repository root, and '{path}' does not exist.", path);
        }

        return null;
    }
}
