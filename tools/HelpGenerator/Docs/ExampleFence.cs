using System;
using System.Linq;
using PSRemoteLinks.HelpGenerator.Markdown;

namespace PSRemoteLinks.HelpGenerator.Docs;

/// <summary>
/// The options a ```powershell block may carry, which say how the documentation tests run it against the
/// emulator (docs/README.md): by default after connecting to Jira; <c>tracker</c> after connecting to Yandex
/// Tracker instead; <c>no-connect</c> without connecting first (the block connects itself); <c>no-run</c> only
/// parsed, with every module command and parameter it uses resolved.
/// </summary>
public static class ExampleFence
{
    public const string Tracker = "tracker";
    public const string NoConnect = "no-connect";
    public const string NoRun = "no-run";

    private static readonly string[] Known = { Tracker, NoConnect, NoRun };

    public static bool Has(Fence fence, string option)
    {
        ArgumentNullException.ThrowIfNull(fence);
        return fence.Options.Contains(option, StringComparer.Ordinal);
    }

    public static void Check(Fence fence, Action<int, string> report)
    {
        ArgumentNullException.ThrowIfNull(fence);
        ArgumentNullException.ThrowIfNull(report);
        foreach (string option in fence.Options.Where(o => !Known.Contains(o, StringComparer.Ordinal)))
        {
            report(fence.Line, $"'{option}' is not a ```powershell option; the options are {string.Join(", ", Known)}.");
        }

        if (fence.Options.Count > 1)
        {
            report(fence.Line, "a ```powershell block takes at most one option.");
        }

        if (fence.Code.Trim().Length == 0)
        {
            report(fence.Line, "the ```powershell block is empty.");
        }
    }
}
