# Module manifest for PSRemoteLinks.
# ModuleVersion is stamped from Directory.Build.props (<PSRemoteLinksVersion>) into the built copy beside the
# assembly; change the version there, not here.
@{
    RootModule             = 'PSRemoteLinks.dll'
    ModuleVersion          = '0.2.0'
    GUID                   = '6f1d2c9a-4b7e-4e0a-9c53-2a8f1e7d4b61'
    Author                 = 'PSRemoteLinks contributors'
    CompanyName            = 'PSRemoteLinks'
    Copyright              = '(c) 2026 PSRemoteLinks contributors. MIT License.'
    Description            = 'Manage issue links and remote (web/external) links in Jira Cloud, Jira Data Center and Yandex Tracker from PowerShell: typed objects, pipelines, bulk work with bounded concurrency, safe retries.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('PSRemoteLinks.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-Jira'
        'Connect-YandexTracker'
        'Get-IssueTrackerConnection'
        'Disconnect-IssueTracker'
        'Get-RemoteIssueLink'
        'New-RemoteIssueLink'
        'Set-RemoteIssueLink'
        'Remove-RemoteIssueLink'
        'Get-IssueLink'
        'New-IssueLink'
        'Remove-IssueLink'
        'Get-IssueLinkType'
        'Export-IssueLinkGraph'
        'Test-RemoteIssueLink'
        'Find-Issue'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Jira', 'JiraCloud', 'JiraDataCenter', 'YandexTracker', 'Tracker', 'RemoteLinks', 'IssueLinks', 'REST', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/psremotelinks/PSRemoteLinks'
            LicenseUri   = 'https://github.com/psremotelinks/PSRemoteLinks/blob/main/LICENSE'
            ReleaseNotes = 'Find-Issue (JQL and Tracker queries, streamed), Test-RemoteIssueLink (dead-link audit without credentials), Get-IssueLink -Recurse and Export-IssueLinkGraph (Mermaid, DOT, SVG), delay-bind script blocks on Set-RemoteIssueLink, removes that touch only the issue named, the public RemoteLinksException, -Connection by name, views for 80 columns. Connect errors now carry the cause''s own id. Every change: https://github.com/psremotelinks/PSRemoteLinks/blob/main/CHANGELOG.md'
        }
    }
}
