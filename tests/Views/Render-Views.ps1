<#
.SYNOPSIS
    Renders the default table and list view of every PSRemoteLinks output type at 80 and 120 columns and compares
    them with the committed renderings in tests/Views/expected (-Check, the default) or rewrites those (-Update).

.DESCRIPTION
    Needs PowerShell 7 with PSRemoteLinks imported, or -ModulePath. The objects are built from fixed sample data
    (no server, no request, no date of today, no port), so the text is the same on every machine. The rendering
    runs in a runspace of its own (this script calls itself with -Render there): the connections it opens, with
    -SkipVerification, never touch the caller's session. Culture is invariant and output plain text (no ANSI).

    -Check writes each difference and exits 1 when there is one; -Update writes the files and exits 0.

    To add a type, add one entry to $Samples: a file name and a script block that returns the sample objects
    (a few rows, one value longer than its column, both services where they differ).

.EXAMPLE
    pwsh -NoProfile -Command 'Import-Module ./out/PSRemoteLinks/PSRemoteLinks.psd1; ./tests/Views/Render-Views.ps1'
#>
[CmdletBinding(DefaultParameterSetName = 'Check')]
param(
    [Parameter(ParameterSetName = 'Check')]
    [switch] $Check,

    [Parameter(Mandatory, ParameterSetName = 'Update')]
    [switch] $Update,

    [Parameter(Mandatory, ParameterSetName = 'Render', DontShow)]
    [switch] $Render,

    # The module manifest to render with; by default that of the imported PSRemoteLinks.
    [string] $ModulePath,

    [string] $ExpectedPath = (Join-Path $PSScriptRoot 'expected')
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$Widths = 80, 120

# One entry per type (or per extra type name a cmdlet adds): Name is the file name's start.
$Samples = [ordered]@{
    'RemoteIssueLink' = {
        $at = [DateTimeOffset]'2026-03-12T09:15:00+00:00'
        [PSRemoteLinks.RemoteIssueLink]@{
            Issue = 'DEMO-1'; Id = 10000; GlobalId = 'system=https://ci.example.org&build=991'; Relationship = 'built by'
            Title = 'Build #991'; Url = 'https://ci.example.org/builds/991'; Summary = 'Passed in 4 min'
            ApplicationType = 'org.example.ci'; ApplicationName = 'Example CI'; IconUrl = 'https://ci.example.org/favicon.png'
            IconTitle = 'Example CI'; Resolved = $true; StatusIconUrl = 'https://ci.example.org/passed.png'
            StatusIconTitle = 'Passed'; StatusIconLink = 'https://ci.example.org/builds/991/log'
            Self = 'https://acme.atlassian.net/rest/api/2/issue/DEMO-1/remotelink/10000'; Connection = $jira
        }
        [PSRemoteLinks.RemoteIssueLink]@{
            Issue = 'DEMO-1'; Id = 10001; Title = 'Safari login notes'; Url = 'https://docs.example.org/safari-login'
            Self = 'https://acme.atlassian.net/rest/api/2/issue/DEMO-1/remotelink/10001'; Connection = $jira
        }
        [PSRemoteLinks.RemoteIssueLink]@{
            Issue = 'PLATFORM-12345'; Id = 1234567; Relationship = 'mentioned in'
            Title = 'Architecture decision record: retiring the legacy login service'
            Url = 'https://wiki.example.org/display/ENGINEERING/Architecture+decision+record+retiring+the+legacy+login+service'
            Self = 'https://acme.atlassian.net/rest/api/2/issue/PLATFORM-12345/remotelink/1234567'; Connection = $jira
        }
    }
    'TrackerRemoteIssueLink' = {
        $at = [DateTimeOffset]'2026-03-12T09:15:00+00:00'
        $links = @(
            [PSRemoteLinks.RemoteIssueLink]@{
                Issue = 'TREK-1'; Id = 51299313; Relationship = 'relates'; Key = 'PR-42'; Origin = 'ru.yandex.bitbucket'
                ApplicationType = 'ru.yandex.bitbucket'; ApplicationName = 'Bitbucket'; Direction = 'Outward'
                CreatedBy = 'Ivan Petrov'; CreatedAt = $at; UpdatedAt = $at
                Self = 'https://api.tracker.yandex.net/v2/issues/TREK-1/remotelinks/51299313'; Connection = $tracker
            }
            [PSRemoteLinks.RemoteIssueLink]@{
                Issue = 'TREK-1'; Id = 51299314; Relationship = 'is parent task for'; Key = 'LOAD-TEST-2026-03-12-NIGHTLY-RUN'
                Origin = 'ru.yandex.lunapark.performance-testing'; ApplicationType = 'ru.yandex.lunapark.performance-testing'
                ApplicationName = 'Lunapark'; Direction = 'Outward'; CreatedBy = 'Ivan Petrov'; CreatedAt = $at; UpdatedAt = $at
                Self = 'https://api.tracker.yandex.net/v2/issues/TREK-1/remotelinks/51299314'; Connection = $tracker
            })
        # Get-RemoteIssueLink and New-RemoteIssueLink add this type name to a Tracker link (TrackerLinkView).
        foreach ($link in $links) {
            $tagged = [psobject]::AsPSObject($link)
            $tagged.PSObject.TypeNames.Insert(0, 'PSRemoteLinks.RemoteIssueLink#YandexTracker')
            $tagged
        }
    }
    'IssueLink' = {
        $at = [DateTimeOffset]'2026-03-12T09:15:00+00:00'
        [PSRemoteLinks.IssueLink]@{
            Issue = 'DEMO-1'; Id = 20000; Relationship = 'is blocked by'; Direction = 'Inward'; LinkedIssue = 'DEMO-3'
            LinkedIssueSummary = 'Upgrade TLS library'; LinkedIssueStatus = 'Done'; LinkedIssueStatusCategory = 'Done'
            IssueSummary = 'Login fails on Safari'; IssueStatus = 'In Progress'; IssueStatusCategory = 'InProgress'
            Type = 'Blocks'; Self = 'https://acme.atlassian.net/rest/api/2/issueLink/20000'; Connection = $jira
        }
        [PSRemoteLinks.IssueLink]@{
            Issue = 'DEMO-1'; Id = 20001; Relationship = 'relates to'; Direction = 'Outward'; LinkedIssue = 'DEMO-2'
            LinkedIssueSummary = 'Session cookie expires too early'; LinkedIssueStatus = 'To Do'; LinkedIssueStatusCategory = 'ToDo'
            Type = 'Relates'; Self = 'https://acme.atlassian.net/rest/api/2/issueLink/20001'; Connection = $jira
        }
        [PSRemoteLinks.IssueLink]@{
            Issue = 'PLATFORM-12345'; Id = 1234568; Relationship = 'is duplicated by'; Direction = 'Inward'
            LinkedIssue = 'PLATFORM-12346'; LinkedIssueSummary = 'Users are logged out after a deployment of the authentication gateway'
            LinkedIssueStatus = 'Waiting for customer'; LinkedIssueStatusCategory = 'InProgress'; Depth = 1
            Type = 'Duplicate'; Self = 'https://acme.atlassian.net/rest/api/2/issueLink/1234568'; Connection = $jira
        }
        [PSRemoteLinks.IssueLink]@{
            Issue = 'TREK-1'; Id = 4709605; Relationship = 'is parent task for'; Direction = 'Outward'; LinkedIssue = 'TREK-2'
            LinkedIssueSummary = 'Load test'; LinkedIssueStatus = 'In progress'; LinkedIssueStatusCategory = 'InProgress'
            Type = 'subtask'; CreatedBy = 'Ivan Petrov'; CreatedAt = $at; UpdatedAt = $at
            Self = 'https://api.tracker.yandex.net/v2/issues/TREK-1/links/4709605'; Connection = $tracker
        }
    }
    'IssueLinkType' = {
        foreach ($type in @(
                @('10000', 'Blocks', 'blocks', 'is blocked by'),
                @('10001', 'Cloners', 'clones', 'is cloned by'),
                @('10002', 'Duplicate', 'duplicates', 'is duplicated by'),
                @('10003', 'Relates', 'relates to', 'relates to'),
                @('10100', 'Problem/Incident', 'causes the production incident', 'is the root cause of the production incident'))) {
            [PSRemoteLinks.IssueLinkType]@{
                Id = $type[0]; Name = $type[1]; Outward = $type[2]; Inward = $type[3]; Connection = $jira
                Self = 'https://acme.atlassian.net/rest/api/2/issueLinkType/' + $type[0]
            }
        }
    }
    'Issue' = {
        $at = [DateTimeOffset]'2026-03-12T09:15:00+00:00'
        [PSRemoteLinks.Issue]@{
            Issue = 'DEMO-1'; Summary = 'Login fails on Safari'; Status = 'In Progress'; StatusCategory = 'InProgress'; Type = 'Bug'
            Assignee = 'Jane Doe'; UpdatedAt = $at; Url = 'https://acme.atlassian.net/browse/DEMO-1'
            Self = 'https://acme.atlassian.net/rest/api/2/issue/10001'; Connection = $jira
        }
        [PSRemoteLinks.Issue]@{
            Issue = 'PLATFORM-12345'; Summary = 'Users are logged out after a deployment of the authentication gateway'
            Status = 'Waiting for customer'; StatusCategory = 'InProgress'; Type = 'Incident'; Assignee = 'Maximilian Oberhausen-Lindqvist'
            UpdatedAt = $at; Url = 'https://acme.atlassian.net/browse/PLATFORM-12345'
            Self = 'https://acme.atlassian.net/rest/api/2/issue/12345'; Connection = $jira
        }
        [PSRemoteLinks.Issue]@{
            Issue = 'TREK-1'; Summary = 'Load test'; Status = 'Open'; StatusCategory = 'ToDo'; Type = 'Task'
            UpdatedAt = $at; Url = 'https://tracker.yandex.ru/TREK-1'
            Self = 'https://api.tracker.yandex.net/v2/issues/TREK-1'; Connection = $tracker
        }
    }
    'RemoteIssueLinkCheck' = {
        [PSRemoteLinks.RemoteIssueLinkCheck]@{
            Issue = 'DEMO-1'; Id = 10000; Url = 'https://ci.example.org/builds/991'; StatusCode = 200; Reachable = $true
            Elapsed = [TimeSpan]::FromMilliseconds(41); Connection = $jira
        }
        [PSRemoteLinks.RemoteIssueLinkCheck]@{
            Issue = 'DEMO-1'; Id = 10001; Url = 'https://docs.example.org/safari-login'; StatusCode = 200; Reachable = $true
            RedirectedTo = 'https://wiki.example.org/display/WEB/Safari+login'; Elapsed = [TimeSpan]::FromMilliseconds(95); Connection = $jira
        }
        [PSRemoteLinks.RemoteIssueLinkCheck]@{
            Issue = 'PLATFORM-12345'; Id = 1234567; StatusCode = 404; Reachable = $false; Error = '404 Not Found'
            Url = 'https://wiki.example.org/display/ENGINEERING/Architecture+decision+record+retiring+the+legacy+login+service'
            Elapsed = [TimeSpan]::FromMilliseconds(63); Connection = $jira
        }
        [PSRemoteLinks.RemoteIssueLinkCheck]@{
            Issue = 'TREK-1'; Id = 51299313; Reachable = 'Unknown'; Error = "not checkable: PR-42 in the application 'ru.yandex.bitbucket' has no web address"
            Connection = $tracker
        }
    }
    'IssueTrackerConnection' = {
        # A connection's User is set only by a verified Connect, which needs a server: these stand in for
        # connections, and the view, selected by type name, renders them as it renders the real ones.
        [pscustomobject]@{
            PSTypeName = 'PSRemoteLinks.IssueTrackerConnection'; Name = 'acme.atlassian.net'; Kind = [PSRemoteLinks.TrackerKind]::Jira
            Uri = [uri]'https://acme.atlassian.net/'; User = 'Jane Doe'; Organization = $null; IsDefault = $false
        }
        [pscustomobject]@{
            PSTypeName = 'PSRemoteLinks.IssueTrackerConnection'; Name = 'gateway'; Kind = [PSRemoteLinks.TrackerKind]::Jira
            Uri = [uri]'https://api.atlassian.com/ex/jira/11223344-a1b2-3b33-c444-def123456789/'; User = 'build-bot@acme.example'
            Organization = $null; IsDefault = $false
        }
        [pscustomobject]@{
            PSTypeName = 'PSRemoteLinks.IssueTrackerConnection'; Name = 'tracker'; Kind = [PSRemoteLinks.TrackerKind]::YandexTracker
            Uri = [uri]'https://api.tracker.yandex.net/'; User = 'Ivan Petrov'; Organization = 'X-Org-ID 1234567'; IsDefault = $true
        }
    }
}

if ($Render) {
    # Inside the runspace of its own: render every sample and write one object per file.
    [System.Threading.Thread]::CurrentThread.CurrentCulture = [cultureinfo]::InvariantCulture
    [System.Threading.Thread]::CurrentThread.CurrentUICulture = [cultureinfo]::InvariantCulture
    $PSStyle.OutputRendering = 'PlainText'
    Import-Module $ModulePath
    $secret = ConvertTo-SecureString 'not-a-real-token' -AsPlainText -Force
    $jira = Connect-Jira -Uri https://acme.atlassian.net -Credential ([pscredential]::new('jane@acme.example', $secret)) -Name jira -SkipVerification -PassThru
    $tracker = Connect-YandexTracker -Token $secret -OrgId 1234567 -Name tracker -SkipVerification -PassThru
    foreach ($sample in $Samples.GetEnumerator()) {
        $objects = @(& $sample.Value)
        foreach ($width in $Widths) {
            [pscustomobject]@{ File = "$($sample.Key).table.$width.txt"; Text = $objects | Format-Table | Out-String -Width $width }
            [pscustomobject]@{ File = "$($sample.Key).list.$width.txt"; Text = $objects | Format-List | Out-String -Width $width }
        }
    }

    return
}

function ConvertTo-ComparableText([string] $Text) {
    # Line ends and trailing blanks are not part of a view; every file ends with one newline.
    $lines = $Text -split '\r?\n' | ForEach-Object { $_.TrimEnd() }
    (($lines -join "`n").Trim("`n")) + "`n"
}

if (-not $ModulePath) {
    $module = Get-Module PSRemoteLinks
    if (-not $module) {
        throw 'Import PSRemoteLinks first (Import-Module <folder>/PSRemoteLinks.psd1), or pass -ModulePath.'
    }

    $ModulePath = Join-Path $module.ModuleBase 'PSRemoteLinks.psd1'
}

$runspace = [runspacefactory]::CreateRunspace()
$runspace.Open()
$shell = [powershell]::Create()
try {
    $shell.Runspace = $runspace
    $null = $shell.AddCommand($PSCommandPath).AddParameter('Render').AddParameter('ModulePath', $ModulePath)
    $rendered = $shell.Invoke()
    if ($shell.Streams.Error.Count -gt 0) {
        throw "Rendering the views failed: $($shell.Streams.Error -join "`n")"
    }
}
finally {
    $shell.Dispose()
    $runspace.Dispose()
}

if ($Update) {
    $null = New-Item -ItemType Directory -Force -Path $ExpectedPath
    Get-ChildItem -Path $ExpectedPath -Filter *.txt | Where-Object Name -notin $rendered.File | Remove-Item
    foreach ($view in $rendered) {
        [System.IO.File]::WriteAllText((Join-Path $ExpectedPath $view.File), (ConvertTo-ComparableText $view.Text))
    }

    Write-Host "Wrote $($rendered.Count) renderings to $ExpectedPath."
    exit 0
}

$differences = 0
foreach ($view in $rendered) {
    $path = Join-Path $ExpectedPath $view.File
    $actual = ConvertTo-ComparableText $view.Text
    $expected = if (Test-Path -LiteralPath $path) { ConvertTo-ComparableText ([System.IO.File]::ReadAllText($path)) } else { $null }
    if ($actual -cne $expected) {
        $differences++
        $why = if ($null -eq $expected) { 'is not committed' } else { 'differs from the committed rendering' }
        Write-Host "$($view.File) $why. It renders as:`n$actual"
    }
}

$unused = @(Get-ChildItem -Path $ExpectedPath -Filter *.txt -ErrorAction SilentlyContinue | Where-Object Name -notin $rendered.File)
foreach ($file in $unused) {
    $differences++
    Write-Host "$($file.Name) is committed but no sample renders it."
}

if ($differences -gt 0) {
    Write-Host "$differences rendering(s) differ from $ExpectedPath; after checking them, rewrite the files with -Update."
    exit 1
}

Write-Host "All $($rendered.Count) renderings match $ExpectedPath."
exit 0
