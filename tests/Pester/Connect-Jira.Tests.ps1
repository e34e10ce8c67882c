Describe 'Connect-Jira' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"

        function Disconnect-Named([string] $Name) {
            Get-IssueTrackerConnection -Name $Name -ErrorAction SilentlyContinue | Disconnect-IssueTracker
        }
    }

    BeforeEach {
        $name = New-TestName 'connect-jira'
    }

    AfterEach {
        Disconnect-Named $name
    }

    It 'verifies the credential and returns the connection with -PassThru' {
        $connection = Connect-Jira -Uri $TestEmulator.JiraUri -Credential $TestEmulator.JiraCredential -Name $name -PassThru

        $connection | Should -BeOfType 'PSRemoteLinks.IssueTrackerConnection'
        $connection.Name | Should -Be $name
        $connection.Kind | Should -Be 'Jira'
        $connection.User | Should -Be 'Emulated Admin'
        $connection.Uri.AbsoluteUri.TrimEnd('/') | Should -Be $TestEmulator.JiraUri.AbsoluteUri.TrimEnd('/')
        $connection.IsDefault | Should -BeTrue
    }

    It 'writes nothing without -PassThru and becomes the default the data cmdlets use' {
        $output = Connect-Jira -Uri $TestEmulator.JiraUri -Credential $TestEmulator.JiraCredential -Name $name

        $output | Should -BeNullOrEmpty
        (Get-IssueTrackerConnection -Name $name).IsDefault | Should -BeTrue
        $links = @(Get-RemoteIssueLink -Issue DEMO-1)
        $links | Should -HaveCount 2
        $links[0].Connection.Name | Should -Be $name
    }

    It 'connects with a personal access token' {
        $connection = Connect-Jira -Uri $TestEmulator.JiraUri -PersonalAccessToken $TestEmulator.JiraPersonalAccessToken -Name $name -PassThru

        $connection.User | Should -Be 'Emulated Admin'
        @(Get-RemoteIssueLink -Issue DEMO-1 -Connection $connection) | Should -HaveCount 2
    }

    It 'treats the site with and without a trailing slash as the same site' {
        $connection = Connect-Jira -Uri ($TestEmulator.JiraUri.AbsoluteUri.TrimEnd('/') + '/') -Credential $TestEmulator.JiraCredential -Name $name -PassThru

        $connection.Uri.AbsoluteUri.TrimEnd('/') | Should -Be $TestEmulator.JiraUri.AbsoluteUri.TrimEnd('/')
        @(Get-RemoteIssueLink -Issue DEMO-1 -Connection $connection) | Should -HaveCount 2
    }

    It 'stops with an AuthenticationError on a wrong token and keeps no connection' {
        $wrong = [pscredential]::new($TestEmulator.JiraUser, (New-TestSecureString 'not-the-token'))

        $failure = { Connect-Jira -Uri $TestEmulator.JiraUri -Credential $wrong -Name $name } |
            Should -Throw -ErrorId 'AuthenticationFailed,PSRemoteLinks.Commands.ConnectJiraCommand' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -Match '401'
        Get-IssueTrackerConnection -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'connects without asking the server with -SkipVerification, so the user stays unknown' {
        $wrong = [pscredential]::new($TestEmulator.JiraUser, (New-TestSecureString 'not-the-token'))

        $connection = Connect-Jira -Uri $TestEmulator.JiraUri -Credential $wrong -Name $name -SkipVerification -PassThru

        $connection.Name | Should -Be $name
        $connection.User | Should -BeNullOrEmpty
    }

    It 'refuses to send credentials over plain http to another host, before any request' {
        $failure = { Connect-Jira -Uri 'http://jira.example.invalid' -Credential $TestEmulator.JiraCredential -Name $name } |
            Should -Throw -ErrorId 'UnencryptedAuthenticationRefused,PSRemoteLinks.Commands.ConnectJiraCommand' -PassThru

        $failure.CategoryInfo.Category | Should -Be 'SecurityError'
        $failure.Exception.Message | Should -Match '-AllowUnencryptedAuthentication'
    }

    It 'never shows the token: not in its properties, its text or the verbose output' {
        $verbose = @(Connect-Jira -Uri $TestEmulator.JiraUri -Credential $TestEmulator.JiraCredential -Name $name -Verbose 4>&1)
        $connection = Get-IssueTrackerConnection -Name $name

        $names = [string[]] @($connection.PSObject.Properties | ForEach-Object { $_.Name })
        [Array]::Sort($names, [StringComparer]::Ordinal)
        $names | Should -Be @('IsDefault', 'Kind', 'Name', 'Organization', 'Uri', 'User')
        $everything = [string]::Join("`n", [string[]] (@($connection.ToString()) + @($verbose | ForEach-Object { [string] $_ }) + @($connection.PSObject.Properties | ForEach-Object { [string] $_.Value })))
        $everything | Should -Not -Match ([regex]::Escape($TestEmulator.JiraApiToken))
        $verbose.Count | Should -BeGreaterThan 0
    }

    It 'refuses a -Uri that is not an absolute http(s) address before any request' {
        { Connect-Jira -Uri 'ftp://jira.example.org' -Credential $TestEmulator.JiraCredential -Name $name } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,PSRemoteLinks.Commands.ConnectJiraCommand'
    }
}
