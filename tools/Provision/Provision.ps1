# Fetches the PowerShell and Pester pinned in Provision.csproj into .tools at the repository root (ignored by git):
# nothing is installed globally. Dot-sourced by build.ps1; .ci/run does the same for pwsh in bash, before any
# PowerShell exists. Windows PowerShell 5.1 and PowerShell 7.

function Get-ProvisionedVersion {
    # A version pinned in Provision.csproj: PowerShellVersion or PesterVersion.
    param(
        [Parameter(Mandatory = $true)] [string] $Root,
        [Parameter(Mandatory = $true)] [ValidateSet('PowerShellVersion', 'PesterVersion')] [string] $Name
    )

    $project = [xml] [System.IO.File]::ReadAllText([System.IO.Path]::Combine($Root, 'tools', 'Provision', 'Provision.csproj'))
    $version = $project.SelectSingleNode("/Project/PropertyGroup/$Name")
    if ($null -eq $version) {
        throw "tools/Provision/Provision.csproj pins no $Name."
    }

    $version.InnerText.Trim()
}

function Install-PinnedPester {
    # Returns the path of the pinned Pester's manifest, restoring the package into .tools/packages first if needed.
    param(
        [Parameter(Mandatory = $true)] [string] $DotNet,
        [Parameter(Mandatory = $true)] [string] $Root
    )

    $version = Get-ProvisionedVersion -Root $Root -Name PesterVersion
    $manifest = [System.IO.Path]::Combine($Root, '.tools', 'packages', 'pester', $version, 'tools', 'Pester.psd1')
    if (-not [System.IO.File]::Exists($manifest)) {
        & $DotNet restore ([System.IO.Path]::Combine($Root, 'tools', 'Provision', 'Provision.csproj')) | Out-Host
        if ($LASTEXITCODE -ne 0 -or -not [System.IO.File]::Exists($manifest)) {
            throw "Could not fetch Pester $version from NuGet into $([System.IO.Path]::GetDirectoryName($manifest)) (dotnet restore tools/Provision exited with $LASTEXITCODE)."
        }
    }

    $manifest
}

function Install-PinnedPowerShell {
    # Returns the path of the pinned pwsh, installing it as a .NET tool into .tools/pwsh first if needed.
    param(
        [Parameter(Mandatory = $true)] [string] $DotNet,
        [Parameter(Mandatory = $true)] [string] $Root
    )

    $version = Get-ProvisionedVersion -Root $Root -Name PowerShellVersion
    $folder = [System.IO.Path]::Combine($Root, '.tools', 'pwsh')
    $name = 'pwsh'
    if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) {
        $name = 'pwsh.exe'
    }

    $pwsh = [System.IO.Path]::Combine($folder, $name)
    $store = [System.IO.Path]::Combine($folder, '.store', 'powershell', $version)
    if (-not [System.IO.Directory]::Exists($store)) {
        if ([System.IO.Directory]::Exists($folder)) {
            [System.IO.Directory]::Delete($folder, $true)
        }

        & $DotNet tool install PowerShell --version $version --tool-path $folder | Out-Host
        if ($LASTEXITCODE -ne 0) {
            throw "Could not install PowerShell $version from NuGet into $folder (dotnet tool install exited with $LASTEXITCODE)."
        }
    }

    $pwsh
}
