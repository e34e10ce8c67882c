Describe 'Export-IssueLinkGraph' {
    BeforeAll {
        . "$PSScriptRoot/TestHelpers.ps1"
        $Jira = Connect-TestJira
    }

    AfterAll {
        Disconnect-IssueTracker -Connection $Jira
    }

    It 'draws a Jira link read from both sides as one Mermaid edge, the way it reads' {
        # The demo data says DEMO-3 blocks DEMO-1.
        $text = Get-IssueLink -Issue DEMO-1, DEMO-3 -Connection $Jira | Export-IssueLinkGraph -Format Mermaid

        $text | Should -BeOfType ([string])
        $lines = $text -split "`n"
        $lines[0] | Should -Be 'flowchart TD'
        ($lines | Where-Object { $_ -like '*<b>DEMO-3</b>*' }) | Should -Be '    n2["<b>DEMO-3</b><br/>Upgrade TLS library<br/><i>Done</i>"]'
        @($lines | Where-Object { $_ -like '*-->*' }) | Should -Be @('    n2 -->|"blocks"| n1')
    }

    It 'escapes a hostile summary so it adds no node, edge or directive' {
        $link = [PSRemoteLinks.IssueLink]@{
            Issue = 'A-1'; LinkedIssue = 'B-2'; Relationship = 'blocks'; Direction = 'Outward'
            IssueSummary = "a`"]; n9[`"x`"] --> n1 %%{init: {}}%%`nnext"
        }

        $text = $link | Export-IssueLinkGraph -Format Mermaid

        @($text -split "`n" | Where-Object { $_ -match '^    n\d+\[' }) | Should -HaveCount 2
        $text | Should -Match ([regex]::Escape('<b>A-1</b><br/>a#34;#93;; n9#91;#34;x#34;#93; --#62; n1 #37;#37;#123;init: #123;#125;#125;#37;#37;#10;next'))
    }

    It 'writes an SVG file chosen by the extension' {
        $file = Join-Path $TestDrive 'links.svg'

        Get-IssueLink -Issue DEMO-1 -Connection $Jira | Export-IssueLinkGraph -Path $file

        $svg = [xml](Get-Content -LiteralPath $file -Raw)
        $svg.svg.title | Should -Match '^Issue links: \d+ issues, \d+ links$'
        @($svg.SelectNodes('//*[@data-key="DEMO-1"]')) | Should -HaveCount 1
    }

    It 'refuses a file name whose extension names no format' {
        { Get-IssueLink -Issue DEMO-1 -Connection $Jira | Export-IssueLinkGraph -Path (Join-Path $TestDrive 'links.png') } |
            Should -Throw -ErrorId 'UnknownGraphFormat,PSRemoteLinks.Commands.ExportIssueLinkGraphCommand'
    }
}
