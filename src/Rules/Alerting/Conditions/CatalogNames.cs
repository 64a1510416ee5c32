using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>Prometheus names of the catalog metrics the conditions read, derived from the catalog so they cannot drift.</summary>
internal static class CatalogNames
{
    public static readonly string ClusterQuorum = Of(Instruments.ClusterQuorum);
    public static readonly string ClusterVotesPresent = Of(Instruments.ClusterVotesPresent);
    public static readonly string ClusterVotesConfigured = Of(Instruments.ClusterVotesConfigured);
    public static readonly string WitnessState = Of(Instruments.ClusterWitnessState);
    public static readonly string NodeState = Of(Instruments.NodeState);
    public static readonly string NodeDrain = Of(Instruments.NodeDrain);
    public static readonly string NodeCpu = Of(Instruments.NodeCpuUtilization);
    public static readonly string NodeMemory = Of(Instruments.NodeMemoryUtilization);
    public static readonly string VolumeHealth = Of(Instruments.StorageVolumeHealth);
    public static readonly string VolumeOperational = Of(Instruments.StorageVolumeOperational);
    public static readonly string VolumeSize = Of(Instruments.StorageVolumeSize);
    public static readonly string VolumeUsed = Of(Instruments.StorageVolumeUsed);
    public static readonly string PoolHealth = Of(Instruments.StoragePoolHealth);
    public static readonly string PoolSize = Of(Instruments.StoragePoolSize);
    public static readonly string PoolAllocated = Of(Instruments.StoragePoolAllocated);
    public static readonly string DiskCount = Of(Instruments.StorageDiskCount);
    public static readonly string RepairSize = Of(Instruments.StorageRepairSize);
    public static readonly string RepairProcessed = Of(Instruments.StorageRepairProcessed);
    public static readonly string NetworkLatency = Of(Instruments.NetworkLatency);
    public static readonly string StorageLatency = Of(Instruments.StorageLatency);
    public static readonly string CacheHitRatio = Of(Instruments.StorageCacheHitRatio);
    public static readonly string HealthFaults = Of(Instruments.HealthFaults);
    public static readonly string WitnessLatency = Of(Instruments.ClusterWitnessLatency);
    public static readonly string SiteLatency = Of(Instruments.ClusterSiteLatency);
    public static readonly string ReplicationLag = Of(Instruments.ReplicationLag);
    public static readonly string ReplicationState = Of(Instruments.ReplicationState);
    public static readonly string ClusterOperations = Of(Instruments.ClusterOperations);

    /// <summary>Rules' own series (not catalog metrics) that conditions' PromQL uses.</summary>
    /// <summary>The agent's own gauge (not a catalog metric): 0 while its node cannot query the cluster (Windows source).</summary>
    public const string AgentClusterQueryable = "azlm_agent_cluster_queryable";

    public const string NodeLastReport = "azlm_node_last_report_timestamp_seconds";
    public const string ClusterLastReport = "azlm_cluster_last_report_timestamp_seconds";
    public const string ClusterFirstReport = "azlm_cluster_first_report_timestamp_seconds";
    public const string MaintenanceActive = "azlm_maintenance_window_active";

    private static string Of(string instrument) =>
        MetricCatalog.TryGet(instrument, out var definition)
            ? definition.PrometheusName
            : throw new InvalidOperationException($"{instrument} is not in the metric catalog.");
}
