using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;

namespace PSRemoteLinks.Tests
{
    /// <summary>
    /// The emulator as a user starts it (<c>dotnet PSRemoteLinks.Emulator.dll --seed ...</c>), in its own process:
    /// the banner it printed, the Jira address it named; disposing closes its standard input, which stops it.
    /// </summary>
    internal sealed class StandaloneEmulator : IDisposable
    {
        /// <summary>The emulator this test project built (a project reference), with its runtimeconfig beside it.</summary>
        public static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "PSRemoteLinks.Emulator.dll");

        private readonly Process _process;

        private StandaloneEmulator(Process process, IReadOnlyList<string> banner)
        {
            _process = process;
            Banner = banner;
            var jira = Regex.Match(string.Join("\n", banner), @"(?m)^Jira:\s+(\S+)");
            JiraUri = new Uri(jira.Groups[1].Value + "/");
        }

        public IReadOnlyList<string> Banner { get; }

        public Uri JiraUri { get; }

        public static StandaloneEmulator Start(params string[] arguments)
        {
            var process = Process.Start(StartInfo(arguments))!;
            var banner = new List<string>();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                banner.Add(line);
                if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                {
                    return new StandaloneEmulator(process, banner);
                }
            }

            process.WaitForExit();
            throw new InvalidOperationException($"The emulator exited with {process.ExitCode} before it was ready: {process.StandardError.ReadToEnd()}");
        }

        /// <summary>Runs the emulator with arguments it should refuse; returns its exit code and what it wrote to stderr.</summary>
        public static (int ExitCode, string Errors) Refuse(params string[] arguments)
        {
            using var process = Process.Start(StartInfo(arguments))!;
            process.StandardInput.Close();
            string errors = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, errors);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(15000))
                {
                    _process.Kill();
                }
            }

            _process.Dispose();
        }

        private static ProcessStartInfo StartInfo(string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Assembly);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            return start;
        }
    }
}
