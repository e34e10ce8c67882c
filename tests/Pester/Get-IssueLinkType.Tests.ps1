Describe 'Get-IssueLinkType' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
        $Tracker = Connect-TestTracker
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $Jira
        Disconnect-IssueTracker -Connection $Tracker
    }

    It 'lists the Jira site''s link types with both phrases' {
        $types = @(Get-IssueLinkType -Connection $Jira)

        ($types | ForEach-Object { $_.Name }) | Should -Be @('Blocks', 'Cloners', 'Duplicate', 'Relates')
        $blocks = $types[0]
        $blocks | Should -BeOfType 'PSRemoteLinks.IssueLinkType'
        $blocks.Id | Should -Be '10000'
        $blocks.Outward | Should -Be 'blocks'
        $blocks.Inward | Should -Be 'is blocked by'
        $blocks.Self | Should -Be ($TestEmulator.JiraUri.AbsoluteUri.TrimEnd('/') + '/rest/api/2/issueLinkType/10000')
        $blocks.Connection.Name | Should -Be $Jira.Name
    }

    It 'lists Yandex Tracker''s link types, whose phrases are exactly the nine relationships New-IssueLink takes' {
        $types = @(Get-IssueLinkType -Connection $Tracker)

        ($types | ForEach-Object { $_.Id }) | Should -Be @('relates', 'depends', 'subtask', 'duplicates', 'epic')
        $depends = @($types | Where-Object { $_.Id -eq 'depends' })[0]
        $depends.Outward | Should -Be 'depends on'
        $depends.Inward | Should -Be 'is dependent by'
        $phrases = [string[]] @($types | ForEach-Object { $_.Outward; $_.Inward } | Where-Object { $_ -ne 'relates' })
        $phrases += 'relates'
        [Array]::Sort($phrases, [StringComparer]::Ordinal)
        $phrases | Should -Be @('depends on', 'duplicates', 'has epic', 'is dependent by', 'is duplicated by', 'is epic of', 'is parent task for', 'is subtask for', 'relates')
    }

    It 'stops with NoConnection when the session has no connection' {
        $result = Invoke-InNewSession -Script 'Get-IssueLinkType'

        $result.TerminatingError.FullyQualifiedErrorId | Should -Be 'NoConnection,PSRemoteLinks.Commands.GetIssueLinkTypeCommand'
        $result.TerminatingError.CategoryInfo.Category | Should -Be 'ConnectionError'
    }
}
