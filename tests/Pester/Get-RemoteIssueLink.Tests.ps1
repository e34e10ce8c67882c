Describe 'Get-RemoteIssueLink' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
        $Tracker = Connect-TestTracker
        $CiGlobalId = 'system=https://ci.example.org&build=991'
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $Jira
        Disconnect-IssueTracker -Connection $Tracker
    }

    It 'lists every remote link of a Jira issue as a typed object with every field' {
        $links = @(Get-RemoteIssueLink -Issue DEMO-1 -Connection $Jira)

        $links | Should -HaveCount 2
        $ci = $links[0]
        $ci | Should -BeOfType 'PSRemoteLinks.RemoteIssueLink'
        $ci.Issue | Should -Be 'DEMO-1'
        $ci.Id | Should -BeOfType ([long])
        $ci.GlobalId | Should -Be $CiGlobalId
        $ci.Url | Should -Be 'https://ci.example.org/builds/991'
        $ci.Title | Should -Be 'Build #991'
        $ci.Summary | Should -Be 'Nightly build of main'
        $ci.Relationship | Should -Be 'built by'
        $ci.ApplicationType | Should -Be 'org.example.ci'
        $ci.ApplicationName | Should -Be 'Example CI'
        $ci.IconUrl | Should -Be 'https://ci.example.org/favicon-16.png'
        $ci.IconTitle | Should -Be 'Build'
        $ci.Resolved | Should -BeFalse
        $ci.StatusIconUrl | Should -Be 'https://ci.example.org/running.png'
        $ci.StatusIconTitle | Should -Be 'Running'
        $ci.StatusIconLink | Should -Be 'https://ci.example.org/builds/991/log'
        $ci.Self | Should -Be ($TestEmulator.JiraUri.AbsoluteUri.TrimEnd('/') + '/rest/api/2/issue/DEMO-1/remotelink/' + $ci.Id)
        $ci.Connection.Name | Should -Be $Jira.Name
        $links[1].Title | Should -Be 'Safari login notes'
        $links[1].Url | Should -Be 'https://docs.example.org/safari-login'
        $links[1].Summary | Should -BeNullOrEmpty
        $links[1].GlobalId | Should -BeNullOrEmpty
    }

    It 'gets one link by -Id, and on Jira by -GlobalId' {
        $all = @(Get-RemoteIssueLink -Issue DEMO-1 -Connection $Jira)

        $byId = @(Get-RemoteIssueLink -Issue DEMO-1 -Id $all[1].Id -Connection $Jira)
        $byGlobalId = @(Get-RemoteIssueLink -Issue DEMO-1 -GlobalId $CiGlobalId -Connection $Jira)

        $byId | Should -HaveCount 1
        $byId[0].Title | Should -Be 'Safari login notes'
        $byGlobalId | Should -HaveCount 1
        $byGlobalId[0].Id | Should -Be $all[0].Id
    }

    It 'writes ObjectNotFound for a missing issue and goes on with the rest of the pipeline' {
        $links = @('NOPE-9', 'DEMO-1' | Get-RemoteIssueLink -Connection $Jira -ErrorVariable failures -ErrorAction SilentlyContinue)

        $links | Should -HaveCount 2
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotFound,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'NOPE-9'
        $failures[0].Exception.Message | Should -Match 'Jira answered 404'
        $failures[0].Exception.Message | Should -Match 'NOPE-9'
    }

    It 'writes ObjectNotFound for an id the issue does not have' {
        Get-RemoteIssueLink -Issue DEMO-1 -Id 987654321 -Connection $Jira -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotFound,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'takes the issue from the Issue property of piped objects' {
        $links = @([pscustomobject]@{ Issue = 'DEMO-1' } | Get-RemoteIssueLink -Connection $Jira)

        ($links | ForEach-Object { $_.Title }) | Should -Be @('Build #991', 'Safari login notes')
    }

    Context 'several issues with requests in flight at once' {
        BeforeAll {
            $title = New-TestName 'order'
            $second = New-RemoteIssueLink -Issue DEMO-2 -Url 'https://example.org/order/2' -Title "$title-2" -Connection $Jira
            $third = New-RemoteIssueLink -Issue DEMO-3 -Url 'https://example.org/order/3' -Title "$title-3" -Connection $Jira
        }

        AfterAll {
            $second, $third | Remove-RemoteIssueLink -Confirm:$false
        }

        It 'writes the links in the order of the issues given, whatever order the answers come in' {
            $links = @('DEMO-3', 'DEMO-1', 'DEMO-2', 'DEMO-3' | Get-RemoteIssueLink -Connection $Jira -ThrottleLimit 4 |
                    Where-Object { $_.Issue -ne 'DEMO-1' -or $_.GlobalId -eq $CiGlobalId })

            ($links | ForEach-Object { $_.Issue }) | Should -Be @('DEMO-3', 'DEMO-1', 'DEMO-2', 'DEMO-3')
            ($links | ForEach-Object { $_.Title }) | Should -Be @("$title-3", 'Build #991', "$title-2", "$title-3")
        }
    }

    It 'reads the external links of a Yandex Tracker issue: Origin is the application, Key the object in it' {
        $links = @(Get-RemoteIssueLink -Issue TREK-1 -Connection $Tracker)

        $links | Should -HaveCount 1
        $links[0] | Should -BeOfType 'PSRemoteLinks.RemoteIssueLink'
        $links[0].Issue | Should -Be 'TREK-1'
        $links[0].Key | Should -Be 'PR-42'
        $links[0].Origin | Should -Be 'ru.yandex.bitbucket'
        $links[0].Relationship | Should -Be 'relates'
        $links[0].Direction | Should -Be 'Outward'
        $links[0].CreatedBy | Should -Be 'Emulated Admin'
        $links[0].CreatedAt | Should -BeOfType ([DateTimeOffset])
        $links[0].Connection.Name | Should -Be $Tracker.Name
    }

    It 'refuses -GlobalId on a Yandex Tracker connection with a clear error' {
        Get-RemoteIssueLink -Issue TREK-1 -GlobalId 'x' -Connection $Tracker -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotSupportedByBackend,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $failures[0].Exception.Message | Should -Match '-GlobalId is a Jira feature'
    }

    It 'uses the connection made last when -Connection is not given' {
        $links = @(Get-RemoteIssueLink -Issue TREK-1)

        $links | Should -HaveCount 1
        $links[0].Connection.Name | Should -Be $Tracker.Name
    }

    It 'refuses an issue key that could leave the issue path, before any request' {
        { Get-RemoteIssueLink -Issue '..' -Connection $Jira } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand'
    }

    It 'stops with NoConnection, naming the Connect cmdlets, when the session has no connection' {
        $result = Invoke-InNewSession -Script 'Get-RemoteIssueLink -Issue DEMO-1'

        $result.Output | Should -BeNullOrEmpty
        $result.TerminatingError.FullyQualifiedErrorId | Should -Be 'NoConnection,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand'
        $result.TerminatingError.CategoryInfo.Category | Should -Be 'ConnectionError'
        $result.TerminatingError.Exception.Message | Should -Match 'Connect-Jira'
        $result.TerminatingError.Exception.Message | Should -Match 'Connect-YandexTracker'
    }

    Context 'in PowerShell''s own parallelism, where connections are per runspace' -Tag PowerShell7 {
        It 'serves ForEach-Object -Parallel through a connection passed with $using:' {
            $links = @('DEMO-1', 'DEMO-2', 'DEMO-3' | ForEach-Object -ThrottleLimit 3 -Parallel {
                    Import-Module -Name $using:TestModuleManifest
                    Get-RemoteIssueLink -Issue $_ -Connection $using:Jira
                } | Sort-Object -Property Id)

            $links.Title | Should -Be @('Build #991', 'Safari login notes')
            $links | ForEach-Object { $_.Connection.Name | Should -Be $Jira.Name }
        }

        It 'serves Start-ThreadJob through a connection passed with $using:' {
            $job = Start-ThreadJob -ScriptBlock {
                Import-Module -Name $using:TestModuleManifest
                Get-RemoteIssueLink -Issue DEMO-1 -Connection $using:Jira
            }
            $links = @($job | Receive-Job -Wait -AutoRemoveJob -ErrorVariable jobErrors)

            $jobErrors | Should -BeNullOrEmpty
            $links.Title | Should -Be @('Build #991', 'Safari login notes')
        }

        It 'has no default connection in a new runspace, and says to connect or pass -Connection' {
            $job = Start-ThreadJob -ScriptBlock {
                Import-Module -Name $using:TestModuleManifest
                Get-RemoteIssueLink -Issue DEMO-1
            }
            $links = @($job | Receive-Job -Wait -AutoRemoveJob -ErrorVariable jobErrors -ErrorAction SilentlyContinue)

            $links | Should -BeNullOrEmpty
            $jobErrors.Count | Should -BeGreaterThan 0
            $jobErrors[0].FullyQualifiedErrorId | Should -BeLike 'NoConnection,PSRemoteLinks.Commands.GetRemoteIssueLinkCommand*'
            $jobErrors[0].Exception.Message | Should -Match 'Connect-Jira'
        }
    }
}
