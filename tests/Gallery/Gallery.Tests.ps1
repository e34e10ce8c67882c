# The Gallery round trip, as a user lives it: the package build.ps1 -Task Package wrote is installed with
# Install-PSResource from a local PSResourceGet repository, then a fresh pwsh imports PSRemoteLinks by name, lists
# its commands, shows their help and runs one cmdlet against the emulator. Every pwsh involved gets a temporary HOME
# (and no inherited PSModulePath), so the repository, the installed module and PSResourceGet's settings live there
# and are deleted afterwards: nothing is left in the user's own profile. Needs PowerShell 7 on Linux or macOS
# (on Windows the user's module folder follows the Documents folder, not HOME). build.ps1 -Task Test runs it with
# PSREMOTELINKS_TEST_PACKAGE and the emulator's PSREMOTELINKS_TEST_* variables set.

BeforeAll {
    Set-StrictMode -Version Latest
    . ([System.IO.Path]::Combine($PSScriptRoot, '..', 'Pester', 'ChildPowerShell.ps1'))

    function Get-Setting([string] $Name) {
        $value = [Environment]::GetEnvironmentVariable($Name)
        if ([string]::IsNullOrEmpty($value)) {
            throw "$Name is not set: run this suite through ./build.ps1 -Task Test -Suite Gallery."
        }

        $value
    }

    $package = Get-Setting 'PSREMOTELINKS_TEST_PACKAGE'
    $version = [regex]::Match([System.IO.Path]::GetFileNameWithoutExtension($package), '^PSRemoteLinks\.(?<v>\d+\.\d+\.\d+.*)$').Groups['v'].Value
    $work = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'PSRemoteLinks.Gallery.' + [guid]::NewGuid().ToString('N'))).FullName
    $repository = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($work, 'repository')).FullName
    $userHome = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($work, 'home')).FullName
    [System.IO.File]::Copy($package, [System.IO.Path]::Combine($repository, [System.IO.Path]::GetFileName($package)))

    # The user's own PSResourceGet settings, to prove afterwards that the round trip did not touch them.
    $realStore = [System.IO.Path]::Combine([Environment]::GetFolderPath('LocalApplicationData'), 'PSResourceGet', 'PSResourceRepository.xml')
    $realStoreBefore = if ([System.IO.File]::Exists($realStore)) { [System.IO.File]::ReadAllText($realStore) } else { $null }

    $shell = Get-CurrentPowerShell
    $isolated = @{ HOME = $userHome }
    $inherited = @('PSModulePath', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME')

    $install = Invoke-ChildPowerShell -PowerShell $shell -File ([System.IO.Path]::Combine($PSScriptRoot, 'Install.ps1')) `
        -ArgumentList @('-RepositoryPath', $repository, '-Version', $version) -Environment $isolated -RemoveEnvironment $inherited
    $installed = if ($install.ExitCode -eq 0) { $install.Output | ConvertFrom-Json } else { $null }

    $use = Invoke-ChildPowerShell -PowerShell $shell -File ([System.IO.Path]::Combine($PSScriptRoot, 'UseInstalled.ps1')) `
        -ArgumentList @('-JiraUri', (Get-Setting 'PSREMOTELINKS_TEST_JIRA_URI'), '-JiraUser', (Get-Setting 'PSREMOTELINKS_TEST_JIRA_USER'), '-JiraApiToken', (Get-Setting 'PSREMOTELINKS_TEST_JIRA_API_TOKEN')) `
        -Environment $isolated -RemoveEnvironment $inherited
    $used = if ($use.ExitCode -eq 0) { $use.Output | ConvertFrom-Json } else { $null }
}

AfterAll {
    if ($null -ne $work -and [System.IO.Directory]::Exists($work)) {
        [System.IO.Directory]::Delete($work, $true)
    }
}

Describe 'The PSRemoteLinks package, installed as from the PowerShell Gallery' {
    It 'installs with Install-PSResource from a local repository into the current user''s modules' {
        $install.ExitCode | Should -Be 0 -Because "Install.ps1 wrote:`n$($install.Output)`n$($install.Errors)"
        $installed.Installed.Count | Should -Be 1
        $installed.Installed[0].Version | Should -Be $version
        $installed.Installed[0].Location | Should -BeLike "$userHome*"
    }

    It 'leaves no repository registered, and the user''s own PSResourceGet settings as they were' {
        $installed.Repositories | Should -Not -Contain 'PSRemoteLinksRoundTrip'
        $realStoreNow = if ([System.IO.File]::Exists($realStore)) { [System.IO.File]::ReadAllText($realStore) } else { $null }
        $realStoreNow | Should -Be $realStoreBefore
    }

    It 'imports by name in a fresh pwsh, from the installed folder' {
        $use.ExitCode | Should -Be 0 -Because "UseInstalled.ps1 wrote:`n$($use.Output)`n$($use.Errors)"
        $use.Errors | Should -BeNullOrEmpty
        $used.ModuleBase | Should -BeLike ([System.IO.Path]::Combine($userHome, '*', 'PSRemoteLinks', $version))
        $used.Version | Should -Be $version
    }

    It 'exports exactly the cmdlets its assembly defines, and its manifest lists exactly those' {
        $used.Defined.Count | Should -BeGreaterThan 0
        $used.Exported | Should -Be $used.Defined
        $used.ManifestCmdlets | Should -Be $used.Defined
    }

    It 'shows full help for every cmdlet: synopsis, description, parameters and examples' {
        $used.Help.Count | Should -Be $used.Exported.Count
        foreach ($page in $used.Help) {
            $page.Synopsis.Trim() | Should -Not -BeNullOrEmpty -Because "$($page.Name) has a synopsis"
            $page.Synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($page.Name)) -Because "$($page.Name) has a written synopsis, not the syntax Get-Help falls back to"
            $page.Description.Trim() | Should -Not -BeNullOrEmpty -Because "$($page.Name) has a description"
            $page.Examples | Should -BeGreaterOrEqual 2 -Because "$($page.Name) has examples"
            $page.Parameters | Should -BeGreaterThan 0 -Because "$($page.Name) documents its parameters"
            $page.Rendered | Should -Match 'EXAMPLE 1' -Because "Get-Help $($page.Name) -Full renders its examples"
        }
    }

    It 'runs a cmdlet against the emulator' {
        $used.Links | Should -Be @('Build #991', 'Safari login notes')
    }
}
