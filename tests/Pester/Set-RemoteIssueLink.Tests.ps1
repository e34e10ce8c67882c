Describe 'Set-RemoteIssueLink' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
        $Tracker = Connect-TestTracker
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $Jira
        Disconnect-IssueTracker -Connection $Tracker
    }

    # Each test changes a link of its own on DEMO-3, which starts and ends without remote links.
    BeforeEach {
        $globalId = 'system=https://ci.example.org&build=' + (New-TestName 'build')
        $link = New-RemoteIssueLink -Issue DEMO-3 -Url 'https://ci.example.org/builds/1' -Title 'Build #1' -Summary 'Nightly' `
            -GlobalId $globalId -Relationship 'built by' -IconUrl 'https://ci.example.org/i.png' -IconTitle 'Build' `
            -ApplicationType 'org.example.ci' -ApplicationName 'Example CI' -StatusIconUrl 'https://ci.example.org/ok.png' `
            -StatusIconTitle 'Passed' -StatusIconLink 'https://ci.example.org/builds/1/log' -Connection $Jira
    }

    AfterEach {
        Get-RemoteIssueLink -Issue DEMO-3 -Connection $Jira | Remove-RemoteIssueLink -Confirm:$false
    }

    It 'changes only the fields given and keeps every other field' {
        $output = Set-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Title 'Build #1 (rerun)' -Connection $Jira

        $output | Should -BeNullOrEmpty
        $stored = Get-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Connection $Jira
        $stored.Title | Should -Be 'Build #1 (rerun)'
        foreach ($field in 'GlobalId', 'Url', 'Summary', 'Relationship', 'ApplicationType', 'ApplicationName', 'IconUrl',
            'IconTitle', 'Resolved', 'StatusIconUrl', 'StatusIconTitle', 'StatusIconLink') {
            $stored.$field | Should -Be $link.$field -Because "$field was not given"
        }
    }

    It 'emits the updated link with -PassThru' {
        $updated = Set-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Url 'https://ci.example.org/builds/2' -PassThru -Connection $Jira

        $updated | Should -BeOfType 'PSRemoteLinks.RemoteIssueLink'
        $updated.Id | Should -Be $link.Id
        $updated.Url | Should -Be 'https://ci.example.org/builds/2'
        $updated.Title | Should -Be 'Build #1'
    }

    It 'clears an optional field given an empty string, and only that field' {
        Set-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Summary '' -Connection $Jira

        $stored = Get-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Connection $Jira
        $stored.Summary | Should -BeNullOrEmpty
        $stored.Title | Should -Be 'Build #1'
        $stored.IconTitle | Should -Be 'Build'
    }

    It 'marks the link resolved with -Resolved and open again with -Resolved:$false' {
        Set-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Resolved -Connection $Jira
        (Get-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Connection $Jira).Resolved | Should -BeTrue

        Set-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Resolved:$false -Connection $Jira
        (Get-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Connection $Jira).Resolved | Should -BeFalse
    }

    It 'evaluates a script block for each piped link and writes back nothing else the link carries' {
        $updated = $link | Set-RemoteIssueLink -Title { $_.Title + ' (moved)' } -PassThru

        $updated.Title | Should -Be 'Build #1 (moved)'
        $updated.Summary | Should -Be 'Nightly'
    }

    It 'refuses a script block without piped links and changes nothing' {
        { Set-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Title { 'New' } -Connection $Jira -ErrorAction Stop } |
            Should -Throw -ErrorId 'ScriptBlockArgumentNoInput,PSRemoteLinks.Commands.SetRemoteIssueLinkCommand'
        (Get-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Connection $Jira).Title | Should -Be 'Build #1'
    }

    It 'takes the issue, the id and the connection from a piped link' {
        $updated = $link | Set-RemoteIssueLink -Title 'Piped' -PassThru

        $updated.Id | Should -Be $link.Id
        (Get-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Connection $Jira).Title | Should -Be 'Piped'
    }

    It 'warns and sends nothing when no field to change is given' {
        $output = Set-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Connection $Jira -WarningVariable warnings -WarningAction SilentlyContinue

        $output | Should -BeNullOrEmpty
        $warnings | Should -HaveCount 1
        [string] $warnings[0] | Should -Match 'no field to change'
        (Get-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Connection $Jira).Title | Should -Be 'Build #1'
    }

    It 'changes nothing with -WhatIf' {
        Set-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Title 'What if' -Connection $Jira -WhatIf

        (Get-RemoteIssueLink -Issue DEMO-3 -Id $link.Id -Connection $Jira).Title | Should -Be 'Build #1'
    }

    It 'writes ObjectNotFound for a link that does not exist' {
        Set-RemoteIssueLink -Issue DEMO-3 -Id 987654321 -Title 'Nobody' -Connection $Jira -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotFound,PSRemoteLinks.Commands.SetRemoteIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'DEMO-3'
    }

    It 'is refused by a Yandex Tracker connection, which cannot update external links' {
        $external = @(Get-RemoteIssueLink -Issue TREK-1 -Connection $Tracker)[0]

        Set-RemoteIssueLink -Issue TREK-1 -Id $external.Id -Title 'Renamed' -Connection $Tracker -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotSupportedByBackend,PSRemoteLinks.Commands.SetRemoteIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $failures[0].Exception.Message | Should -Match 'Remove the link and add it again'
        @(Get-RemoteIssueLink -Issue TREK-1 -Connection $Tracker)[0].Key | Should -Be 'PR-42'
    }
}
