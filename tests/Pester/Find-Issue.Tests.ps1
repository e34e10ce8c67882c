Describe 'Find-Issue' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
        $Tracker = Connect-TestTracker
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $Jira
        Disconnect-IssueTracker -Connection $Tracker
    }

    It 'finds the seeded Jira issues in the order the query asks' {
        $issues = @(Find-Issue 'project = DEMO ORDER BY key' -Connection $Jira)

        ($issues | ForEach-Object { $_.Issue }) | Should -Be @('DEMO-1', 'DEMO-2', 'DEMO-3')
        $issues[0] | Should -BeOfType 'PSRemoteLinks.Issue'
        $issues[2].StatusCategory | Should -Be 'Done'
        $issues[0].Url | Should -Be ($TestEmulator.JiraUri.AbsoluteUri.TrimEnd('/') + '/browse/DEMO-1')
        $issues[0].Connection.Name | Should -Be $Jira.Name
    }

    It 'pages with -First and -Skip and counts with -IncludeTotalCount' {
        $result = @(Find-Issue 'project = DEMO ORDER BY key' -Skip 1 -First 1 -IncludeTotalCount -Connection $Jira)

        $result.Count | Should -Be 2
        $result[0].Accuracy | Should -BeGreaterThan 0
        $result[1].Issue | Should -Be 'DEMO-2'
    }

    It 'searches a Tracker queue and pipes the issues into Get-RemoteIssueLink' {
        $links = @(Find-Issue 'Queue: TREK' -Connection $Tracker | Get-RemoteIssueLink)

        $links.Count | Should -Be 1
        $links[0].Issue | Should -Be 'TREK-1'
        $links[0].Key | Should -Be 'PR-42'
    }

    It 'reports a bad query as one error quoting Jira' {
        $null = Find-Issue 'projekt = DEMO' -Connection $Jira -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'BadRequest,PSRemoteLinks.Commands.FindIssueCommand'
        $failed[0].Exception.Message | Should -BeLike "*Field 'projekt' does not exist*"
    }

    It 'stops with NoConnection when the session has no connection' {
        $result = Invoke-InNewSession -Script "Find-Issue 'project = DEMO'"

        $result.TerminatingError.FullyQualifiedErrorId | Should -Be 'NoConnection,PSRemoteLinks.Commands.FindIssueCommand'
    }
}
