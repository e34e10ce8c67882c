# Runs in another fresh pwsh with the same temporary HOME, after Install.ps1: imports PSRemoteLinks by name, as a
# user would after Install-PSResource, and reports, as JSON, where it came from, what it exports, what the
# assembly defines, what Get-Help -Full shows for each cmdlet, and what one cmdlet returns from the emulator.
param(
    [Parameter(Mandatory = $true)] [string] $JiraUri,
    [Parameter(Mandatory = $true)] [string] $JiraUser,
    [Parameter(Mandatory = $true)] [string] $JiraApiToken
)

$ErrorActionPreference = 'Stop'
$module = Import-Module -Name PSRemoteLinks -PassThru
$manifest = Import-PowerShellDataFile -Path ([System.IO.Path]::Combine($module.ModuleBase, 'PSRemoteLinks.psd1'))
$commands = @(Get-Command -Module PSRemoteLinks | ForEach-Object { $_.Name } | Sort-Object)
$defined = @($module.ImplementingAssembly.GetExportedTypes() |
    Where-Object { $_.IsDefined([System.Management.Automation.CmdletAttribute], $false) } |
    ForEach-Object { $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; $attribute.VerbName + '-' + $attribute.NounName } |
    Sort-Object)

$help = foreach ($name in $commands) {
    $full = Get-Help -Name $name -Full
    [pscustomobject]@{
        Name        = $name
        Synopsis    = [string] $full.Synopsis
        Description = (@($full.description) | ForEach-Object { $_.Text }) -join ' '
        Examples    = @($full.examples.example).Count
        Parameters  = @($full.parameters.parameter).Count
        Rendered    = ($full | Out-String -Width 120)
    }
}

$credential = [pscredential]::new($JiraUser, (ConvertTo-SecureString -String $JiraApiToken -AsPlainText -Force))
Connect-Jira -Uri $JiraUri -Credential $credential
$links = @(Get-RemoteIssueLink -Issue DEMO-1 | ForEach-Object { $_.Title })

[pscustomobject]@{
    ModuleBase      = $module.ModuleBase
    Version         = $module.Version.ToString()
    Exported        = $commands
    ManifestCmdlets = @($manifest.CmdletsToExport | Sort-Object)
    Defined         = $defined
    Help            = @($help)
    Links           = $links
} | ConvertTo-Json -Depth 4
