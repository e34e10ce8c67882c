# Starts and stops the standalone emulator (tests/Emulator) that the Pester suite runs against, and hands its
# address and demo credentials to the suite through PSREMOTELINKS_TEST_* environment variables.
# Dot-sourced by build.ps1. Written for Windows PowerShell 5.1 and PowerShell 7 alike, with the engine's core
# commands and .NET only, so the xunit suite can run it in its hosted engine too.

# The environment variables TestHelpers.ps1 reads, by the emulator property each one carries.
$TestEmulatorVariables = [ordered]@{
    JiraUri                 = 'PSREMOTELINKS_TEST_JIRA_URI'
    JiraUser                = 'PSREMOTELINKS_TEST_JIRA_USER'
    JiraApiToken            = 'PSREMOTELINKS_TEST_JIRA_API_TOKEN'
    JiraPersonalAccessToken = 'PSREMOTELINKS_TEST_JIRA_PAT'
    TrackerUri              = 'PSREMOTELINKS_TEST_TRACKER_URI'
    TrackerOrgId            = 'PSREMOTELINKS_TEST_TRACKER_ORG_ID'
    TrackerOAuthToken       = 'PSREMOTELINKS_TEST_TRACKER_TOKEN'
    TrackerCloudOrgId       = 'PSREMOTELINKS_TEST_TRACKER_CLOUD_ORG_ID'
    TrackerIamToken         = 'PSREMOTELINKS_TEST_TRACKER_IAM_TOKEN'
}

function ConvertFrom-EmulatorBanner {
    <#
    .SYNOPSIS
    Reads the addresses and demo credentials from the lines the emulator prints when it starts.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string[]] $Line
    )

    $text = $Line -join "`n"
    $jira = [regex]::Match($text, '(?m)^Jira:\s+(?<uri>\S+)\s+\(user (?<user>[^,]+), API token (?<token>[^,]+), PAT (?<pat>[^)]+)\)')
    $tracker = [regex]::Match($text, '(?m)^Tracker:\s+(?<uri>\S+)\s+\(X-Org-ID (?<org>[^,]+), OAuth token (?<token>[^;]+); X-Cloud-Org-ID (?<cloudOrg>[^,]+), IAM token (?<iam>[^)]+)\)')
    if (-not $jira.Success -or -not $tracker.Success) {
        throw "The emulator's banner did not name its Jira and Tracker addresses and credentials; it printed:`n$text"
    }

    [pscustomobject]@{
        JiraUri                 = $jira.Groups['uri'].Value
        JiraUser                = $jira.Groups['user'].Value
        JiraApiToken            = $jira.Groups['token'].Value
        JiraPersonalAccessToken = $jira.Groups['pat'].Value
        TrackerUri              = $tracker.Groups['uri'].Value
        TrackerOrgId            = $tracker.Groups['org'].Value
        TrackerOAuthToken       = $tracker.Groups['token'].Value
        TrackerCloudOrgId       = $tracker.Groups['cloudOrg'].Value
        TrackerIamToken         = $tracker.Groups['iam'].Value
    }
}

function Start-TestEmulator {
    <#
    .SYNOPSIS
    Starts the built emulator with its demo data (--seed) and returns its addresses, credentials and process.
    .DESCRIPTION
    Runs `dotnet <Path> --seed` on a free loopback port with standard input and output redirected: the banner is
    read from standard output, and closing standard input is how Stop-TestEmulator asks it to stop (the same on
    Windows and elsewhere). The built assembly is started directly rather than through `dotnet run`, so there is
    exactly one process to stop.
    #>
    [CmdletBinding()]
    param(
        # PSRemoteLinks.Emulator.dll, as `dotnet build tests/Emulator` writes it.
        [Parameter(Mandatory = $true)]
        [string] $Path,

        # How long the emulator may take to print its banner.
        [ValidateRange(1, 600)]
        [int] $TimeoutSec = 60,

        # More options for the emulator, such as '--latency', '200' or '--fault', '429*2' (its --help lists them).
        [string[]] $ArgumentList = @(),

        [string] $DotNet = 'dotnet'
    )

    $emulatorPath = [System.IO.Path]::GetFullPath($Path)
    if (-not [System.IO.File]::Exists($emulatorPath)) {
        throw "The emulator '$emulatorPath' does not exist: build it first (dotnet build tests/Emulator)."
    }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new()
    $startInfo.FileName = $DotNet
    $startInfo.Arguments = (@('"' + $emulatorPath + '"', '--seed') + @($ArgumentList | ForEach-Object { '"' + $_ + '"' })) -join ' '
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.CreateNoWindow = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)

    $banner = [System.Collections.Generic.List[string]]::new()
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    try {
        while ($true) {
            $remaining = $deadline - [DateTime]::UtcNow
            $read = $process.StandardOutput.ReadLineAsync()
            if ($remaining -le [TimeSpan]::Zero -or -not $read.Wait($remaining)) {
                throw "The emulator printed no complete banner within $TimeoutSec s; it printed:`n$($banner -join "`n")"
            }

            if ($null -eq $read.Result) {
                $process.WaitForExit()
                throw "The emulator exited with code $($process.ExitCode) before it was ready; it printed:`n$($banner -join "`n")"
            }

            $banner.Add($read.Result)
            if ($read.Result.StartsWith('Press Ctrl+C', [StringComparison]::Ordinal)) {
                break
            }
        }

        $emulator = ConvertFrom-EmulatorBanner -Line $banner.ToArray()
    }
    catch {
        if (-not $process.HasExited) {
            $process.Kill()
            $process.WaitForExit()
        }

        $process.Dispose()
        throw
    }

    $emulator.PSObject.Properties.Add([System.Management.Automation.PSNoteProperty]::new('Process', $process))
    $emulator
}

function Stop-TestEmulator {
    <#
    .SYNOPSIS
    Stops an emulator Start-TestEmulator started: closes its standard input, and kills it if it has not ended 15 s later.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [psobject] $Emulator
    )

    $process = $Emulator.Process
    try {
        if (-not $process.HasExited) {
            $process.StandardInput.Close()
            if (-not $process.WaitForExit(15000)) {
                $process.Kill()
                $process.WaitForExit()
            }
        }
    }
    finally {
        $process.Dispose()
    }
}

function Set-TestEmulatorEnvironment {
    <#
    .SYNOPSIS
    Puts an emulator's address and credentials into the PSREMOTELINKS_TEST_* variables of this process (and so of
    the processes it starts), where TestHelpers.ps1 reads them.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [psobject] $Emulator
    )

    foreach ($property in $TestEmulatorVariables.Keys) {
        [Environment]::SetEnvironmentVariable($TestEmulatorVariables[$property], [string] $Emulator.$property)
    }
}

function Clear-TestEmulatorEnvironment {
    <#
    .SYNOPSIS
    Removes the PSREMOTELINKS_TEST_* variables Set-TestEmulatorEnvironment set.
    #>
    [CmdletBinding()]
    param()

    foreach ($name in $TestEmulatorVariables.Values) {
        # [NullString]: a plain $null would reach .NET as an empty string, which leaves the variable defined.
        [Environment]::SetEnvironmentVariable($name, [NullString]::Value)
    }
}
