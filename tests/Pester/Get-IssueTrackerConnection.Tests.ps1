Describe 'Get-IssueTrackerConnection' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $prefix = New-TestName 'list'
        $first = Connect-TestJira -Name "$prefix-jira"
        $second = Connect-TestTracker -Name "$prefix-tracker"
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $first
        Disconnect-IssueTracker -Connection $second
    }

    It 'lists the open connections in the order they were made, the last one as the default' {
        $listed = @(Get-IssueTrackerConnection | Where-Object { $_.Name -like "$prefix-*" })

        $listed | Should -HaveCount 2
        $listed[0] | Should -BeOfType 'PSRemoteLinks.IssueTrackerConnection'
        $listed[0].Name | Should -Be "$prefix-jira"
        $listed[0].Kind | Should -Be 'Jira'
        $listed[0].IsDefault | Should -BeFalse
        $listed[1].Name | Should -Be "$prefix-tracker"
        $listed[1].Kind | Should -Be 'YandexTracker'
        $listed[1].IsDefault | Should -BeTrue
    }

    It 'finds connections by name, with wildcards and without regard to case' {
        @(Get-IssueTrackerConnection -Name "$prefix-*") | Should -HaveCount 2
        $one = @(Get-IssueTrackerConnection -Name ("$prefix-JIRA".ToUpperInvariant()))
        $one | Should -HaveCount 1
        $one[0].Name | Should -Be "$prefix-jira"
    }

    It 'takes names from the pipeline' {
        $found = @("$prefix-tracker", "$prefix-jira" | Get-IssueTrackerConnection)

        ($found | ForEach-Object { $_.Name }) | Should -Be @("$prefix-tracker", "$prefix-jira")
    }

    It 'writes ObjectNotFound for a name without a connection, and nothing for a wildcard without a match' {
        $found = @(Get-IssueTrackerConnection -Name "$prefix-none", "$prefix-jira", "$prefix-none*" -ErrorVariable failures -ErrorAction SilentlyContinue)

        $found | Should -HaveCount 1
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'ConnectionNotFound,PSRemoteLinks.Commands.GetIssueTrackerConnectionCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be "$prefix-none"
    }

    It 'lets the data cmdlets take a connection by its name, and Tab completes the names' {
        $types = @(Get-IssueLinkType -Connection "$prefix-jira")
        $line = "Get-IssueLinkType -Connection $prefix-j"
        $offered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $types | Should -Not -BeNullOrEmpty
        $types[0].Connection.Name | Should -Be "$prefix-jira"
        @($offered | ForEach-Object { $_.CompletionText }) | Should -Be @("$prefix-jira")
    }

    It 'shows no connection of another session' {
        $result = Invoke-InNewSession -Script 'Get-IssueTrackerConnection'

        $result.TerminatingError | Should -BeNullOrEmpty
        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -BeNullOrEmpty
    }
}
