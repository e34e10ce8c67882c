using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace PSRemoteLinks.PwshExamples;

/// <summary>
/// One run of a script file in a new pwsh process, as a user runs one: <c>pwsh -NoProfile -NonInteractive -File</c>.
/// A pwsh.dll (pwsh installed as a .NET tool, seen from inside) is started through dotnet. <paramref name="ModuleFolder"/>
/// goes first on PSModulePath, so a new runspace (ForEach-Object -Parallel, Start-ThreadJob) loads the module by
/// itself, as it does for an installed one.
/// </summary>
internal sealed record PwshProcess(string Path, string ModuleFolder)
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(2);

    public async Task<(int ExitCode, string Output, string Errors)> RunAsync(string scriptPath)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        bool throughDotNet = Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        start.FileName = throughDotNet ? "dotnet" : Path;
        var arguments = new List<string>();
        if (throughDotNet)
        {
            arguments.Add(Path);
        }

        arguments.AddRange(new[] { "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", scriptPath });
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        start.Environment["PSModulePath"] = ModuleFolder + System.IO.Path.PathSeparator + Environment.GetEnvironmentVariable("PSModulePath");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Path + ".");
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        Task exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeLimit)).ConfigureAwait(false) != exited)
        {
            process.Kill(entireProcessTree: true);
            await exited.ConfigureAwait(false);
            return (-1, await output.ConfigureAwait(false), $"pwsh did not finish within {TimeLimit.TotalSeconds} s and was stopped.\n" + await errors.ConfigureAwait(false));
        }

        return (process.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
    }
}
