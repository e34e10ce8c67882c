# Shared by every *.Tests.ps1: dot-source it in the file's BeforeAll (. "$PSScriptRoot/TestHelpers.ps1").
# It imports the module under test, reads the emulator's address and demo credentials from the
# PSREMOTELINKS_TEST_* environment variables (build.ps1 -Task Test starts the emulator and sets them; see
# TestEmulator.ps1), and gives the tests small helpers. Windows PowerShell 5.1 and PowerShell 7 alike.

# A misspelt property or variable in a test fails the test instead of comparing $null.
Set-StrictMode -Version Latest

function Get-TestSetting {
    # One PSREMOTELINKS_TEST_* variable; a clear error when the suite was started without an emulator.
    param([Parameter(Mandatory = $true)] [string] $Name)

    $value = [Environment]::GetEnvironmentVariable('PSREMOTELINKS_TEST_' + $Name)
    if ([string]::IsNullOrEmpty($value)) {
        throw "PSREMOTELINKS_TEST_$Name is not set. Run the suite with ./build.ps1 -Task Test, which starts the emulator and sets the PSREMOTELINKS_TEST_* variables, or start one yourself: . ./tests/Pester/TestEmulator.ps1; `$e = Start-TestEmulator -Path <PSRemoteLinks.Emulator.dll>; Set-TestEmulatorEnvironment `$e."
    }

    $value
}

function New-TestSecureString {
    param([Parameter(Mandatory = $true)] [string] $Text)

    [System.Net.NetworkCredential]::new('', $Text).SecurePassword
}

function New-TestName {
    # A name no other test uses, for connections, titles and global ids.
    param([Parameter(Mandatory = $true)] [string] $Prefix)

    $Prefix + '-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
}

function Import-TestModule {
    # Imports the module under test once per session, refuses another PSRemoteLinks already loaded, and returns
    # the manifest's path.
    $manifest = [Environment]::GetEnvironmentVariable('PSREMOTELINKS_TEST_MODULE')
    if ([string]::IsNullOrEmpty($manifest)) {
        $manifest = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'PSRemoteLinks', 'PSRemoteLinks.psd1')
    }

    $manifest = [System.IO.Path]::GetFullPath($manifest)
    if (-not [System.IO.File]::Exists($manifest)) {
        throw "The module under test '$manifest' does not exist: build it first with ./build.ps1 (or set PSREMOTELINKS_TEST_MODULE)."
    }

    $loaded = Get-Module -Name PSRemoteLinks
    if ($null -ne $loaded) {
        $loadedFolder = [System.IO.Path]::GetFullPath($loaded.ModuleBase).TrimEnd('\', '/')
        if ($loadedFolder -ne [System.IO.Path]::GetDirectoryName($manifest)) {
            throw "This session already loaded PSRemoteLinks from '$loadedFolder'; run the suite in a new session so it tests '$manifest'."
        }
    }
    else {
        Import-Module -Name $manifest -ErrorAction Stop
    }

    $manifest
}

$TestModuleManifest = Import-TestModule

$TestEmulator = [pscustomobject]@{
    JiraUri                 = [uri] (Get-TestSetting 'JIRA_URI')
    JiraUser                = Get-TestSetting 'JIRA_USER'
    JiraCredential          = [pscredential]::new((Get-TestSetting 'JIRA_USER'), (New-TestSecureString (Get-TestSetting 'JIRA_API_TOKEN')))
    JiraApiToken            = Get-TestSetting 'JIRA_API_TOKEN'
    JiraPersonalAccessToken = New-TestSecureString (Get-TestSetting 'JIRA_PAT')
    TrackerUri              = [uri] (Get-TestSetting 'TRACKER_URI')
    TrackerOrgId            = Get-TestSetting 'TRACKER_ORG_ID'
    TrackerToken            = New-TestSecureString (Get-TestSetting 'TRACKER_TOKEN')
    TrackerTokenText        = Get-TestSetting 'TRACKER_TOKEN'
    TrackerCloudOrgId       = Get-TestSetting 'TRACKER_CLOUD_ORG_ID'
    TrackerIamToken         = New-TestSecureString (Get-TestSetting 'TRACKER_IAM_TOKEN')
}

function Connect-TestJira {
    # A verified connection to the emulator's Jira under a name of its own; the caller disconnects it.
    param([string] $Name = (New-TestName 'jira'))

    Connect-Jira -Uri $TestEmulator.JiraUri -Credential $TestEmulator.JiraCredential -Name $Name -PassThru -ErrorAction Stop
}

function Connect-TestTracker {
    # A verified connection to the emulator's Tracker organisation under a name of its own; the caller disconnects it.
    param([string] $Name = (New-TestName 'tracker'))

    Connect-YandexTracker -Uri $TestEmulator.TrackerUri -Token $TestEmulator.TrackerToken -OrgId $TestEmulator.TrackerOrgId -Name $Name -PassThru -ErrorAction Stop
}

function Invoke-InNewSession {
    <#
    Runs a script in a new runspace of this process that has imported only the module under test, so it sees no
    connection of this session. Returns its Output, its non-terminating Errors, and in TerminatingError the record
    of the error that stopped it (caught by try/catch there: only a terminating error is).
    #>
    param(
        [Parameter(Mandatory = $true)] [string] $Script,
        [hashtable] $Variables = @{}
    )

    $runspace = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
    $shell = [powershell]::Create()
    try {
        $runspace.Open()
        $shell.Runspace = $runspace
        foreach ($name in $Variables.Keys) {
            $runspace.SessionStateProxy.SetVariable($name, $Variables[$name])
        }

        $caught = 'PSRemoteLinksTestTerminatingError'
        $null = $shell.AddCommand('Import-Module').AddParameter('Name', $TestModuleManifest).AddParameter('ErrorAction', 'Stop')
        $null = $shell.AddStatement().AddScript("try {`n$Script`n} catch { `$$caught = `$_ }")
        $output = $shell.Invoke()

        [pscustomobject]@{
            Output           = @($output)
            Errors           = @($shell.Streams.Error)
            TerminatingError = $runspace.SessionStateProxy.GetVariable($caught)
        }
    }
    finally {
        $shell.Dispose()
        $runspace.Dispose()
    }
}
