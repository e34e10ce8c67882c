using System;
using System.IO;

namespace PSRemoteLinks.Packaging;

/// <summary>
/// <c>dotnet run --project tools/Package -c Release [-- --module DIR] [--output DIR]</c>: packs the published module
/// into &lt;output&gt;/PSRemoteLinks.&lt;version&gt;.nupkg and lists what went in.
/// </summary>
internal static class Program
{
    private const string Usage =
        "Usage: PSRemoteLinks.Package [--module DIR] [--output DIR]\n" +
        "  --module DIR  the published module folder (default: the copy this tool's build published beside it)\n" +
        "  --output DIR  where the .nupkg is written (default: <repository>/out)";

    public static int Main(string[] args)
    {
        var root = RepositoryRoot();
        var module = Path.Combine(AppContext.BaseDirectory, "PSRemoteLinks");
        var output = Path.Combine(root, "out");
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
            var packed = ModulePackage.Create(module, root, output);
            Console.WriteLine($"Packed {packed.Id} {packed.Version} from {module}:");
            foreach (var file in packed.Files)
            {
                Console.WriteLine("  " + file.TargetPath);
            }

            Console.WriteLine(packed.PackagePath);
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("Packaging failed: " + e.Message);
            return 1;
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
