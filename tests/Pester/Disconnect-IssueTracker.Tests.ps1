Describe 'Disconnect-IssueTracker' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
    }

    It 'closes a connection by name, and a data cmdlet given it afterwards stops with a clear error' {
        $connection = Connect-TestJira

        $output = Disconnect-IssueTracker -Name $connection.Name

        $output | Should -BeNullOrEmpty
        Get-IssueTrackerConnection -Name $connection.Name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure = { Get-RemoteIssueLink -Issue DEMO-1 -Connection $connection } |
            Should -Throw -ErrorId 'ConnectionClosed,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure.Exception.Message | Should -Match 'Connect-Jira'
    }

    It 'closes the connections piped to it' {
        $prefix = New-TestName 'disconnect'
        $null = Connect-TestJira -Name "$prefix-a"
        $null = Connect-TestTracker -Name "$prefix-b"

        Get-IssueTrackerConnection -Name "$prefix-*" | Disconnect-IssueTracker

        @(Get-IssueTrackerConnection -Name "$prefix-*") | Should -HaveCount 0
    }

    It 'closes the default connection when given none, and the one made before becomes the default' {
        $result = Invoke-InNewSession -Variables @{ uri = $TestEmulator.JiraUri; credential = $TestEmulator.JiraCredential } -Script '
            Connect-Jira -Uri $uri -Credential $credential -Name first
            Connect-Jira -Uri $uri -Credential $credential -Name second
            Disconnect-IssueTracker
            Get-IssueTrackerConnection'

        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -HaveCount 1
        $result.Output[0].Name | Should -Be 'first'
        $result.Output[0].IsDefault | Should -BeTrue
    }

    It 'writes ObjectNotFound for a name without a connection and closes the other names' {
        $connection = Connect-TestJira
        $missing = New-TestName 'missing'

        Disconnect-IssueTracker -Name $missing, $connection.Name -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectionNotFound,PSRemoteLinks.Commands.DisconnectIssueTrackerCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be $missing
        Get-IssueTrackerConnection -Name $connection.Name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'writes NoConnection when the session has no connection' {
        $result = Invoke-InNewSession -Script 'Disconnect-IssueTracker'

        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -Be 'NoConnection,PSRemoteLinks.Commands.DisconnectIssueTrackerCommand'
        $result.Errors[0].Exception.Message | Should -Match 'Connect-YandexTracker'
    }
}
