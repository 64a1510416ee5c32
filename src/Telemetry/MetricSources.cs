using static AzLocalMonitor.Telemetry.Instruments;

namespace AzLocalMonitor.Telemetry;

/// <summary>
/// Where the agent reads each catalog instrument, per platform, for the user reference (docs/reference/metrics.md).
/// Written from the collector's readers (src/Collector/Sources/Windows, Sources/Linux/LinuxSource.cs); the simulated
/// source produces every instrument. Null: the platform does not report it.
/// </summary>
public static class MetricSources
{
    public static IReadOnlyDictionary<string, (string? Windows, string? Linux)> ByInstrument { get; } = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal)
    {
        [NodeCpuUtilization] = (@"perf counter `Hyper-V Hypervisor Logical Processor(_Total)\% Total Run Time` (else `Processor(_Total)\% Processor Time`)", "`/proc/stat` (busy / total jiffies between readings)"),
        [NodeMemoryUtilization] = (@"`Win32_ComputerSystem.TotalPhysicalMemory` and `Memory\Available Bytes`", "`/proc/meminfo` (1 − MemAvailable / MemTotal)"),
        [NodeMemorySize] = ("`Win32_ComputerSystem.TotalPhysicalMemory`", "`/proc/meminfo` MemTotal"),
        [NodeMemoryAvailable] = (@"perf counter `Memory\Available Bytes`", "`/proc/meminfo` MemAvailable"),
        [NodeState] = ("CIM `root\\MSCluster` `MSCluster_Node.State` (every member, as this node sees it)", "always `up` (a standalone host)"),
        [NodeDrain] = ("`MSCluster_Node.NodeDrainStatus`", "always `none`"),
        [NodeVmCount] = ("CIM `root\\virtualization\\v2` running virtual machines", null),
        [NetworkLatency] = ("the agent's own probes of `--peer network=host[:port]` (ICMP or TCP connect)", "the same probes"),
        [NetworkThroughput] = ("perf counters `Network Adapter` bytes of the adapters the cluster lists, by cluster network role, and `RDMA Activity` (storage)", null),
        [StorageCacheHitRatio] = ("perf counters `Cluster Storage Hybrid Disks` `Cache Hit Reads/sec` / (hits + `Cache Miss Reads/sec`) over the capacity drives", null),
        [StorageLatency] = ("perf counters `Cluster CSVFS` `Avg. sec/Read`, `Avg. sec/Write` per volume", "`/proc/diskstats` of whole disks (Δ ms / Δ operations)"),
        [StorageOperations] = ("perf counters `Cluster CSVFS` `Reads/sec`, `Writes/sec` (raw counts)", "`/proc/diskstats` completed reads and writes"),
        [ClusterQuorum] = ("CIM `root\\MSCluster` (`MSCluster_Cluster` quorum, node and witness votes)", null),
        [ClusterVotesConfigured] = ("`MSCluster_Node.NodeWeight` + the witness", null),
        [ClusterVotesPresent] = ("`MSCluster_Node.DynamicWeight` of members up + `MSCluster_Cluster.WitnessDynamicWeight`", null),
        [ClusterWitnessState] = ("the cluster's witness resource (`MSCluster_Resource`, type cloud or file share)", null),
        [StoragePoolSize] = ("CIM `root\\Microsoft\\Windows\\Storage` `MSFT_StoragePool.Size` (not primordial)", null),
        [StoragePoolAllocated] = ("`MSFT_StoragePool.AllocatedSize`", null),
        [StoragePoolHealth] = ("`MSFT_StoragePool.HealthStatus`", null),
        [StorageVolumeSize] = ("`MSFT_VirtualDisk.Size` and its tiers (resiliency from `ResiliencySettingName`)", null),
        [StorageVolumeUsed] = ("CSV volumes (`MSFT_Volume` `Size` − `SizeRemaining`)", null),
        [StorageVolumeHealth] = ("`MSFT_VirtualDisk.HealthStatus`", null),
        [StorageVolumeOperational] = ("`MSFT_VirtualDisk.OperationalStatus`", null),
        [StorageDiskCount] = ("this node's connected pool drives (`MSFT_StorageNodeToPhysicalDisk`, `MSFT_PhysicalDisk` media, usage, health)", null),
        [StorageRepairSize] = ("`MSFT_StorageJob` (`<Volume>-Repair`, `BytesTotal`)", "`/proc/mdstat` recovery, resync or reshape of md RAID"),
        [StorageRepairProcessed] = ("`MSFT_StorageJob.BytesProcessed` (else `PercentComplete`)", "`/proc/mdstat` progress"),
        [StorageDegraded] = (@"perf counter `Storage Spaces Drt\Dirty Bytes`", "`/proc/mdstat` bytes left to resync"),
        [HealthFaults] = ("Health Service faults: `Diagnose` snapshot every 5 min and the `MSFT_StorageFaultEvent` subscription, deduplicated by FaultId", null),
        // Issue 15's stretched-cluster, witness and routine-operation instruments; Linux hosts have none of them.
        [ClusterWitnessLatency] = ("the agent's TCP connect (as `--peer`) to the witness's endpoint from its resource's private properties (`MSCluster_Resource.PrivateProperties`): cloud `<AccountName>.blob.<EndpointInfo>:443`, file share the `SharePath` server on 445; absent while it does not answer", null),
        [ClusterSiteLatency] = ("the agent's TCP connect (as `--peer`) on 445 to the first running node of each other site; sites from `MSCluster_Node.FaultDomain` (its `Site:<name>` element); absent while no node of the site answers", null),
        [ReplicationLag] = ("0 for a synchronous `MSFT_WvrReplicationGroup` in ReplicationStatus 1 ContinuouslyReplicating (a synchronous write commits on the destination first); otherwise not collected: no documented property gives the lag (`LastInSyncTime` is empty on an in-RPO source in Microsoft's Get-SRGroup output)", null),
        [ReplicationState] = ("`root\\Microsoft\\Windows\\StorageReplica` `MSFT_WvrReplicationGroup` (IsPrimary, ReplicationMode 1 Sync/2 Async, ReplicationStatus) and `MSFT_WvrReplicationPartnership` (DestinationComputerName = partner)", null),
        [ClusterOperations] = ("transitions between two readings: `MSCluster_Node.NodeDrainStatus` → 2 Completed (node_drained), `State` 2 Paused → 0 Up (node_resumed), a local `MSFT_PhysicalDisk.Usage` → 4 Retired (drive_retired), `MSFT_StorageJob.JobState` → 7 Completed (storage_job_finished), a workload `MSFT_VirtualDisk` that appears (volume_created) or whose `Size` changes (volume_resized)", null),
    };
}
