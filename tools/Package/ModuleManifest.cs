using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace PSRemoteLinks.Packaging;

/// <summary>
/// What a module manifest says about the package, read the way PowerShellGet reads it: through
/// <c>Test-ModuleManifest</c>, so a manifest the engine rejects is never packed.
/// </summary>
public sealed class ModuleManifest
{
    private ModuleManifest(PSModuleInfo module, string path)
    {
        Path = path;
        Name = module.Name;
        Version = VersionOf(module);
        Author = module.Author;
        CompanyName = module.CompanyName;
        Description = module.Description;
        Copyright = module.Copyright;
        Tags = module.Tags.ToList();
        ProjectUri = module.ProjectUri;
        LicenseUri = module.LicenseUri;
        IconUri = module.IconUri;
        ReleaseNotes = module.ReleaseNotes;
        Cmdlets = module.ExportedCmdlets.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
        Functions = module.ExportedFunctions.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public string Path { get; }

    public string Name { get; }

    /// <summary>ModuleVersion, with PSData.Prerelease appended after a dash when there is one.</summary>
    public string Version { get; }

    public string? Author { get; }

    public string? CompanyName { get; }

    public string? Description { get; }

    public string? Copyright { get; }

    /// <summary>PrivateData.PSData.Tags, as written.</summary>
    public IReadOnlyList<string> Tags { get; }

    public Uri? ProjectUri { get; }

    public Uri? LicenseUri { get; }

    public Uri? IconUri { get; }

    public string? ReleaseNotes { get; }

    public IReadOnlyList<string> Cmdlets { get; }

    public IReadOnlyList<string> Functions { get; }

    /// <summary>
    /// Validates the manifest with Test-ModuleManifest in a private runspace and reads it.
    /// Throws <see cref="InvalidOperationException"/> with the engine's messages when it is not valid.
    /// </summary>
    public static ModuleManifest Read(string manifestPath)
    {
        using PowerShell shell = PrivateShell.Create();
        shell.AddCommand("Test-ModuleManifest").AddParameter("Path", manifestPath).AddParameter("ErrorAction", ActionPreference.Continue);
        var problems = new List<string>();
        Collection<PSObject> output;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException e)
        {
            // Some problems (a missing file a manifest names) stop Test-ModuleManifest instead of being written.
            problems.Add(e.Message);
            output = new Collection<PSObject>();
        }

        problems.AddRange(shell.Streams.Error.Select(e => e.Exception.Message));
        if (problems.Count > 0 || output.Count != 1 || output[0].BaseObject is not PSModuleInfo module)
        {
            var message = new StringBuilder("The module manifest '").Append(manifestPath).Append("' is not valid, so it was not packed:");
            foreach (var problem in problems)
            {
                message.Append(Environment.NewLine).Append("  ").Append(problem);
            }

            throw new InvalidOperationException(message.ToString());
        }

        return new ModuleManifest(module, manifestPath);
    }

    private static string VersionOf(PSModuleInfo module)
    {
        var version = module.Version.ToString();
        var prerelease = PSData(module)?["Prerelease"] as string;
        return string.IsNullOrWhiteSpace(prerelease) ? version : version + "-" + prerelease.Trim();
    }

    private static Hashtable? PSData(PSModuleInfo module) =>
        module.PrivateData is Hashtable privateData ? privateData["PSData"] as Hashtable : null;
}
