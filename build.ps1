<#
.SYNOPSIS
Builds, tests and packages PSRemoteLinks: one entry for PowerShell users, a thin layer over the dotnet CLI.

.DESCRIPTION
Build    dotnet publish src/PSRemoteLinks into <OutputPath>/PSRemoteLinks, an importable module folder.
Test     Build, then the suites named by -Suite (all by default), and a count of passed and failed tests for each:
         xunit     dotnet test: every xunit project of the solution.
         Pester    tests/Pester against the standalone emulator, in this PowerShell (and on Windows also in the
                   other edition found on PATH), with the Pester pinned in tools/Provision (fetched into .tools).
         Examples  every powershell block of README.md and docs/en-US in a real pwsh (tests/PwshExamples).
         Views     every format view rendered at 80 and 120 columns in a real pwsh, compared with tests/Views/expected.
         Gallery   the package installed with Install-PSResource from a local repository, then imported by name,
                   listed, its help shown and one cmdlet run, in fresh pwsh processes (tests/Gallery; not on Windows).
         The pwsh for Examples and Gallery is this one when it is PowerShell 7, else pwsh on PATH, else the pinned
         one installed into .tools/pwsh. Any failure fails the task, after every suite has run.
Package  Build, then <OutputPath>/PSRemoteLinks.<version>.nupkg for the PowerShell Gallery (tools/Package).
Clean    Deletes <OutputPath> and runs dotnet clean on the solution.

Runs in Windows PowerShell 5.1 and PowerShell 7.

.EXAMPLE
./build.ps1

Publishes the module (Release) into ./out/PSRemoteLinks; Import-Module ./out/PSRemoteLinks loads it.

.EXAMPLE
./build.ps1 -Task Test -Configuration Debug

.EXAMPLE
./build.ps1 -Task Test -Suite Pester, Examples

Only the suites that run outside the hosted engine; the summary counts just those.

.EXAMPLE
./build.ps1 -Task Package
Publish-PSResource -NupkgPath ./out/PSRemoteLinks.0.2.0.nupkg -Repository PSGallery -ApiKey $apiKey
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Where the module folder, the package and the Pester results go (default: out beside this script).
    [string] $OutputPath,

    # The suites -Task Test runs (default: all of them).
    [ValidateSet('xunit', 'Pester', 'Examples', 'Views', 'Gallery')]
    [string[]] $Suite = @('xunit', 'Pester', 'Examples', 'Views', 'Gallery')
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
. ([System.IO.Path]::Combine($Root, 'tests', 'Pester', 'ChildPowerShell.ps1'))
. ([System.IO.Path]::Combine($Root, 'tools', 'Provision', 'Provision.ps1'))

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
    $null = Write-Package
}

function Write-Package {
    # Packs the module folder Invoke-BuildTask published; returns the package's path.
    Write-Step "Package: the Gallery package into $OutputPath"
    Invoke-DotNet @('run', '--project', [System.IO.Path]::Combine($Root, 'tools', 'Package', 'Package.csproj'), '-c', $Configuration, '--',
        '--module', $ModuleFolder, '--output', $OutputPath)
    $version = (Import-PowerShellDataFile -Path ([System.IO.Path]::Combine($ModuleFolder, 'PSRemoteLinks.psd1'))).ModuleVersion
    [System.IO.Path]::Combine($OutputPath, "PSRemoteLinks.$version.nupkg")
}

function Invoke-TestTask {
    Invoke-BuildTask
    $results = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($OutputPath, 'TestResults')).FullName
    $counts = [System.Collections.Generic.List[object]]::new()
    if ($Suite -contains 'xunit') {
        $counts.Add((Invoke-XunitSuite))
    }

    $inPwsh = @($Suite | Where-Object { $_ -ne 'xunit' })
    if ($inPwsh.Count -gt 0) {
        $emulatorFolder = [System.IO.Path]::Combine($OutputPath, 'Emulator')
        Invoke-DotNet @('build', [System.IO.Path]::Combine($Root, 'tests', 'Emulator', 'Emulator.csproj'), '-c', $Configuration, '-o', $emulatorFolder)
        $emulatorPath = [System.IO.Path]::Combine($emulatorFolder, 'PSRemoteLinks.Emulator.dll')
        $pwsh = Find-Pwsh
        if ($Suite -contains 'Pester') {
            foreach ($pesterHost in @(Find-PesterHost $pwsh)) {
                $counts.Add((Invoke-PesterSuite -PowerShell $pesterHost -Name "Pester ($($pesterHost.Name))" -Path ([System.IO.Path]::Combine($Root, 'tests', 'Pester')) -EmulatorPath $emulatorPath))
            }
        }

        if ($Suite -contains 'Examples') {
            $counts.Add((Invoke-ExampleSuite -PowerShell $pwsh))
        }

        if ($Suite -contains 'Gallery') {
            foreach ($count in @(Invoke-GallerySuite -PowerShell $pwsh -EmulatorPath $emulatorPath)) {
                $counts.Add($count)
            }
        }

        if ($Suite -contains 'Views') {
            $counts.Add((Invoke-ViewSuite -PowerShell $pwsh))
        }

        # Another suite that runs in real pwsh goes here: one step that adds its [pscustomobject]@{ Suite; Passed; Failed }.
    }

    Write-TestSummary -Counts $counts -Path ([System.IO.Path]::Combine($results, 'summary.tsv'))
    $failed = @($counts | Where-Object { $_.Failed -gt 0 -or $_.Passed -eq 0 })
    if ($failed.Count -gt 0) {
        throw "Tests failed in: $(($failed | ForEach-Object { $_.Suite }) -join ', '). Reports are in $results."
    }
}

