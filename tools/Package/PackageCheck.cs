using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace PSRemoteLinks.Packaging;

/// <summary>What a package turned out to hold when it was unpacked and imported.</summary>
public sealed record PackageCheckResult(string ModuleName, string Version, string AssemblyPath, IReadOnlyList<string> Commands);

/// <summary>
/// Unpacks a module package the way an install lays it out (a folder named after the module, without NuGet's
/// container parts) and imports it in
/// a new runspace: the package is good when Test-ModuleManifest passes, the import succeeds, and every cmdlet the
/// manifest exports comes from the unpacked assembly.
/// </summary>
/// <remarks>
/// An assembly cannot be loaded twice from two places into one process, so run this where no other copy of the
/// module was imported (the packaging tool's own process does that for its tests).
/// </remarks>
public static class PackageCheck
{
    /// <summary>Unpacks <paramref name="packagePath"/> under <paramref name="workFolder"/> and checks it; throws <see cref="InvalidOperationException"/> naming what failed.</summary>
    public static PackageCheckResult Verify(string packagePath, string workFolder)
    {
        string id = PackageId(packagePath);
        string moduleFolder = Path.Combine(Path.GetFullPath(workFolder), id);
        ZipFile.ExtractToDirectory(packagePath, moduleFolder, overwriteFiles: true);
        RemoveContainerParts(moduleFolder);
        string manifestPath = Path.Combine(moduleFolder, id + ".psd1");
        ModuleManifest manifest = ModuleManifest.Read(manifestPath);

        using PowerShell shell = PrivateShell.Create();
        shell.AddCommand("Import-Module").AddParameter("Name", manifestPath).AddParameter("PassThru").AddParameter("ErrorAction", ActionPreference.Stop);
        var imported = Invoke(shell, "Import-Module " + manifestPath);
        if (imported.Count != 1 || imported[0].BaseObject is not PSModuleInfo module)
        {
            throw new InvalidOperationException($"Import-Module '{manifestPath}' gave no module.");
        }

        var commands = module.ExportedCommands.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var missing = manifest.Cmdlets.Except(commands.Select(c => c.Name), StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The imported package lacks cmdlets its manifest exports: {string.Join(", ", missing)}.");
        }

        var assemblies = commands.OfType<CmdletInfo>().Select(c => c.ImplementingType.Assembly.Location).Distinct(StringComparer.Ordinal).ToList();
        var foreign = assemblies.Where(a => !a.StartsWith(moduleFolder, StringComparison.Ordinal)).ToList();
        if (assemblies.Count != 1 || foreign.Count > 0)
        {
            throw new InvalidOperationException($"The cmdlets must come from the unpacked assembly under '{moduleFolder}', and they came from: {string.Join(", ", assemblies)}.");
        }

        return new PackageCheckResult(module.Name, module.Version.ToString(), assemblies[0], commands.Select(c => c.Name).ToList());
    }

    // NuGet's own bookkeeping, which an install does not leave in the module folder.
    private static void RemoveContainerParts(string moduleFolder)
    {
        File.Delete(Path.Combine(moduleFolder, "[Content_Types].xml"));
        foreach (var folder in new[] { "_rels", "package" })
        {
            var path = Path.Combine(moduleFolder, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    private static string PackageId(string packagePath)
    {
        using ZipArchive archive = ZipFile.OpenRead(packagePath);
        var nuspecs = archive.Entries.Where(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)).ToList();
        if (nuspecs.Count != 1)
        {
            throw new InvalidOperationException($"'{packagePath}' must hold exactly one .nuspec at its root, and it holds {nuspecs.Count}.");
        }

        return Path.GetFileNameWithoutExtension(nuspecs[0].FullName);
    }

    private static System.Collections.ObjectModel.Collection<PSObject> Invoke(PowerShell shell, string what)
    {
        try
        {
            var output = shell.Invoke();
            if (!shell.HadErrors)
            {
                return output;
            }
        }
        catch (RuntimeException e)
        {
            throw new InvalidOperationException($"{what} failed: {e.Message}", e);
        }

        var message = new StringBuilder(what).Append(" failed:");
        foreach (ErrorRecord error in shell.Streams.Error)
        {
            message.Append(Environment.NewLine).Append("  ").Append(error.Exception.Message);
        }

        throw new InvalidOperationException(message.ToString());
    }
}
