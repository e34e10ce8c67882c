Describe 'Test-RemoteIssueLink' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
        $Tracker = Connect-TestTracker
        # The emulator serves plain web pages under /web/: the first segment says how a page answers.
        $Web = $TestEmulator.JiraUri.GetLeftPart([UriPartial]::Authority) + '/web'

        $Created = [System.Collections.Generic.List[object]]::new()

        function New-WebLink {
            # A link on DEMO-2 to one of the emulator's pages, removed again after the tests.
            param([string] $Page)
            $link = New-RemoteIssueLink -Issue DEMO-2 -Url "$Web/$Page" -Title (New-TestName 'check') -Connection $Jira
            $Created.Add($link)
            $link
        }
    }

    AfterAll {
        $Created | Remove-RemoteIssueLink -Confirm:$false
        Disconnect-IssueTracker -Connection $Jira
        Disconnect-IssueTracker -Connection $Tracker
    }

    It 'reports a page that answers, a redirect chain, a dead page and a host that refuses HEAD, in input order' {
        $links = @('ok/home', 'moved/2/notes', 'missing/old', 'no-head/build' | ForEach-Object { New-WebLink $_ })

        $checks = @($links | Test-RemoteIssueLink)

        $checks | Should -HaveCount 4
        $checks[0] | Should -BeOfType 'PSRemoteLinks.RemoteIssueLinkCheck'
        ($checks | ForEach-Object { $_.Id }) | Should -Be ($links | ForEach-Object { $_.Id })
        ($checks | ForEach-Object { $_.Reachable }) | Should -Be @($true, $true, $false, $true)
        ($checks | ForEach-Object { $_.StatusCode }) | Should -Be @(200, 200, 404, 200)
        $checks[1].RedirectedTo | Should -Be "$Web/ok/notes"
        $checks[2].Error | Should -Be '404 Not Found'
        @($checks | Where-Object -Not Reachable) | Should -HaveCount 1
    }

    It 'gives up on a page that never answers after -TimeoutSec' {
        $check = New-WebLink 'hang/forever' | Test-RemoteIssueLink -TimeoutSec 1

        $check.Reachable | Should -BeFalse
        $check.StatusCode | Should -BeNullOrEmpty
        $check.Error | Should -Be 'no answer within 1 s (-TimeoutSec)'
    }

    It 'calls a Tracker link to an application not checkable, and Where-Object -Not Reachable leaves it out' {
        $checks = @(Get-RemoteIssueLink -Issue TREK-1 -Connection $Tracker | Test-RemoteIssueLink)

        $checks | Should -HaveCount 1
        $checks[0].Reachable | Should -Be 'Unknown'
        $checks[0].Error | Should -BeLike 'not checkable: *'
        @($checks | Where-Object -Not Reachable).Count | Should -Be 0
    }
}
