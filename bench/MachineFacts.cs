using System;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace PSRemoteLinks.Bench;

/// <summary>What the numbers were measured on: they mean little without it.</summary>
internal sealed class MachineFacts
{
    private MachineFacts(string engineVersion, string moduleVersion)
    {
        EngineVersion = engineVersion;
        ModuleVersion = moduleVersion;
        LoadAtStart = LoadAverage();
    }

    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    public string EngineVersion { get; }

    public string ModuleVersion { get; }

    /// <summary>The configuration this benchmark was built in; tests/PublishModule.targets publishes the module in the same one.</summary>
    private static string Configuration =>
        typeof(MachineFacts).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";

    public string? LoadAtStart { get; }

    public static MachineFacts Collect(BenchWorld world)
    {
        string engine = world.Run("$PSVersionTable.PSVersion.ToString()").Output[0].ToString();
        string module = world.Run("(Get-Module PSRemoteLinks).Version.ToString()").Output[0].ToString();
        return new MachineFacts(engine, module);
    }

    public string Markdown(BenchSettings settings)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {Started:yyyy-MM-dd HH:mm} UTC ({(settings.Quick ? "quick run" : "full run")})");
        text.AppendLine(CultureInfo.InvariantCulture, $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Cores: {Environment.ProcessorCount}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- .NET: {RuntimeInformation.FrameworkDescription}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- System.Management.Automation: {EngineVersion} (hosted in-process)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- PSRemoteLinks: {ModuleVersion} (published {Configuration} build)");
        string? loadAtEnd = LoadAverage();
        if (LoadAtStart is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1/5/15 min): {LoadAtStart} at start, {loadAtEnd} at end");
        }

        if (!string.IsNullOrWhiteSpace(settings.Note))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Note: {settings.Note}");
        }

        return text.ToString().TrimEnd();
    }

    private static string? LoadAverage()
    {
        try
        {
            string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts.Length >= 3 ? $"{parts[0]} / {parts[1]} / {parts[2]}" : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
