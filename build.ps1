<#
.SYNOPSIS
Builds, tests and packages PSRemoteLinks: one entry for PowerShell users, a thin layer over the dotnet CLI.

.DESCRIPTION
Build    dotnet publish src/PSRemoteLinks into <OutputPath>/PSRemoteLinks, an importable module folder.
Test     Build, then dotnet test (every xunit suite), then the Pester suite of tests/Pester against the
         standalone emulator, in each PowerShell here that has Pester 5.3 or later (pwsh, and on Windows also
         Windows PowerShell). Where none has, the Pester run is skipped with a warning.
Package  Build, then <OutputPath>/PSRemoteLinks.<version>.nupkg for the PowerShell Gallery (tools/Package).
Clean    Deletes <OutputPath> and runs dotnet clean on the solution.

Runs in Windows PowerShell 5.1 and PowerShell 7. It uses only the engine's core commands and .NET, so the xunit
suite can run it in its hosted engine, where the Utility and Management cmdlets do not exist.

.EXAMPLE
./build.ps1

Publishes the module (Release) into ./out/PSRemoteLinks; Import-Module ./out/PSRemoteLinks loads it.

.EXAMPLE
./build.ps1 -Task Test -Configuration Debug

.EXAMPLE
./build.ps1 -Task Package
Publish-PSResource -NupkgPath ./out/PSRemoteLinks.0.1.0.nupkg -Repository PSGallery -ApiKey $apiKey
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Where the module folder, the package and the Pester results go (default: out beside this script).
    [string] $OutputPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
# Exit codes of native commands are checked where each one runs (PowerShell 7.3+ could also throw on them).
$PSNativeCommandUseErrorActionPreference = $false

$Root = $PSScriptRoot
if ([string]::IsNullOrEmpty($OutputPath)) {
    $OutputPath = [System.IO.Path]::Combine($Root, 'out')
}

$OutputPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath)
if ($OutputPath.Length -gt 3) {
    # Windows PowerShell passes "C:\out\" to dotnet as a quote escaped by the last backslash.
    $OutputPath = $OutputPath.TrimEnd('\', '/')
}
$ModuleFolder = [System.IO.Path]::Combine($OutputPath, 'PSRemoteLinks')
$Solution = [System.IO.Path]::Combine($Root, 'PSRemoteLinks.sln')

. ([System.IO.Path]::Combine($Root, 'tests', 'Pester', 'TestEmulator.ps1'))

function Write-Step([string] $Message) {
    $Host.UI.WriteLine('==> ' + $Message)
}

function Invoke-DotNet {
    # Runs the dotnet CLI, showing its output, and stops the build when it fails.
    param([Parameter(Mandatory = $true)] [string[]] $Arguments)

    $Host.UI.WriteLine('dotnet ' + ($Arguments -join ' '))
    & $script:DotNet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
    }
}

function Remove-Folder([string] $Path) {
    if (-not [System.IO.Directory]::Exists($Path)) {
        return
    }

    try {
        [System.IO.Directory]::Delete($Path, $true)
    }
    catch {
        $reason = $_.Exception
        if ($null -ne $reason.InnerException) {
            $reason = $reason.InnerException
        }

        throw "Could not delete '$Path': $($reason.Message) On Windows a PowerShell session that imported the module from there keeps its files open: close it and build again."
    }
}

