<#
.SYNOPSIS
  Saves what the AzLocalMonitor agent reads on this Azure Local node into a folder (and a .zip) to send to us.

.DESCRIPTION
  Read-only: it runs the same CIM queries, performance counters and Health Service call as the agent and writes them
  as JSON, and changes nothing on the node. Credentials among cluster resources' private properties (a cloud
  witness's key or token) are written as "(redacted)". Windows PowerShell 5.1 (the inbox one) or PowerShell 7. Run it as the
  account the agent runs as, or any local administrator (root\MSCluster and the Health Service need one).

  Layout (what `AzLocalMonitor.Collector --source windows-capture --capture DIR` replays):
    meta.json                               { computerName, cluster, capturedAt, psVersion }
    cim\<namespace, / as _>\<Class>.json    Get-CimInstance -Namespace N -ClassName C | ConvertTo-Json -Depth 5 (always an array)
    cim\<namespace, / as _>\<Class>.error.json   instead, when the query failed (the error message)
    counters.json                           (Get-Counter <paths>).CounterSamples | Select-Object Path, InstanceName, CookedValue
    healthfaults.json                       Get-HealthFault | ConvertTo-Json -Depth 5
    healthfaults.error.json                 instead, when Get-HealthFault failed: the message and Diagnose's return value

.EXAMPLE
  .\Save-AzLocalCapture.ps1
  # writes .\azlocal-capture-<node>-<yyyyMMddHHmmss> and the .zip beside it

.EXAMPLE
  .\Save-AzLocalCapture.ps1 -OutputPath D:\captures\node1 -NoZip
