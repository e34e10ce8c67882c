# Runs a folder of Pester tests (by default this one) and exits with the number of failed tests. build.ps1 -Task
# Test starts it in a new PowerShell process (so the module under test is never loaded into the build's own
# session), after it has started the emulator and set the PSREMOTELINKS_TEST_* variables. Windows PowerShell 5.1 and
# PowerShell 7; in Windows PowerShell, tests tagged PowerShell7 (ForEach-Object -Parallel...) are left out.
param(
    # Where the NUnit XML report goes.
    [Parameter(Mandatory = $true)]
    [string] $ResultPath,

    # The folder of *.Tests.ps1 files to run.
    [string] $Path = $PSScriptRoot,

    # The Pester manifest to import (build.ps1 passes the pinned one); by default Pester 5.3 or later by name.
    [string] $PesterPath
)

$ErrorActionPreference = 'Stop'
if ([string]::IsNullOrEmpty($PesterPath)) {
    Import-Module -Name Pester -MinimumVersion 5.3.0
}
else {
    Import-Module -Name $PesterPath
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
if ($PSVersionTable.PSEdition -eq 'Desktop') {
    $configuration.Filter.ExcludeTag = @('PowerShell7')
}

Invoke-Pester -Configuration $configuration
