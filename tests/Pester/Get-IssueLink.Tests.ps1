Describe 'Get-IssueLink' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
        $Tracker = Connect-TestTracker
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $Jira
        Disconnect-IssueTracker -Connection $Tracker
    }

    It 'reads a Jira link from each side so that "Issue Relationship LinkedIssue" is true' {
        # The demo data says DEMO-3 blocks DEMO-1.
        $fromBlocked = @(Get-IssueLink -Issue DEMO-1 -Connection $Jira | Where-Object { $_.LinkedIssue -eq 'DEMO-3' })
        $fromBlocker = @(Get-IssueLink -Issue DEMO-3 -Connection $Jira | Where-Object { $_.LinkedIssue -eq 'DEMO-1' })

        $fromBlocked | Should -HaveCount 1
        $fromBlocked[0] | Should -BeOfType 'PSRemoteLinks.IssueLink'
        $fromBlocked[0].Issue | Should -Be 'DEMO-1'
        $fromBlocked[0].Relationship | Should -Be 'is blocked by'
        $fromBlocked[0].Direction | Should -Be 'Inward'
        $fromBlocked[0].Type | Should -Be 'Blocks'
        $fromBlocked[0].LinkedIssueSummary | Should -Be 'Upgrade TLS library'
        $fromBlocked[0].LinkedIssueStatus | Should -Be 'Done'
        $fromBlocked[0].Id | Should -BeOfType ([long])
        $fromBlocked[0].ToString() | Should -Be 'DEMO-1 is blocked by DEMO-3'
        $fromBlocked[0].Connection.Name | Should -Be $Jira.Name

        $fromBlocker | Should -HaveCount 1
        $fromBlocker[0].Id | Should -Be $fromBlocked[0].Id
        $fromBlocker[0].Relationship | Should -Be 'blocks'
        $fromBlocker[0].Direction | Should -Be 'Outward'
        $fromBlocker[0].ToString() | Should -Be 'DEMO-3 blocks DEMO-1'
    }

    It 'reads a Yandex Tracker link from its type and direction, never from the localized labels' {
        # The demo data says TREK-3 depends on TREK-1.
        $dependent = @(Get-IssueLink -Issue TREK-3 -Connection $Tracker | Where-Object { $_.LinkedIssue -eq 'TREK-1' })
        $dependency = @(Get-IssueLink -Issue TREK-1 -Connection $Tracker | Where-Object { $_.LinkedIssue -eq 'TREK-3' })

        $dependent | Should -HaveCount 1
        $dependent[0].Relationship | Should -Be 'depends on'
        $dependent[0].Direction | Should -Be 'Outward'
        $dependent[0].Type | Should -Be 'depends'
        $dependent[0].LinkedIssueSummary | Should -Be 'Set up CI'
        $dependent[0].CreatedAt | Should -BeOfType ([DateTimeOffset])
        $dependency | Should -HaveCount 1
        $dependency[0].Id | Should -Be $dependent[0].Id
        $dependency[0].Relationship | Should -Be 'is dependent by'
        $dependency[0].Direction | Should -Be 'Inward'
    }

    It 'writes ObjectNotFound for a missing issue and goes on with the rest of the pipeline' {
        $links = @('NOPE-1', 'DEMO-1' | Get-IssueLink -Connection $Jira -ErrorVariable failures -ErrorAction SilentlyContinue)

        @($links | Where-Object { $_.Issue -eq 'DEMO-1' -and $_.LinkedIssue -eq 'DEMO-3' }) | Should -HaveCount 1
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotFound,PSRemoteLinks.Commands.GetIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'NOPE-1'
    }

    It 'takes the issue from the Issue property of piped objects, keeping their order' {
        $links = @([pscustomobject]@{ Issue = 'DEMO-3' }, [pscustomobject]@{ Issue = 'DEMO-1' } | Get-IssueLink -Connection $Jira |
                Where-Object { $_.Type -eq 'Blocks' -and ($_.LinkedIssue -eq 'DEMO-1' -or $_.LinkedIssue -eq 'DEMO-3') })

        ($links | ForEach-Object { $_.ToString() }) | Should -Be @('DEMO-3 blocks DEMO-1', 'DEMO-1 is blocked by DEMO-3')
    }

    It 'sends an issue key with slashes as one escaped path segment, so it can reach nothing but an issue' {
        Get-IssueLink -Issue 'DEMO-1/../..' -Connection $Jira -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].Exception.Message | Should -Match ([regex]::Escape('/rest/api/2/issue/DEMO-1%2F..%2F..'))
    }

    It 'walks the links with -Recurse, each link once, with its depth, following only -Relationship' {
        $walk = @(Get-IssueLink -Issue DEMO-1 -Recurse -Relationship 'IS BLOCKED BY' -Connection $Jira)

        @($walk | Where-Object { $_.ToString() -eq 'DEMO-1 is blocked by DEMO-3' -and $_.Depth -eq 0 }) | Should -HaveCount 1
        $walk | ForEach-Object { $_.Relationship | Should -Be 'is blocked by' }
        @($walk.Id | Sort-Object -Unique) | Should -HaveCount $walk.Count
        $walk[0].IssueSummary | Should -Be 'Login fails on Safari'
    }

    It 'reads only the given issues with -Depth 0 and refuses a negative depth' {
        $near = @(Get-IssueLink -Issue DEMO-3 -Depth 0 -Connection $Jira)

        $near | ForEach-Object { $_.Issue | Should -Be 'DEMO-3'; $_.Depth | Should -Be 0 }
        { Get-IssueLink -Issue DEMO-3 -Depth -1 -Connection $Jira } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PSRemoteLinks.Commands.GetIssueLinkCommand'
    }
}
