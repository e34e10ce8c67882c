using System;
using System.Collections.Generic;
using System.IO;
using NuGet.Packaging;
using NuGet.Versioning;

namespace PSRemoteLinks.Packaging;

/// <summary>The .nupkg a module is published to the Gallery as, and the files it was made of.</summary>
public sealed record PackedModule(string PackagePath, string Id, string Version, IReadOnlyList<PackageFile> Files);

/// <summary>
/// Writes a module's Gallery package with NuGet's own package writer, the way Publish-PSResource does: the
/// module's files at the package root beside a nuspec built from the manifest (id, version, authors, owners,
/// description, copyright, release notes, tags, project and licence URLs). The output is byte-for-byte the
/// same for the same input, so a package can be rebuilt and compared.
/// </summary>
public static class ModulePackage
{
    /// <summary>
    /// Every entry of the package carries this time instead of the time of packing, so the same input gives the
    /// same bytes (NuGet writes the current time unless told otherwise).
    /// </summary>
    public const string EntryTimestamp = "2000-01-01T00:00:00Z";

    /// <summary>
    /// Packs the module published in <paramref name="moduleFolder"/> (its manifest is &lt;folder name&gt;.psd1)
    /// with LICENSE, THIRD-PARTY-NOTICES.md and README.md from <paramref name="repositoryRoot"/> into
    /// <paramref name="outputFolder"/>/&lt;Name&gt;.&lt;Version&gt;.nupkg, replacing an older copy.
    /// </summary>
    public static PackedModule Create(string moduleFolder, string repositoryRoot, string outputFolder)
    {
        var folder = Path.GetFullPath(moduleFolder);
        var name = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var manifestPath = Path.Combine(folder, name + ".psd1");
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"The module folder '{folder}' has no manifest named {name}.psd1: the folder must be named after the module and hold its published files.", manifestPath);
        }

        var manifest = ModuleManifest.Read(manifestPath);
        var files = PackageContents.For(folder, repositoryRoot);
        var builder = Builder(manifest, out var version);
        foreach (var file in files)
        {
            builder.Files.Add(new PhysicalPackageFile { SourcePath = file.SourcePath, TargetPath = file.TargetPath });
        }

        Directory.CreateDirectory(outputFolder);
        var packagePath = Path.Combine(Path.GetFullPath(outputFolder), manifest.Name + "." + version + ".nupkg");
        using (var stream = new FileStream(packagePath, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            builder.Save(stream);
        }

        return new PackedModule(packagePath, manifest.Name, version, files);
    }

    private static PackageBuilder Builder(ModuleManifest manifest, out string normalizedVersion)
    {
        if (!NuGetVersion.TryParse(manifest.Version, out var version))
        {
            throw new InvalidOperationException($"The module version '{manifest.Version}' in '{manifest.Path}' is not a version a package can carry.");
        }

        normalizedVersion = version.ToNormalizedString();

        var builder = new PackageBuilder(deterministic: true)
        {
            DeterministicTimestamp = EntryTimestamp,
            Id = manifest.Name,
            Version = version,
            Description = Required(manifest.Description, "Description", manifest),
            Copyright = manifest.Copyright,
            ReleaseNotes = manifest.ReleaseNotes,
            ProjectUrl = manifest.ProjectUri,
            LicenseUrl = manifest.LicenseUri,
            IconUrl = manifest.IconUri,
            RequireLicenseAcceptance = false,
        };
        builder.Authors.Add(Required(manifest.Author, "Author", manifest));
        if (!string.IsNullOrWhiteSpace(manifest.CompanyName))
        {
            builder.Owners.Add(manifest.CompanyName);
        }

        foreach (var tag in GalleryTags.For(manifest))
        {
            builder.Tags.Add(tag);
        }

        return builder;
    }

    private static string Required(string? value, string key, ModuleManifest manifest) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"The Gallery needs {key} in the module manifest '{manifest.Path}'.")
            : value.Trim();
}
