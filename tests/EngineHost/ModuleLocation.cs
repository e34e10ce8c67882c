using System;
using System.IO;
using System.Linq;

namespace PSRemoteLinks.EngineHost;

/// <summary>Where the build put the module that tests, samples and the benchmark import.</summary>
public static class ModuleLocation
{
    /// <summary>
    /// The module manifest published next to the running assembly, in a <c>PSRemoteLinks</c> folder.
    /// Throws <see cref="FileNotFoundException"/> when the build did not copy it there.
    /// </summary>
    public static string PublishedManifest
    {
        get
        {
            string manifest = Path.Combine(AppContext.BaseDirectory, "PSRemoteLinks", "PSRemoteLinks.psd1");
            if (!File.Exists(manifest))
            {
                throw new FileNotFoundException(
                    $"The PSRemoteLinks module manifest was not found at '{manifest}'. The project that runs this code " +
                    "must build src/PSRemoteLinks and copy its output (assembly, dependencies, PSRemoteLinks.psd1) into " +
                    "a 'PSRemoteLinks' folder of its own output directory; rebuild that project.",
                    manifest);
            }

            return manifest;
        }
    }

    /// <summary>
    /// Puts the folder holding the published module folder first on this process's PSModulePath (once), so that a
    /// runspace the engine creates by itself (ForEach-Object -Parallel) loads PSRemoteLinks by name, as it does
    /// for a user who installed the module. Process-wide, like the variable; the same value every time.
    /// </summary>
    public static void PutOnModulePath()
    {
        lock (ModulePathGate)
        {
            string folder = Path.GetDirectoryName(Path.GetDirectoryName(PublishedManifest))!;
            string? current = Environment.GetEnvironmentVariable("PSModulePath");
            if (current is null || !current.Split(Path.PathSeparator).Contains(folder, StringComparer.Ordinal))
            {
                Environment.SetEnvironmentVariable("PSModulePath", folder + Path.PathSeparator + current);
            }
        }
    }

    private static readonly object ModulePathGate = new();
}
