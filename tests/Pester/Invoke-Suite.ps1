# Runs the Pester suite of this folder and exits with the number of failed tests. build.ps1 -Task Test starts it
# in a new PowerShell process (so the module under test is never loaded into the build's own session), after it
# has started the emulator and set the PSREMOTELINKS_TEST_* variables. Windows PowerShell 5.1 and PowerShell 7.
param(
    # Where the NUnit XML report goes.
    [Parameter(Mandatory = $true)]
    [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
Import-Module -Name Pester -MinimumVersion 5.3.0

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
Invoke-Pester -Configuration $configuration
