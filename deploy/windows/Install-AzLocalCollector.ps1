<#
.SYNOPSIS
  Installs the AzLocalMonitor collector agent as a Windows service on an Azure Local node.

.DESCRIPTION
  Publishes (or takes an already published folder of) the self-contained win-x64 agent, copies it to
  $InstallPath, creates the spool folder under %ProgramData%, and registers a service that runs
  "AzLocalMonitor.Collector.exe --windows-service --source windows" as LocalSystem (CIM root\MSCluster and the Health Service need it),
  restarting on failure. Run it on every node of the cluster, elevated. Re-running updates the binaries and settings.

.EXAMPLE
  # on a build machine:  dotnet publish src/Collector -c Release -r win-x64 --self-contained -p:PublishReadyToRun=true -o publish\win-x64
  .\Install-AzLocalCollector.ps1 -PublishedPath \\share\azlm\win-x64 -Rules http://rules.contoso.local:9480

.EXAMPLE
  # with a storage-network peer (TCP connect to SMB) and Grafana Cloud as a second destination
  .\Install-AzLocalCollector.ps1 -PublishedPath .\win-x64 -Rules http://rules:9480 -Peers 'storage=10.71.1.12:445' `
      -OtlpEndpoint https://otlp-gateway-prod-eu-west-2.grafana.net/otlp -OtlpHeaders 'Authorization=Basic%20...'
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $PublishedPath,
    [Parameter(Mandatory)] [string] $Rules,
    [string] $Cluster = $(try { (Get-Cluster -ErrorAction Stop).Name } catch { $env:COMPUTERNAME }),
    [string] $Interval = '10s',
    [string[]] $Peers = @(),
    [string] $OtlpEndpoint,
    [string] $OtlpHeaders,
    [string] $InstallPath = "$env:ProgramFiles\AzLocalMonitor\Collector",
    [string] $ServiceName = 'AzLocalCollector'
)
$ErrorActionPreference = 'Stop'
if (-not ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole('Administrators')) {
    throw 'Run this script elevated (as Administrator).'
}

$exe = Join-Path $InstallPath 'AzLocalMonitor.Collector.exe'
$state = Join-Path $env:ProgramData 'AzLocalMonitor\Collector'
$spool = Join-Path $state 'spool'

$existing = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($existing -and $existing.Status -ne 'Stopped') {
    Stop-Service -Name $ServiceName   # the agent makes a final export into the spool and exits
}

New-Item -ItemType Directory -Force -Path $InstallPath, $spool | Out-Null
Copy-Item -Path (Join-Path $PublishedPath '*') -Destination $InstallPath -Recurse -Force
if (-not (Test-Path $exe)) { throw "$exe not found: -PublishedPath must be a win-x64 self-contained publish of src/Collector." }

$arguments = @('--windows-service', '--source', 'windows', '--rules', $Rules, '--cluster', $Cluster, '--interval', $Interval,
               '--spool', "`"$spool`"", '--status-file', "`"$(Join-Path $state 'status.json')`"")
foreach ($peer in $Peers) { $arguments += @('--peer', $peer) }
$binaryPath = "`"$exe`" " + ($arguments -join ' ')

if ($existing) {
    sc.exe config $ServiceName binPath= $binaryPath start= delayed-auto | Out-Null
} else {
    New-Service -Name $ServiceName -BinaryPathName $binaryPath -DisplayName 'AzLocalMonitor collector' `
        -Description 'Exports Azure Local node and cluster telemetry (perf counters, CIM, Health Service) to AzLocalMonitor Rules over OTLP/HTTP.' `
        -StartupType Automatic | Out-Null
    sc.exe config $ServiceName start= delayed-auto | Out-Null
}
sc.exe failure $ServiceName reset= 86400 actions= restart/5000/restart/5000/restart/30000 | Out-Null

# Service environment: footprint knobs and the optional second OTLP destination.
$environment = @('DOTNET_GCHeapHardLimit=0x2000000', 'DOTNET_GCgen0size=0x100000', 'DOTNET_GCConserveMemory=9', 'DOTNET_TieredCompilation=0')
if ($OtlpEndpoint) { $environment += "OTEL_EXPORTER_OTLP_ENDPOINT=$OtlpEndpoint" }
if ($OtlpHeaders) { $environment += "OTEL_EXPORTER_OTLP_HEADERS=$OtlpHeaders" }
Set-ItemProperty -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$ServiceName" -Name Environment -Type MultiString -Value $environment

Start-Service -Name $ServiceName
Start-Sleep -Seconds 15
Get-Service -Name $ServiceName
$status = Join-Path $state 'status.json'
if (Test-Path $status) { Get-Content $status } else { Write-Warning "No $status yet; see the Application event log / run $exe --once to test." }
