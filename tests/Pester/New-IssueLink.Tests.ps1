Describe 'New-IssueLink' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
        $Tracker = Connect-TestTracker

        # DEMO-2 and TREK-2 start without issue links; every test leaves them that way.
        function Remove-TestIssueLinks {
            Get-IssueLink -Issue DEMO-2 -Connection $Jira | Remove-IssueLink -Confirm:$false
            Get-IssueLink -Issue TREK-2 -Connection $Tracker | Remove-IssueLink -Confirm:$false
        }
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $Jira
        Disconnect-IssueTracker -Connection $Tracker
    }

    AfterEach {
        Remove-TestIssueLinks
    }

    It 'links two Jira issues so that "Issue Relationship LinkedIssue" holds, and emits the new link' {
        $link = New-IssueLink -Issue DEMO-2 -LinkedIssue DEMO-3 -Relationship blocks -Connection $Jira

        $link | Should -BeOfType 'PSRemoteLinks.IssueLink'
        $link.ToString() | Should -Be 'DEMO-2 blocks DEMO-3'
        $link.Direction | Should -Be 'Outward'
        $link.Type | Should -Be 'Blocks'
        $link.Id | Should -BeGreaterThan 0
        $otherSide = @(Get-IssueLink -Issue DEMO-3 -Connection $Jira | Where-Object { $_.Id -eq $link.Id })
        $otherSide | Should -HaveCount 1
        $otherSide[0].ToString() | Should -Be 'DEMO-3 is blocked by DEMO-2'
    }

    It 'takes a type name or either phrase of a type, without regard to case: <Given>' -ForEach @(
        @{ Given = 'Blocks'; Expected = 'DEMO-2 blocks DEMO-3'; Seen = 'DEMO-3 is blocked by DEMO-2' }
        @{ Given = 'IS BLOCKED BY'; Expected = 'DEMO-2 is blocked by DEMO-3'; Seen = 'DEMO-3 blocks DEMO-2' }
        @{ Given = 'relates to'; Expected = 'DEMO-2 relates to DEMO-3'; Seen = 'DEMO-3 relates to DEMO-2' }
        @{ Given = 'Duplicate'; Expected = 'DEMO-2 duplicates DEMO-3'; Seen = 'DEMO-3 is duplicated by DEMO-2' }
    ) {
        $link = New-IssueLink -Issue DEMO-2 -LinkedIssue DEMO-3 -Relationship $Given -Connection $Jira

        $link.ToString() | Should -Be $Expected
        (Get-IssueLink -Issue DEMO-3 -Connection $Jira | Where-Object { $_.Id -eq $link.Id }).ToString() | Should -Be $Seen
    }

    It 'refuses a relationship the Jira site does not have, listing the ones it has' {
        New-IssueLink -Issue DEMO-2 -LinkedIssue DEMO-3 -Relationship befriends -Connection $Jira -ErrorVariable failures -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,PSRemoteLinks.Commands.NewIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -Match "'befriends' is not a relationship"
        $failures[0].Exception.Message | Should -Match "'is blocked by'"
        Get-IssueLink -Issue DEMO-2 -Connection $Jira | Should -BeNullOrEmpty
    }

    It 'writes ObjectNotFound when the linked issue does not exist' {
        New-IssueLink -Issue DEMO-2 -LinkedIssue NOPE-7 -Relationship blocks -Connection $Jira -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'DEMO-2'
        Get-IssueLink -Issue DEMO-2 -Connection $Jira | Should -BeNullOrEmpty
    }

    It 'links nothing with -WhatIf' {
        $output = New-IssueLink -Issue DEMO-2 -LinkedIssue DEMO-3 -Relationship blocks -Connection $Jira -WhatIf

        $output | Should -BeNullOrEmpty
        Get-IssueLink -Issue DEMO-2 -Connection $Jira | Should -BeNullOrEmpty
    }

    It 'takes its parameters from the properties of piped objects' {
        $links = @([pscustomobject]@{ Issue = 'DEMO-2'; LinkedIssue = 'DEMO-3'; Relationship = 'relates to'; Connection = $Jira } | New-IssueLink)

        $links | Should -HaveCount 1
        $links[0].ToString() | Should -Be 'DEMO-2 relates to DEMO-3'
    }

    It 'links two Yandex Tracker issues with one of its nine relationships' {
        $link = New-IssueLink -Issue TREK-2 -LinkedIssue TREK-1 -Relationship 'is subtask for' -Connection $Tracker

        $link.ToString() | Should -Be 'TREK-2 is subtask for TREK-1'
        $link.Type | Should -Be 'subtask'
        $otherSide = @(Get-IssueLink -Issue TREK-1 -Connection $Tracker | Where-Object { $_.Id -eq $link.Id })
        $otherSide | Should -HaveCount 1
        $otherSide[0].ToString() | Should -Be 'TREK-1 is parent task for TREK-2'
    }

    It 'refuses a relationship Yandex Tracker does not have, listing its nine' {
        New-IssueLink -Issue TREK-2 -LinkedIssue TREK-1 -Relationship blocks -Connection $Tracker -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,PSRemoteLinks.Commands.NewIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -Match "'depends on'"
        Get-IssueLink -Issue TREK-2 -Connection $Tracker | Should -BeNullOrEmpty
    }
}