#>
[CmdletBinding()]
param(
    [string] $OutputPath,
    [switch] $NoZip
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# Every class the agent queries (src/Collector/Sources/Windows/WqlQueries.cs; a test keeps the two lists equal).
$CimClasses = @(
    @{ Namespace = 'root/MSCluster'; ClassName = 'MSCluster_Cluster' },
    @{ Namespace = 'root/MSCluster'; ClassName = 'MSCluster_Node' },
    @{ Namespace = 'root/MSCluster'; ClassName = 'MSCluster_Resource' },
    @{ Namespace = 'root/MSCluster'; ClassName = 'MSCluster_ResourceGroup' },
    @{ Namespace = 'root/MSCluster'; ClassName = 'MSCluster_Network' },
    @{ Namespace = 'root/MSCluster'; ClassName = 'MSCluster_NetworkInterface' },
    @{ Namespace = 'root/Microsoft/Windows/Storage'; ClassName = 'MSFT_StorageJob' },
    @{ Namespace = 'root/Microsoft/Windows/Storage'; ClassName = 'MSFT_VirtualDisk' },
    @{ Namespace = 'root/Microsoft/Windows/Storage'; ClassName = 'MSFT_StorageTier' },
    @{ Namespace = 'root/Microsoft/Windows/Storage'; ClassName = 'MSFT_VirtualDiskToStorageTier' },
    @{ Namespace = 'root/Microsoft/Windows/Storage'; ClassName = 'MSFT_Volume' },
    @{ Namespace = 'root/Microsoft/Windows/Storage'; ClassName = 'MSFT_StoragePool' },
    @{ Namespace = 'root/Microsoft/Windows/Storage'; ClassName = 'MSFT_StorageNode' },
    @{ Namespace = 'root/Microsoft/Windows/Storage'; ClassName = 'MSFT_StorageNodeToPhysicalDisk' },
    @{ Namespace = 'root/Microsoft/Windows/Storage'; ClassName = 'MSFT_PhysicalDisk' },
    @{ Namespace = 'root/Microsoft/Windows/Storage'; ClassName = 'MSFT_StorageSubSystem' },
    @{ Namespace = 'root/virtualization/v2'; ClassName = 'Msvm_ComputerSystem' },
    @{ Namespace = 'root/cimv2'; ClassName = 'Win32_ComputerSystem' },
    @{ Namespace = 'root/StandardCimv2'; ClassName = 'MSFT_NetAdapter' },
    @{ Namespace = 'root/Microsoft/Windows/StorageReplica'; ClassName = 'MSFT_WvrReplicationGroup' },
    @{ Namespace = 'root/Microsoft/Windows/StorageReplica'; ClassName = 'MSFT_WvrReplicationPartnership' }
)

# Every counter the agent maps (src/Collector/Sources/Windows/CounterNames.cs CapturePaths; kept equal by a test).
$CounterPaths = @(
    '\Hyper-V Hypervisor Logical Processor(_Total)\% Total Run Time',
    '\Processor(_Total)\% Processor Time',
    '\Memory\Available Bytes',
    '\Cluster CSVFS(*)\Avg. sec/Read',
    '\Cluster CSVFS(*)\Avg. sec/Write',
    '\Cluster CSVFS(*)\Reads/sec',
    '\Cluster CSVFS(*)\Writes/sec',
    '\Cluster Storage Hybrid Disks(*)\Cache Hit Reads/sec',
    '\Cluster Storage Hybrid Disks(*)\Cache Miss Reads/sec',
    '\RDMA Activity(*)\RDMA Inbound Bytes/sec',
    '\RDMA Activity(*)\RDMA Outbound Bytes/sec',
    '\Network Adapter(*)\Bytes Received/sec',
    '\Network Adapter(*)\Bytes Sent/sec',
    '\Storage Spaces Drt(*)\Dirty Bytes'
)

# Private properties of cluster resources that hold credentials: a cloud witness's storage account key or SAS token
# (PrimaryToken), a share's password. The agent reads none of them (only AccountName, EndpointInfo, SharePath), and a
# capture is sent to us: they are replaced by "(redacted)" before anything is written.
$SecretName = '(?i)(token|key|password|secret|credential|sas)'

function Hide-Secret {
    param([AllowNull()] [object] $Value)
    if ($null -eq $Value -or $Value -is [string] -or $Value -is [ValueType]) { return }
    if ($Value -is [System.Collections.IEnumerable]) { foreach ($item in $Value) { Hide-Secret $item }; return }
    # A CIM property list entry ({ Name, Value, CimType, Flags }) of an embedded instance names its secret in Name.
    $name = $Value.PSObject.Properties['Name']
    $held = $Value.PSObject.Properties['Value']
    if ($null -ne $name -and $null -ne $held -and "$($name.Value)" -match $SecretName -and $null -ne $held.Value) { $held.Value = '(redacted)' }
    foreach ($property in @($Value.PSObject.Properties | Where-Object { $_.MemberType -eq 'NoteProperty' -and $_.Name -ne 'Value' })) {
        if ($property.Name -match $SecretName -and $null -ne $property.Value) { $property.Value = '(redacted)' }
        else { Hide-Secret $property.Value }
    }
}

function Protect-PrivateProperty {
    param([Parameter(Mandatory)] [object] $Instance)
    $properties = $Instance.PSObject.Properties['PrivateProperties']
    if ($null -eq $properties -or $null -eq $properties.Value) { return $Instance }
    # A plain copy (a CIM instance is read-only) with the same depth the capture is written at.
    $copy = ConvertTo-Json -InputObject $Instance -Depth 5 | ConvertFrom-Json
    Hide-Secret $copy.PrivateProperties
    return $copy
}

function Write-CaptureJson {
    param([Parameter(Mandatory)] [string] $Path, [AllowNull()] [object] $InputObject)
    $folder = Split-Path -Parent $Path
    if (-not (Test-Path -LiteralPath $folder)) { New-Item -ItemType Directory -Path $folder -Force | Out-Null }
    ConvertTo-Json -InputObject $InputObject -Depth 5 | Set-Content -LiteralPath $Path -Encoding UTF8
}

function Save-CimClass {
    param([Parameter(Mandatory)] [string] $Root, [Parameter(Mandatory)] [string] $Namespace, [Parameter(Mandatory)] [string] $ClassName)
    $folder = Join-Path (Join-Path $Root 'cim') ($Namespace -replace '[/\\]', '_')
    try {
        # @(...) keeps an array for zero or one instance, as the replay expects.
        $instances = @(Get-CimInstance -Namespace $Namespace -ClassName $ClassName -ErrorAction Stop)
        if ($ClassName -eq 'MSCluster_Resource') { $instances = @($instances | ForEach-Object { Protect-PrivateProperty $_ }) }
        Write-CaptureJson -Path (Join-Path $folder "$ClassName.json") -InputObject $instances
    } catch {
        Write-Warning "${Namespace} ${ClassName}: $($_.Exception.Message)"
        Write-CaptureJson -Path (Join-Path $folder "$ClassName.error.json") -InputObject ([ordered]@{
            namespace = $Namespace; class = $ClassName; message = $_.Exception.Message })
    }
}

function Save-Counter {
    param([Parameter(Mandatory)] [string] $Root)
    # Sets a node lacks (no Hyper-V, no cache) are skipped by Get-Counter with a non-terminating error.
    $samples = @((Get-Counter -Counter $CounterPaths -ErrorAction SilentlyContinue).CounterSamples |
        Select-Object -Property Path, InstanceName, CookedValue)
    Write-CaptureJson -Path (Join-Path $Root 'counters.json') -InputObject $samples
}

function Save-HealthFault {
    param([Parameter(Mandatory)] [string] $Root)
    try {
        $faults = @(Get-HealthFault -ErrorAction Stop)
        Write-CaptureJson -Path (Join-Path $Root 'healthfaults.json') -InputObject $faults
    } catch {
        $message = $_.Exception.Message
        # The agent calls Diagnose itself and reads its return value (59000: health resource unreachable, 40003: cache
        # out of date). Diagnose only reports; it changes nothing.
        $returnValue = -1
        try {
            $subsystem = Get-CimInstance -Namespace 'root/Microsoft/Windows/Storage' -ClassName MSFT_StorageSubSystem -Filter "FriendlyName LIKE 'Clus%'" -ErrorAction Stop |
                Select-Object -First 1
            if ($null -ne $subsystem) {
                $returnValue = [int64](Invoke-CimMethod -InputObject $subsystem -MethodName Diagnose -ErrorAction Stop).ReturnValue
            }
        } catch {
            $message = "$message; Diagnose: $($_.Exception.Message)"
        }
        Write-CaptureJson -Path (Join-Path $Root 'healthfaults.error.json') -InputObject ([ordered]@{
            command = 'Get-HealthFault'; returnValue = $returnValue; message = $message })
    }
}

$node = if ($env:COMPUTERNAME) { $env:COMPUTERNAME } else { [Environment]::MachineName }
$started = (Get-Date).ToUniversalTime()
if (-not $OutputPath) {
    $OutputPath = Join-Path (Get-Location) ("azlocal-capture-{0}-{1}" -f $node.ToLowerInvariant(), $started.ToString('yyyyMMddHHmmss'))
}
New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null

$cluster = $null
try { $cluster = @(Get-CimInstance -Namespace 'root/MSCluster' -ClassName MSCluster_Cluster -ErrorAction Stop)[0].Name } catch { $cluster = $null }
Write-CaptureJson -Path (Join-Path $OutputPath 'meta.json') -InputObject ([ordered]@{
    computerName = $node; cluster = $cluster; capturedAt = $started; psVersion = $PSVersionTable.PSVersion.ToString() })

foreach ($class in $CimClasses) { Save-CimClass -Root $OutputPath -Namespace $class.Namespace -ClassName $class.ClassName }
Save-Counter -Root $OutputPath
Save-HealthFault -Root $OutputPath

if (-not $NoZip) {
    $zip = "$OutputPath.zip"
    Compress-Archive -Path (Join-Path $OutputPath '*') -DestinationPath $zip -Force
    Write-Output "Capture written to $OutputPath and ${zip}; send us the .zip."
} else {
    Write-Output "Capture written to $OutputPath."
}
