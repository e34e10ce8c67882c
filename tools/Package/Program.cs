using System;
using System.IO;

namespace PSRemoteLinks.Packaging;

/// <summary>
/// <c>dotnet run --project tools/Package -c Release [-- --module DIR] [--output DIR]</c> packs the published module
/// into &lt;output&gt;/PSRemoteLinks.&lt;version&gt;.nupkg, then unpacks and imports that package to prove it works.
/// <c>--verify FILE.nupkg</c> only does the second half.
/// </summary>
internal static class Program
{
    private const string Usage =
        "Usage: PSRemoteLinks.Package [--module DIR] [--output DIR]\n" +
        "       PSRemoteLinks.Package --verify FILE.nupkg\n" +
        "  --module DIR   the published module folder (default: the copy this tool's build published beside it)\n" +
        "  --output DIR   where the .nupkg is written (default: <repository>/out)\n" +
        "  --verify FILE  unpack the package, run Test-ModuleManifest, import it and list its commands";

    public static int Main(string[] args)
    {
        string? module = null;
        string? output = null;
        string? verify = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--module" when i + 1 < args.Length:
                    module = Path.GetFullPath(args[++i]);
                    break;
                case "--output" when i + 1 < args.Length:
                    output = Path.GetFullPath(args[++i]);
                    break;
                case "--verify" when i + 1 < args.Length:
                    verify = Path.GetFullPath(args[++i]);
                    break;
                case "-h" or "--help" or "-?":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    Console.Error.WriteLine($"Unrecognized or incomplete argument '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        try
        {
            if (verify == null)
            {
                var root = RepositoryRoot();
                module ??= Path.Combine(AppContext.BaseDirectory, "PSRemoteLinks");
                var packed = ModulePackage.Create(module, root, output ?? Path.Combine(root, "out"));
                Console.WriteLine($"Packed {packed.Id} {packed.Version} from {module}:");
                foreach (var file in packed.Files)
                {
                    Console.WriteLine("  " + file.TargetPath);
                }

                Console.WriteLine(packed.PackagePath);
                verify = packed.PackagePath;
            }

            return Verify(verify);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine("Packaging failed: " + e.Message);
            return 1;
        }
    }

    private static int Verify(string packagePath)
    {
        var work = Path.Combine(Path.GetTempPath(), "PSRemoteLinks.Package." + Guid.NewGuid().ToString("N"));
        try
        {
            var result = PackageCheck.Verify(packagePath, work);
            Console.WriteLine($"Verified {Path.GetFileName(packagePath)}: Test-ModuleManifest passes; {result.ModuleName} {result.Version} imports from the unpacked package ({result.AssemblyPath}) with {result.Commands.Count} commands:");
            foreach (var command in result.Commands)
            {
                Console.WriteLine("  " + command);
            }

            return 0;
        }
        finally
        {
            TryDelete(work);
        }
    }

    // The imported assembly stays open on Windows until the process ends; a leftover temp folder is harmless.
    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PSRemoteLinks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("PSRemoteLinks.sln was not found above " + AppContext.BaseDirectory + ": run the tool from the repository's build output.");
    }
}
