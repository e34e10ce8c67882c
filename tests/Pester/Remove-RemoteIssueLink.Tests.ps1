Describe 'Remove-RemoteIssueLink' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
        $Tracker = Connect-TestTracker

        function Get-Ids([string] $Issue, $Connection) {
            @(Get-RemoteIssueLink -Issue $Issue -Connection $Connection | ForEach-Object { $_.Id })
        }
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $Jira
        Disconnect-IssueTracker -Connection $Tracker
    }

    # DEMO-2 and TREK-3 start without remote links; every test leaves them that way.
    AfterEach {
        Get-RemoteIssueLink -Issue DEMO-2 -Connection $Jira | Remove-RemoteIssueLink -Confirm:$false
        Get-RemoteIssueLink -Issue TREK-3 -Connection $Tracker | Remove-RemoteIssueLink -Confirm:$false
    }

    It 'removes a link by -Id and writes nothing' {
        $kept = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://example.org/kept' -Title 'Kept' -Connection $Jira
        $gone = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://example.org/gone' -Title 'Gone' -Connection $Jira

        $output = Remove-RemoteIssueLink -Issue DEMO-2 -Id $gone.Id -Connection $Jira -Confirm:$false

        $output | Should -BeNullOrEmpty
        Get-Ids DEMO-2 $Jira | Should -Be @($kept.Id)
    }

    It 'removes a Jira link by -GlobalId, reserved and non-ASCII characters included' {
        $globalId = 'system=http://www.example.org/support&id=1 Zoë ' + (New-TestName 'g')
        $null = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://example.org/1' -Title 'By global id' -GlobalId $globalId -Connection $Jira

        Remove-RemoteIssueLink -Issue DEMO-2 -GlobalId $globalId -Connection $Jira -Confirm:$false

        Get-RemoteIssueLink -Issue DEMO-2 -Connection $Jira | Should -BeNullOrEmpty
    }

    It 'removes every link piped from Get-RemoteIssueLink, on the connection each came from' {
        $null = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://example.org/1' -Title 'One' -Connection $Jira
        $null = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://example.org/2' -Title 'Two' -Connection $Jira

        Get-RemoteIssueLink -Issue DEMO-2 -Connection $Jira | Remove-RemoteIssueLink -Confirm:$false

        Get-RemoteIssueLink -Issue DEMO-2 -Connection $Jira | Should -BeNullOrEmpty
        @(Get-RemoteIssueLink -Issue DEMO-1 -Connection $Jira) | Should -HaveCount 2
    }

    It 'removes nothing with -WhatIf' {
        $link = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://example.org/1' -Title 'Stays' -Connection $Jira

        Remove-RemoteIssueLink -Issue DEMO-2 -Id $link.Id -Connection $Jira -WhatIf
        $link | Remove-RemoteIssueLink -WhatIf

        Get-Ids DEMO-2 $Jira | Should -Be @($link.Id)
    }

    It 'writes ObjectNotFound for a link that does not exist' {
        Remove-RemoteIssueLink -Issue DEMO-2 -Id 987654321 -Connection $Jira -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotFound,PSRemoteLinks.Commands.RemoveRemoteIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'DEMO-2'
    }

    It 'removes a Yandex Tracker external link by -Id' {
        $link = New-RemoteIssueLink -Issue TREK-3 -Key 'PR-9' -Origin 'ru.yandex.bitbucket' -Connection $Tracker

        Remove-RemoteIssueLink -Issue TREK-3 -Id $link.Id -Connection $Tracker -Confirm:$false

        Get-RemoteIssueLink -Issue TREK-3 -Connection $Tracker | Should -BeNullOrEmpty
    }

    It 'refuses -GlobalId on a Yandex Tracker connection with a clear error' {
        Remove-RemoteIssueLink -Issue TREK-1 -GlobalId 'x' -Connection $Tracker -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotSupportedByBackend,PSRemoteLinks.Commands.RemoveRemoteIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        @(Get-RemoteIssueLink -Issue TREK-1 -Connection $Tracker) | Should -HaveCount 1
    }
}