function Invoke-CleanTask {
    Write-Step "Clean: $OutputPath and the build output"
    Remove-Folder $OutputPath
    Invoke-DotNet @('clean', $Solution, '-c', $Configuration, '-v', 'quiet')
}

function Invoke-XunitSuite {
    Write-Step 'Test: the xunit suites (dotnet test)'
    $arguments = @('test', $Solution, '-c', $Configuration)
    $Host.UI.WriteLine('dotnet ' + ($arguments -join ' '))
    $passed = 0
    $failed = 0
    & $script:DotNet @arguments | ForEach-Object {
        # One "Failed: N, Passed: N, ..." summary line per test assembly.
        $line = [string] $_
        $Host.UI.WriteLine($line)
        $summary = [regex]::Match($line, 'Failed:\s+(?<failed>\d+),\s+Passed:\s+(?<passed>\d+)')
        if ($summary.Success) {
            $passed += [int] $summary.Groups['passed'].Value
            $failed += [int] $summary.Groups['failed'].Value
        }
    }

    if ($LASTEXITCODE -ne 0 -and $failed -eq 0) {
        # The build failed, or a test host crashed, before any test could be counted as failed.
        $failed = 1
    }

    [pscustomobject]@{ Suite = 'xunit (dotnet test)'; Passed = $passed; Failed = $failed }
}

function Find-Pwsh {
    # The PowerShell 7 that runs the real-pwsh suites: this one, else pwsh on PATH, else the pinned one in .tools.
    if ($PSVersionTable.PSEdition -eq 'Core') {
        return Get-CurrentPowerShell
    }

    $onPath = @(Get-Command -Name pwsh -CommandType Application -ErrorAction SilentlyContinue)
    if ($onPath.Count -gt 0) {
        return [pscustomobject]@{ FileName = $onPath[0].Path; Arguments = @(); Name = 'pwsh' }
    }

    $installed = Install-PinnedPowerShell -DotNet $script:DotNet -Root $Root
    [pscustomobject]@{ FileName = $installed; Arguments = @(); Name = 'pwsh ' + (Get-ProvisionedVersion -Root $Root -Name PowerShellVersion) }
}

function Find-PesterHost($Pwsh) {
    # pwsh, and on Windows also Windows PowerShell, so the suite proves both editions where both exist.
    $Pwsh
    if ((Test-Windows) -and $PSVersionTable.PSEdition -eq 'Core') {
        $desktop = @(Get-Command -Name powershell -CommandType Application -ErrorAction SilentlyContinue)
        if ($desktop.Count -gt 0) {
            [pscustomobject]@{ FileName = $desktop[0].Path; Arguments = @(); Name = 'powershell' }
        }
    }
    elseif ($PSVersionTable.PSEdition -eq 'Desktop') {
        Get-CurrentPowerShell
    }
}

function Invoke-PesterSuite {
    # Runs a folder of Pester tests in a new process of the given PowerShell against a fresh emulator (demo data),
    # and returns its counts from the NUnit report.
    param([psobject] $PowerShell, [string] $Name, [string] $Path, [string] $EmulatorPath, [hashtable] $Environment = @{})

    Write-Step "Test: $Name"
    $pester = Install-PinnedPester -DotNet $script:DotNet -Root $Root
    $report = [System.IO.Path]::Combine($OutputPath, 'TestResults', (($Name -replace '[^A-Za-z0-9.]+', '-').Trim('-') + '.xml'))
    if ([System.IO.File]::Exists($report)) {
        [System.IO.File]::Delete($report)
    }

    $runner = [System.IO.Path]::Combine($Root, 'tests', 'Pester', 'Invoke-Suite.ps1')
    $emulator = Start-TestEmulator -Path $EmulatorPath -DotNet $script:DotNet
    try {
        Set-TestEmulatorEnvironment -Emulator $emulator
        $Environment['PSREMOTELINKS_TEST_MODULE'] = [System.IO.Path]::Combine($ModuleFolder, 'PSRemoteLinks.psd1')
        foreach ($variable in $Environment.Keys) {
            [Environment]::SetEnvironmentVariable($variable, [string] $Environment[$variable])
        }

        & $PowerShell.FileName @($PowerShell.Arguments) -NoProfile -NonInteractive -ExecutionPolicy Bypass -File $runner -Path $Path -PesterPath $pester -ResultPath $report | Out-Host
    }
    finally {
        Stop-TestEmulator -Emulator $emulator
        Clear-TestEmulatorEnvironment
        foreach ($variable in $Environment.Keys) {
            [Environment]::SetEnvironmentVariable($variable, [NullString]::Value)
        }
    }

    Read-PesterCounts -Suite $Name -Report $report
}

