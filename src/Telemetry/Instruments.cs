namespace AzLocalMonitor.Telemetry;

/// <summary>Instrument names of the metric catalog (docs/reference/metrics.md, a contract: add, never rename).</summary>
public static class Instruments
{
    public const string NodeCpuUtilization = "azlocal.node.cpu.utilization";
    public const string NodeMemoryUtilization = "azlocal.node.memory.utilization";
    public const string NodeMemorySize = "azlocal.node.memory.size";
    public const string NodeMemoryAvailable = "azlocal.node.memory.available";
    public const string NodeState = "azlocal.node.state";
    public const string NodeDrain = "azlocal.node.drain";
    public const string NodeVmCount = "azlocal.node.vm.count";
    public const string NetworkLatency = "azlocal.network.latency";
    public const string NetworkThroughput = "azlocal.network.throughput";
    public const string StorageCacheHitRatio = "azlocal.storage.cache.hit_ratio";
    public const string StorageLatency = "azlocal.storage.latency";
    public const string StorageOperations = "azlocal.storage.operations";
    public const string ClusterQuorum = "azlocal.cluster.quorum";
    public const string ClusterVotesConfigured = "azlocal.cluster.votes.configured";
    public const string ClusterVotesPresent = "azlocal.cluster.votes.present";
    public const string ClusterWitnessState = "azlocal.cluster.witness.state";
    public const string StoragePoolSize = "azlocal.storage.pool.size";
    public const string StoragePoolAllocated = "azlocal.storage.pool.allocated";
    public const string StoragePoolHealth = "azlocal.storage.pool.health";
    public const string StorageVolumeSize = "azlocal.storage.volume.size";
    public const string StorageVolumeUsed = "azlocal.storage.volume.used";
    public const string StorageVolumeHealth = "azlocal.storage.volume.health";
    public const string StorageVolumeOperational = "azlocal.storage.volume.operational";
    public const string StorageDiskCount = "azlocal.storage.disk.count";
    public const string StorageRepairSize = "azlocal.storage.repair.size";
    public const string StorageRepairProcessed = "azlocal.storage.repair.processed";
    public const string StorageDegraded = "azlocal.storage.degraded";
    public const string HealthFaults = "azlocal.health.faults";
    public const string ClusterWitnessLatency = "azlocal.cluster.witness.latency";
    public const string ClusterSiteLatency = "azlocal.cluster.site.latency";
    public const string ReplicationLag = "azlocal.replication.lag";
    public const string ReplicationState = "azlocal.replication.state";
    public const string ClusterOperations = "azlocal.cluster.operations";
}
