using System;
using System.Collections.Generic;
using System.IO;

namespace PSRemoteLinks.HelpGenerator;

internal static class Program
{
    private const string Usage =
        "Usage: PSRemoteLinks.HelpGenerator --docs <docs/en-US> --assembly <PSRemoteLinks.dll> --out <folder> [--manifest <PSRemoteLinks.psd1>]\n" +
        "         Checks the help sources against the built module's cmdlets and writes <out>/PSRemoteLinks.dll-Help.xml\n" +
        "         and <out>/about_*.help.txt; with any problem it writes nothing and exits with 1.\n" +
        "       PSRemoteLinks.HelpGenerator --docs <docs/en-US> --assembly <PSRemoteLinks.dll> --scaffold new\n" +
        "         Writes a first draft <Cmdlet>.md for every cmdlet that has none.";

    public static int Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (args.Length % 2 == 0
            && options.TryGetValue("--docs", out string? docs)
            && options.TryGetValue("--assembly", out string? assembly))
        {
            if (options.GetValueOrDefault("--scaffold") == "new")
            {
                HelpBuild.Scaffold(docs, assembly, Console.Out);
                return 0;
            }

            if (options.TryGetValue("--out", out string? output))
            {
                try
                {
                    return HelpBuild.Run(docs, assembly, options.GetValueOrDefault("--manifest"), output, Console.Out);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
                {
                    // A missing folder or an unreadable assembly is a setup problem: say which, without a stack trace.
                    Console.Out.WriteLine("error PSRLHELP: " + ex.Message);
                    return 1;
                }
            }
        }

        Console.Error.WriteLine(Usage);
        return 2;
    }
}