function Test-Windows {
    [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
}

function Invoke-BuildTask {
    Write-Step "Build ($Configuration): the module into $ModuleFolder"
    # Publishing adds files but never deletes stale ones, and the package takes the whole folder.
    Remove-Folder $ModuleFolder
    Invoke-DotNet @('publish', [System.IO.Path]::Combine($Root, 'src', 'PSRemoteLinks', 'PSRemoteLinks.csproj'), '-c', $Configuration, '-o', $ModuleFolder)
}

function Invoke-PackageTask {
    Invoke-BuildTask
    Write-Step "Package: the Gallery package into $OutputPath"
    Invoke-DotNet @('run', '--project', [System.IO.Path]::Combine($Root, 'tools', 'Package', 'Package.csproj'), '-c', $Configuration, '--',
        '--module', $ModuleFolder, '--output', $OutputPath)
}

function Invoke-TestTask {
    Invoke-BuildTask
    Write-Step 'Test: the xunit suites'
    Invoke-DotNet @('test', $Solution, '-c', $Configuration)
    Invoke-PesterSuite
}

function Invoke-CleanTask {
    Write-Step "Clean: $OutputPath and the build output"
    Remove-Folder $OutputPath
    Invoke-DotNet @('clean', $Solution, '-c', $Configuration, '-v', 'quiet')
}

function Find-PesterHost {
    # The PowerShells here that can run the suite: pwsh, and on Windows also Windows PowerShell, with Pester 5.3+.
    $names = @('pwsh')
    if (Test-Windows) {
        $names += 'powershell'
    }

    $check = 'if (@(Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version] ''5.3.0'' }).Count -gt 0) { exit 0 } else { exit 1 }'
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($check))
    foreach ($name in $names) {
        $command = @(Get-Command -Name $name -CommandType Application -ErrorAction SilentlyContinue)
        if ($command.Count -eq 0) {
            $Host.UI.WriteLine("$name is not installed here: the Pester suite does not run in it.")
            continue
        }

        & $command[0].Path -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand $encoded | Out-Host
        if ($LASTEXITCODE -eq 0) {
            [pscustomobject]@{ Name = $name; Path = $command[0].Path }
        }
        else {
            $Host.UI.WriteWarningLine("$name has no Pester 5.3 or later, so the Pester suite does not run in it. Install-Module Pester -MinimumVersion 5.3.0 -Scope CurrentUser (in $name) adds it.")
        }
    }
}

function Invoke-PesterSuite {
    $pesterHosts = @(Find-PesterHost)
    if ($pesterHosts.Count -eq 0) {
        $Host.UI.WriteWarningLine('The Pester suite (tests/Pester) did not run: no PowerShell here has Pester 5.3 or later. The xunit suites above ran.')
        return
    }

    $emulatorFolder = [System.IO.Path]::Combine($OutputPath, 'Emulator')
    Invoke-DotNet @('build', [System.IO.Path]::Combine($Root, 'tests', 'Emulator', 'Emulator.csproj'), '-c', $Configuration, '-o', $emulatorFolder)
    $results = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($OutputPath, 'TestResults')).FullName
    $runner = [System.IO.Path]::Combine($Root, 'tests', 'Pester', 'Invoke-Suite.ps1')
    $failedIn = @()
    foreach ($pesterHost in $pesterHosts) {
        Write-Step "Test: the Pester suite in $($pesterHost.Name)"
        # A fresh emulator per PowerShell, so each run starts from the demo data.
        $emulator = Start-TestEmulator -Path ([System.IO.Path]::Combine($emulatorFolder, 'PSRemoteLinks.Emulator.dll')) -DotNet $script:DotNet
        try {
            Set-TestEmulatorEnvironment -Emulator $emulator
            [Environment]::SetEnvironmentVariable('PSREMOTELINKS_TEST_MODULE', [System.IO.Path]::Combine($ModuleFolder, 'PSRemoteLinks.psd1'))
            & $pesterHost.Path -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $runner -ResultPath ([System.IO.Path]::Combine($results, "Pester-$($pesterHost.Name).xml")) | Out-Host
            if ($LASTEXITCODE -ne 0) {
                $failedIn += $pesterHost.Name
            }
        }
        finally {
            Stop-TestEmulator -Emulator $emulator
            Clear-TestEmulatorEnvironment
            [Environment]::SetEnvironmentVariable('PSREMOTELINKS_TEST_MODULE', [NullString]::Value)
        }
    }

    if ($failedIn.Count -gt 0) {
        throw "The Pester suite failed in $($failedIn -join ' and '); the report is in $results."
    }
}

$dotNetCommand = @(Get-Command -Name dotnet -CommandType Application -ErrorAction SilentlyContinue)
if ($dotNetCommand.Count -eq 0) {
    throw 'The .NET SDK (the dotnet command) is needed to build PSRemoteLinks; install it and run the build again.'
}

$DotNet = $dotNetCommand[0].Path

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Test' { Invoke-TestTask }
    'Package' { Invoke-PackageTask }
    'Clean' { Invoke-CleanTask }
}

Write-Step "$Task done."
