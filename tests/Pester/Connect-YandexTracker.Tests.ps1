Describe 'Connect-YandexTracker' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
    }

    BeforeEach {
        $name = New-TestName 'connect-tracker'
    }

    AfterEach {
        Get-IssueTrackerConnection -Name $name -ErrorAction SilentlyContinue | Disconnect-IssueTracker
    }

    It 'connects with an OAuth token to a Yandex 360 organisation (-OrgId)' {
        $connection = Connect-YandexTracker -Uri $TestEmulator.TrackerUri -Token $TestEmulator.TrackerToken -OrgId $TestEmulator.TrackerOrgId -Name $name -PassThru

        $connection | Should -BeOfType 'PSRemoteLinks.IssueTrackerConnection'
        $connection.Name | Should -Be $name
        $connection.Kind | Should -Be 'YandexTracker'
        $connection.User | Should -Be 'Emulated Admin'
        $connection.Organization | Should -Be ('X-Org-ID: ' + $TestEmulator.TrackerOrgId)
        $connection.IsDefault | Should -BeTrue
        $links = @(Get-RemoteIssueLink -Issue TREK-1 -Connection $connection)
        $links | Should -HaveCount 1
        $links[0].Self | Should -Match '/v2/issues/TREK-1/remotelinks/'
    }

    It 'connects with an IAM token to a Yandex Cloud organisation (-CloudOrgId)' {
        $connection = Connect-YandexTracker -Uri $TestEmulator.TrackerUri -Token $TestEmulator.TrackerIamToken -TokenType IAM -CloudOrgId $TestEmulator.TrackerCloudOrgId -Name $name -PassThru

        $connection.Organization | Should -Be ('X-Cloud-Org-ID: ' + $TestEmulator.TrackerCloudOrgId)
        $connection.User | Should -Be 'Emulated Admin'
        @(Get-IssueLink -Issue TREK-3 -Connection $connection) | Should -HaveCount 1
    }

    It 'talks to API v3 with -ApiVersion v3' {
        $connection = Connect-YandexTracker -Uri $TestEmulator.TrackerUri -Token $TestEmulator.TrackerToken -OrgId $TestEmulator.TrackerOrgId -ApiVersion v3 -Name $name -PassThru

        $links = @(Get-RemoteIssueLink -Issue TREK-1 -Connection $connection)
        $links | Should -HaveCount 1
        $links[0].Self | Should -Match '/v3/issues/TREK-1/remotelinks/'
    }

    It 'refuses an IAM token with -OrgId, saying why' {
        $failure = { Connect-YandexTracker -Uri $TestEmulator.TrackerUri -Token $TestEmulator.TrackerIamToken -TokenType IAM -OrgId $TestEmulator.TrackerOrgId -Name $name } |
            Should -Throw -ErrorId 'IamTokenNeedsCloudOrgId,PSRemoteLinks.Commands.ConnectYandexTrackerCommand' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -Match '-CloudOrgId'
        Get-IssueTrackerConnection -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'stops with an AuthenticationError on a wrong token and keeps no connection' {
        $failure = { Connect-YandexTracker -Uri $TestEmulator.TrackerUri -Token (New-TestSecureString 'not-the-token') -OrgId $TestEmulator.TrackerOrgId -Name $name } |
            Should -Throw -ErrorId 'AuthenticationFailed,PSRemoteLinks.Commands.ConnectYandexTrackerCommand' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        Get-IssueTrackerConnection -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'takes exactly one of -OrgId and -CloudOrgId' {
        { Connect-YandexTracker -Uri $TestEmulator.TrackerUri -Token $TestEmulator.TrackerToken -OrgId $TestEmulator.TrackerOrgId -CloudOrgId $TestEmulator.TrackerCloudOrgId -Name $name } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,PSRemoteLinks.Commands.ConnectYandexTrackerCommand'
    }

    It 'never shows the token: not in its properties, its text or the verbose output' {
        $verbose = @(Connect-YandexTracker -Uri $TestEmulator.TrackerUri -Token $TestEmulator.TrackerToken -OrgId $TestEmulator.TrackerOrgId -Name $name -Verbose 4>&1)
        $connection = Get-IssueTrackerConnection -Name $name

        $everything = [string]::Join("`n", [string[]] (@($connection.ToString()) + @($verbose | ForEach-Object { [string] $_ }) + @($connection.PSObject.Properties | ForEach-Object { [string] $_.Value })))
        $everything | Should -Not -Match ([regex]::Escape($TestEmulator.TrackerTokenText))
        $verbose.Count | Should -BeGreaterThan 0
    }
}