function Read-PesterCounts([string] $Suite, [string] $Report) {
    if (-not [System.IO.File]::Exists($Report)) {
        # Pester never got to write its report (it could not start, or discovery failed).
        return [pscustomobject]@{ Suite = $Suite; Passed = 0; Failed = 1 }
    }

    $document = [xml] [System.IO.File]::ReadAllText($Report)
    $passed = @($document.SelectNodes("//test-case[@result='Success']")).Count
    $failed = @($document.SelectNodes("//test-case[@result='Failure' or @result='Error']")).Count
    [pscustomobject]@{ Suite = $Suite; Passed = $passed; Failed = $failed }
}

function Invoke-ExampleSuite([psobject] $PowerShell) {
    Write-Step "Test: every README and docs example in $($PowerShell.Name)"
    # The runner starts pwsh itself: a pwsh running as a .NET tool is handed over as its pwsh.dll.
    $pwshPath = if ($PowerShell.Arguments.Count -gt 0) { $PowerShell.Arguments[0] } else { $PowerShell.FileName }
    $result = [System.IO.Path]::Combine($OutputPath, 'TestResults', 'examples.json')
    if ([System.IO.File]::Exists($result)) {
        [System.IO.File]::Delete($result)
    }

    $arguments = @('run', '--project', [System.IO.Path]::Combine($Root, 'tests', 'PwshExamples', 'PwshExamples.csproj'), '-c', $Configuration, '--',
        '--pwsh', $pwshPath, '--module', [System.IO.Path]::Combine($ModuleFolder, 'PSRemoteLinks.psd1'), '--result', $result)
    $Host.UI.WriteLine('dotnet ' + ($arguments -join ' '))
    & $script:DotNet @arguments | Out-Host
    $name = "examples ($($PowerShell.Name))"
    if (-not [System.IO.File]::Exists($result)) {
        return [pscustomobject]@{ Suite = $name; Passed = 0; Failed = 1 }
    }

    $counts = [System.IO.File]::ReadAllText($result) | ConvertFrom-Json
    [pscustomobject]@{ Suite = $name; Passed = [int] $counts.passed; Failed = [int] $counts.failed }
}

function Invoke-ViewSuite([psobject] $PowerShell) {
    Write-Step "Test: every format view at 80 and 120 columns in $($PowerShell.Name)"
    $script = [System.IO.Path]::Combine($Root, 'tests', 'Views', 'Render-Views.ps1')
    $arguments = @($PowerShell.Arguments) + @('-NoProfile', '-NonInteractive', '-File', $script, '-Check', '-ModulePath', [System.IO.Path]::Combine($ModuleFolder, 'PSRemoteLinks.psd1'))
    # Render-Views ends with 'All N renderings match ...' or 'N rendering(s) differ ...'.
    $lines = @(& $PowerShell.FileName @arguments 2>&1 | ForEach-Object { $line = [string] $_; $Host.UI.WriteLine($line); $line })
    $code = $LASTEXITCODE
    $all = $lines | ForEach-Object { [regex]::Match($_, '^All (?<n>\d+) renderings match') } | Where-Object Success | Select-Object -Last 1
    $differ = $lines | ForEach-Object { [regex]::Match($_, '^(?<n>\d+) rendering\(s\) differ') } | Where-Object Success | Select-Object -Last 1
    $name = "views ($($PowerShell.Name))"
    if ($code -eq 0 -and $all) {
        return [pscustomobject]@{ Suite = $name; Passed = [int] $all.Groups['n'].Value; Failed = 0 }
    }

    $failed = if ($differ) { [int] $differ.Groups['n'].Value } else { 1 }
    [pscustomobject]@{ Suite = $name; Passed = 0; Failed = $failed }
}

function Invoke-GallerySuite([psobject] $PowerShell, [string] $EmulatorPath) {
    if (Test-Windows) {
        # No count: a suite that did not run is not a suite that passed.
        $Host.UI.WriteWarningLine('The Gallery round trip does not run on Windows (Install-PSResource -Scope CurrentUser writes to the Documents folder, which cannot be redirected to a temporary one).')
        return
    }

    $package = Write-Package
    Invoke-PesterSuite -PowerShell $PowerShell -Name "Gallery round trip ($($PowerShell.Name))" -Path ([System.IO.Path]::Combine($Root, 'tests', 'Gallery')) `
        -EmulatorPath $EmulatorPath -Environment @{ PSREMOTELINKS_TEST_PACKAGE = $package }
}

function Write-TestSummary($Counts, [string] $Path) {
    $lines = foreach ($count in $Counts) {
        $Host.UI.WriteLine(('{0,-45} {1,5} passed, {2} failed' -f $count.Suite, $count.Passed, $count.Failed))
        $count.Suite, $count.Passed, $count.Failed -join "`t"
    }

    [System.IO.File]::WriteAllLines($Path, [string[]] @($lines))
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
