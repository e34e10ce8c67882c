Describe 'New-RemoteIssueLink' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
        $Tracker = Connect-TestTracker
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $Jira
        Disconnect-IssueTracker -Connection $Tracker
    }

    # DEMO-2 and TREK-2 start without remote links; every test leaves them that way.
    AfterEach {
        Get-RemoteIssueLink -Issue DEMO-2 -Connection $Jira | Remove-RemoteIssueLink -Confirm:$false
        Get-RemoteIssueLink -Issue TREK-2 -Connection $Tracker | Remove-RemoteIssueLink -Confirm:$false
    }

    It 'adds a Jira remote link with every field and emits it as stored' {
        $link = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://ci.example.org/builds/7' -Title 'Build #7' -Summary 'Nightly' `
            -Relationship 'built by' -IconUrl 'https://ci.example.org/i.png' -IconTitle 'Build' -ApplicationType 'org.example.ci' `
            -ApplicationName 'Example CI' -Resolved -StatusIconUrl 'https://ci.example.org/ok.png' -StatusIconTitle 'Passed' `
            -StatusIconLink 'https://ci.example.org/builds/7/log' -Connection $Jira

        $link | Should -BeOfType 'PSRemoteLinks.RemoteIssueLink'
        $link.Issue | Should -Be 'DEMO-2'
        $link.Id | Should -BeGreaterThan 0
        $stored = Get-RemoteIssueLink -Issue DEMO-2 -Id $link.Id -Connection $Jira
        foreach ($shown in $link, $stored) {
            $shown.Url | Should -Be 'https://ci.example.org/builds/7'
            $shown.Title | Should -Be 'Build #7'
            $shown.Summary | Should -Be 'Nightly'
            $shown.Relationship | Should -Be 'built by'
            $shown.IconUrl | Should -Be 'https://ci.example.org/i.png'
            $shown.IconTitle | Should -Be 'Build'
            $shown.ApplicationType | Should -Be 'org.example.ci'
            $shown.ApplicationName | Should -Be 'Example CI'
            $shown.Resolved | Should -BeTrue
            $shown.StatusIconUrl | Should -Be 'https://ci.example.org/ok.png'
            $shown.StatusIconTitle | Should -Be 'Passed'
            $shown.StatusIconLink | Should -Be 'https://ci.example.org/builds/7/log'
        }
    }

    It 'with the same -GlobalId twice leaves one link, updated' {
        $globalId = 'system=https://ci.example.org&build=' + (New-TestName 'build')

        $first = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://ci.example.org/builds/1' -Title 'First' -GlobalId $globalId -Connection $Jira
        $second = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://ci.example.org/builds/1' -Title 'Second' -GlobalId $globalId -Connection $Jira

        $second.Id | Should -Be $first.Id
        $second.GlobalId | Should -Be $globalId
        $stored = @(Get-RemoteIssueLink -Issue DEMO-2 -Connection $Jira)
        $stored | Should -HaveCount 1
        $stored[0].Title | Should -Be 'Second'
    }

    It 'copies every link piped from Get-RemoteIssueLink onto the issue given' {
        $sources = @(Get-RemoteIssueLink -Issue DEMO-1 -Connection $Jira)

        $copies = @($sources | New-RemoteIssueLink -Issue DEMO-2)

        $copies | Should -HaveCount $sources.Count
        $stored = @(Get-RemoteIssueLink -Issue DEMO-2 -Connection $Jira)
        $stored | Should -HaveCount $sources.Count
        for ($i = 0; $i -lt $sources.Count; $i++) {
            $copies[$i].Issue | Should -Be 'DEMO-2'
            $copies[$i].Connection.Name | Should -Be $Jira.Name
            foreach ($field in 'GlobalId', 'Url', 'Title', 'Summary', 'Relationship', 'ApplicationType', 'ApplicationName',
                'IconUrl', 'IconTitle', 'Resolved', 'StatusIconUrl', 'StatusIconTitle', 'StatusIconLink') {
                $stored[$i].$field | Should -Be $sources[$i].$field -Because "$field is copied"
            }
        }
    }

    It 'adds nothing with -WhatIf' {
        $output = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://example.org/whatif' -Title 'What if' -Connection $Jira -WhatIf

        $output | Should -BeNullOrEmpty
        Get-RemoteIssueLink -Issue DEMO-2 -Connection $Jira | Should -BeNullOrEmpty
    }

    It 'adds a Yandex Tracker external link from -Key and -Origin' {
        $link = New-RemoteIssueLink -Issue TREK-2 -Key 'PR-7' -Origin 'ru.yandex.bitbucket' -Connection $Tracker

        $link | Should -BeOfType 'PSRemoteLinks.RemoteIssueLink'
        $link.Issue | Should -Be 'TREK-2'
        $link.Key | Should -Be 'PR-7'
        $link.Origin | Should -Be 'ru.yandex.bitbucket'
        $link.Relationship | Should -Be 'relates'
        $stored = @(Get-RemoteIssueLink -Issue TREK-2 -Connection $Tracker)
        $stored | Should -HaveCount 1
        $stored[0].Id | Should -Be $link.Id
        $stored[0].Key | Should -Be 'PR-7'
    }

    It 'refuses Jira-only fields on a Yandex Tracker connection, naming them' {
        New-RemoteIssueLink -Issue TREK-2 -Url 'https://example.org' -Title 'Jira only' -Connection $Tracker -ErrorVariable failures -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidInput,PSRemoteLinks.Commands.NewRemoteIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -Match '-Url, -Title'
        Get-RemoteIssueLink -Issue TREK-2 -Connection $Tracker | Should -BeNullOrEmpty
    }

    It 'refuses Tracker-only fields on a Jira connection, naming them' {
        New-RemoteIssueLink -Issue DEMO-2 -Key 'PR-7' -Origin 'ru.yandex.bitbucket' -Connection $Jira -ErrorVariable failures -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -Match '-Key, -Origin'
        Get-RemoteIssueLink -Issue DEMO-2 -Connection $Jira | Should -BeNullOrEmpty
    }

    It 'refuses a -Url that is not an absolute address, before any request' {
        { New-RemoteIssueLink -Issue DEMO-2 -Url 'not a url' -Title 'Bad' -Connection $Jira } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,PSRemoteLinks.Commands.NewRemoteIssueLinkCommand'
    }
}
