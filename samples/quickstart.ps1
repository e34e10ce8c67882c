# PSRemoteLinks quickstart: a tour of the module against the loopback emulator.
# `dotnet run --project samples/Quickstart` runs it step by step and shows what you would see at the prompt.
# The runner sets $JiraUri, $JiraCred, $TrackerUri, $TrackerToken and $OrgId to the emulator's address and demo
# credentials; against your own servers, set them to yours (Get-Credential, Read-Host -AsSecureString).
# $GraphPath is where the last step saves its SVG (`-- --graph <file.svg>` chooses it; else a temporary file).

# --- Connect to Jira (verified with GET /rest/api/2/myself)
Connect-Jira -Uri $JiraUri -Credential $JiraCred -Name demo-jira -PassThru

# --- The remote links an issue has
Get-RemoteIssueLink DEMO-1

# --- Create a link with a global id: Jira answers only id/self, so the link is read back and shown as stored
New-RemoteIssueLink -Issue DEMO-2 -Url 'https://ci.example.org/builds/1024' -Title 'Build #1024' -GlobalId 'system=https://ci.example.org&build=1024' -Relationship 'built by' -ApplicationName 'Example CI' -Summary 'Nightly build'

# --- Run it again with a new title: the global id makes it an update, not a duplicate
New-RemoteIssueLink -Issue DEMO-2 -Url 'https://ci.example.org/builds/1024' -Title 'Build #1024 (green)' -GlobalId 'system=https://ci.example.org&build=1024' -Relationship 'built by' -ApplicationName 'Example CI' -Summary 'Nightly build'

# --- Still one link on DEMO-2
Get-RemoteIssueLink DEMO-2

# --- Change one field; every other field keeps its value
Get-RemoteIssueLink DEMO-2 -GlobalId 'system=https://ci.example.org&build=1024' | Set-RemoteIssueLink -Resolved -StatusIconTitle 'Passed' -PassThru

# --- Copy every link of DEMO-1 onto DEMO-3 through the pipeline
Get-RemoteIssueLink DEMO-1 | New-RemoteIssueLink -Issue DEMO-3

# --- See what removing them would do
Get-RemoteIssueLink DEMO-3 | Remove-RemoteIssueLink -WhatIf

# --- Remove them for real; DEMO-3 has no remote links left
Get-RemoteIssueLink DEMO-3 | Remove-RemoteIssueLink -Confirm:$false
(Get-RemoteIssueLink DEMO-3).Count

# --- Link two issues: "DEMO-2 blocks DEMO-1"
New-IssueLink -Issue DEMO-2 -LinkedIssue DEMO-1 -Relationship blocks

# --- The same link read from DEMO-1's side
Get-IssueLink DEMO-1

# --- Connect to Yandex Tracker (a Yandex 360 organisation) beside Jira
Connect-YandexTracker -Uri $TrackerUri -Token $TrackerToken -OrgId $OrgId -Name demo-tracker -PassThru

# --- The same cmdlets on Tracker: "TREK-2 depends on TREK-1"
New-IssueLink -Issue TREK-2 -LinkedIssue TREK-1 -Relationship 'depends on'

# --- Read from TREK-1's side, TREK-1 "is dependent by" TREK-2
Get-IssueLink TREK-1

# --- Tracker external links point into registered applications
New-RemoteIssueLink -Issue TREK-2 -Key 'PR-77' -Origin 'ru.yandex.bitbucket'

# --- Both connections side by side; the last one made is the default
Get-IssueTrackerConnection

# --- Any connection can be named for one command, by its name
Get-RemoteIssueLink DEMO-2 -Connection demo-jira

# --- Draw the links of DEMO-1..3 as Mermaid: paste it into a wiki page or a pull request
Get-IssueLink DEMO-1, DEMO-2, DEMO-3 -Connection demo-jira | Export-IssueLinkGraph -Format Mermaid

# --- The same graph as an SVG picture, laid out here, that opens in any browser
Get-IssueLink DEMO-1, DEMO-2, DEMO-3 -Connection demo-jira | Export-IssueLinkGraph -Path $GraphPath
"Saved to $GraphPath"
