# Runs in a fresh pwsh whose HOME is a temporary folder (tests/Gallery/Gallery.Tests.ps1): registers the folder
# holding the package as a PSResourceGet repository, installs PSRemoteLinks from it for the current user, and
# unregisters the repository. Prints what Get-InstalledPSResource reports, as JSON.
param(
    [Parameter(Mandatory = $true)] [string] $RepositoryPath,
    [Parameter(Mandatory = $true)] [string] $Version
)

$ErrorActionPreference = 'Stop'
$repository = 'PSRemoteLinksRoundTrip'
Register-PSResourceRepository -Name $repository -Uri $RepositoryPath -Trusted
try {
    Install-PSResource -Name PSRemoteLinks -Version $Version -Repository $repository -Scope CurrentUser -TrustRepository
}
finally {
    Unregister-PSResourceRepository -Name $repository
}

$installed = @(Get-InstalledPSResource -Name PSRemoteLinks -Scope CurrentUser)
[pscustomobject]@{
    Installed    = @($installed | ForEach-Object { [pscustomobject]@{ Version = $_.Version.ToString(); Location = $_.InstalledLocation } })
    Repositories = @(Get-PSResourceRepository | ForEach-Object { $_.Name })
} | ConvertTo-Json -Depth 4
