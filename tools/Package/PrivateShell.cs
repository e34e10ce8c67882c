using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PSRemoteLinks.Packaging;

/// <summary>A PowerShell of its own for checking a manifest or a package (execution policy bypassed on Windows).</summary>
internal static class PrivateShell
{
    public static PowerShell Create()
    {
        InitialSessionState state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        return PowerShell.Create(state);
    }
}
