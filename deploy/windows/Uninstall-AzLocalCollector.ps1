<#
.SYNOPSIS
  Stops and removes the AzLocalMonitor collector service. -RemoveSpool also deletes batches not yet delivered.
#>
[CmdletBinding()]
param([string] $ServiceName = 'AzLocalCollector', [string] $InstallPath = "$env:ProgramFiles\AzLocalMonitor\Collector", [switch] $RemoveSpool)
$ErrorActionPreference = 'Stop'
if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
    Stop-Service -Name $ServiceName
    sc.exe delete $ServiceName | Out-Null
}
Remove-Item -Recurse -Force -Path $InstallPath -ErrorAction SilentlyContinue
if ($RemoveSpool) { Remove-Item -Recurse -Force -Path (Join-Path $env:ProgramData 'AzLocalMonitor\Collector') -ErrorAction SilentlyContinue }
