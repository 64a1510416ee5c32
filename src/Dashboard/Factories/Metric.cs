using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Prometheus names of the catalog metrics (docs/reference/metrics.md), taken from <see cref="MetricCatalog"/> so they cannot drift.</summary>
public static class Metric
{
    public static readonly string NodeCpu = Name(Instruments.NodeCpuUtilization);
    public static readonly string NodeMemory = Name(Instruments.NodeMemoryUtilization);
    public static readonly string NodeMemorySize = Name(Instruments.NodeMemorySize);
    public static readonly string NodeMemoryAvailable = Name(Instruments.NodeMemoryAvailable);
    public static readonly string NodeState = Name(Instruments.NodeState);
    public static readonly string NodeDrain = Name(Instruments.NodeDrain);
    public static readonly string NodeVmCount = Name(Instruments.NodeVmCount);
    public static readonly string NetworkLatency = Name(Instruments.NetworkLatency);
    public static readonly string NetworkThroughput = Name(Instruments.NetworkThroughput);
    public static readonly string CacheHitRatio = Name(Instruments.StorageCacheHitRatio);
    public static readonly string StorageLatency = Name(Instruments.StorageLatency);
    public static readonly string StorageOperations = Name(Instruments.StorageOperations);
    public static readonly string Quorum = Name(Instruments.ClusterQuorum);
    public static readonly string VotesConfigured = Name(Instruments.ClusterVotesConfigured);
    public static readonly string VotesPresent = Name(Instruments.ClusterVotesPresent);
    public static readonly string WitnessState = Name(Instruments.ClusterWitnessState);
    public static readonly string PoolSize = Name(Instruments.StoragePoolSize);
    public static readonly string PoolAllocated = Name(Instruments.StoragePoolAllocated);
    public static readonly string PoolHealth = Name(Instruments.StoragePoolHealth);
    public static readonly string VolumeSize = Name(Instruments.StorageVolumeSize);
    public static readonly string VolumeUsed = Name(Instruments.StorageVolumeUsed);
    public static readonly string VolumeHealth = Name(Instruments.StorageVolumeHealth);
    public static readonly string VolumeOperational = Name(Instruments.StorageVolumeOperational);
    public static readonly string DiskCount = Name(Instruments.StorageDiskCount);
    public static readonly string RepairSize = Name(Instruments.StorageRepairSize);
    public static readonly string RepairProcessed = Name(Instruments.StorageRepairProcessed);
    public static readonly string Degraded = Name(Instruments.StorageDegraded);
    public static readonly string HealthFaults = Name(Instruments.HealthFaults);
    public static readonly string WitnessLatency = Name(Instruments.ClusterWitnessLatency);
    public static readonly string SiteLatency = Name(Instruments.ClusterSiteLatency);
    public static readonly string ReplicationLag = Name(Instruments.ReplicationLag);
    public static readonly string ReplicationState = Name(Instruments.ReplicationState);
    public static readonly string Operations = Name(Instruments.ClusterOperations);

    private static string Name(string instrument) =>
        MetricCatalog.TryGet(instrument, out var definition)
            ? definition.PrometheusName
            : throw new InvalidOperationException($"{instrument} is not in the metric catalog");
}
