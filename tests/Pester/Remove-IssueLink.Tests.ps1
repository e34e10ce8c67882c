Describe 'Remove-IssueLink' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
        $Tracker = Connect-TestTracker
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $Jira
        Disconnect-IssueTracker -Connection $Tracker
    }

    # Each test removes a link of its own between DEMO-2 and DEMO-3; DEMO-2 starts and ends without links.
    BeforeEach {
        $link = New-IssueLink -Issue DEMO-2 -LinkedIssue DEMO-3 -Relationship 'relates to' -Connection $Jira
    }

    AfterEach {
        Get-IssueLink -Issue DEMO-2 -Connection $Jira | Remove-IssueLink -Confirm:$false
        Get-IssueLink -Issue TREK-2 -Connection $Tracker | Remove-IssueLink -Confirm:$false
    }

    It 'removes a link by -Issue and -Id from both sides and writes nothing' {
        $output = Remove-IssueLink -Issue DEMO-2 -Id $link.Id -Connection $Jira -Confirm:$false

        $output | Should -BeNullOrEmpty
        Get-IssueLink -Issue DEMO-2 -Connection $Jira | Should -BeNullOrEmpty
        @(Get-IssueLink -Issue DEMO-3 -Connection $Jira | Where-Object { $_.Id -eq $link.Id }) | Should -HaveCount 0
    }

    It 'removes the links piped from Get-IssueLink and leaves the others' {
        Get-IssueLink -Issue DEMO-2 -Connection $Jira | Where-Object { $_.LinkedIssue -eq 'DEMO-3' } | Remove-IssueLink -Confirm:$false

        Get-IssueLink -Issue DEMO-2 -Connection $Jira | Should -BeNullOrEmpty
        @(Get-IssueLink -Issue DEMO-1 -Connection $Jira | Where-Object { $_.LinkedIssue -eq 'DEMO-3' }) | Should -HaveCount 1
    }

    It 'refuses a link of another issue and deletes nothing' {
        Remove-IssueLink -Issue DEMO-1 -Id $link.Id -Connection $Jira -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'LinkNotOnIssue,PSRemoteLinks.Commands.RemoveIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Get-IssueLink -Issue DEMO-2 -Connection $Jira | ForEach-Object { $_.Id }) | Should -Be @($link.Id)
    }

    It 'refuses remote links piped in before any request' {
        Get-RemoteIssueLink -Issue DEMO-1 -Connection $Jira | Remove-IssueLink -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -Not -BeNullOrEmpty
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'WrongLinkKind,PSRemoteLinks.Commands.RemoveIssueLinkCommand' }
        (Get-IssueLink -Issue DEMO-2 -Connection $Jira | ForEach-Object { $_.Id }) | Should -Be @($link.Id)
    }

    It 'removes nothing with -WhatIf' {
        Remove-IssueLink -Issue DEMO-2 -Id $link.Id -Connection $Jira -WhatIf

        (Get-IssueLink -Issue DEMO-2 -Connection $Jira | ForEach-Object { $_.Id }) | Should -Be @($link.Id)
    }

    It 'writes ObjectNotFound for a link that does not exist' {
        Remove-IssueLink -Issue DEMO-2 -Id 987654321 -Connection $Jira -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotFound,PSRemoteLinks.Commands.RemoveIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'DEMO-2'
        (Get-IssueLink -Issue DEMO-2 -Connection $Jira | ForEach-Object { $_.Id }) | Should -Be @($link.Id)
    }

    It 'removes a Yandex Tracker link from both sides' {
        $trackerLink = New-IssueLink -Issue TREK-2 -LinkedIssue TREK-3 -Relationship relates -Connection $Tracker

        Remove-IssueLink -Issue TREK-2 -Id $trackerLink.Id -Connection $Tracker -Confirm:$false

        Get-IssueLink -Issue TREK-2 -Connection $Tracker | Should -BeNullOrEmpty
        @(Get-IssueLink -Issue TREK-3 -Connection $Tracker | Where-Object { $_.Id -eq $trackerLink.Id }) | Should -HaveCount 0
    }
}
