# Starts new PowerShell processes the way a user starts one (-NoProfile -NonInteractive -File), with an environment
# of the caller's choosing, for the suites that need a fresh process: the Gallery round trip (tests/Gallery) and
# build.ps1. Dot-source it. Get-CurrentPowerShell runs in Windows PowerShell 5.1 too; Invoke-ChildPowerShell needs
# PowerShell 7 (ProcessStartInfo.ArgumentList).

function Get-CurrentPowerShell {
    <#
    .SYNOPSIS
    How to start another process of the PowerShell running this script: its executable, and for pwsh installed as a
    .NET tool (whose process is dotnet), the pwsh.dll to hand to it.
    #>
    [CmdletBinding()]
    param()

    $process = [System.Diagnostics.Process]::GetCurrentProcess()
    $executable = $process.MainModule.FileName
    $process.Dispose()
    $arguments = @()
    if ([System.IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') {
        $arguments = @([System.IO.Path]::Combine($PSHOME, 'pwsh.dll'))
    }

    [pscustomobject]@{
        FileName  = $executable
        Arguments = $arguments
        Name      = '{0} {1}' -f $(if ($PSVersionTable.PSEdition -eq 'Core') { 'pwsh' } else { 'powershell' }), $PSVersionTable.PSVersion
    }
}

function Invoke-ChildPowerShell {
    <#
    .SYNOPSIS
    Runs a script file in a new PowerShell process and returns its exit code, standard output and standard error.
    .DESCRIPTION
    The child gets this process's environment, with -Environment's entries set and -RemoveEnvironment's removed.
    It stops the child after -TimeoutSec.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [psobject] $PowerShell,
        [Parameter(Mandatory = $true)] [string] $File,
        [string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{},
        [string[]] $RemoveEnvironment = @(),
        [ValidateRange(1, 3600)] [int] $TimeoutSec = 300
    )

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new()
    $startInfo.FileName = $PowerShell.FileName
    foreach ($argument in @($PowerShell.Arguments) + @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $File) + $ArgumentList) {
        $startInfo.ArgumentList.Add($argument)
    }

    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    foreach ($name in $RemoveEnvironment) {
        $null = $startInfo.Environment.Remove($name)
    }

    foreach ($name in $Environment.Keys) {
        $startInfo.Environment[$name] = [string] $Environment[$name]
    }

    $process = [System.Diagnostics.Process]::Start($startInfo)
    try {
        $process.StandardInput.Close()
        $output = $process.StandardOutput.ReadToEndAsync()
        $errors = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) {
            $process.Kill()
            $process.WaitForExit()
            throw "$($PowerShell.Name) running '$File' did not finish within $TimeoutSec s and was stopped; it printed:`n$($output.Result)`n$($errors.Result)"
        }

        [pscustomobject]@{
            ExitCode = $process.ExitCode
            Output   = $output.Result
            Errors   = $errors.Result
        }
    }
    finally {
        $process.Dispose()
    }
}
