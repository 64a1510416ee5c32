namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\MSCluster MSCluster_Network.</summary>
internal sealed record ClusterNetworkRecord
{
    public string Name { get; init; } = string.Empty;

    /// <summary>0 None (not used by the cluster), 1 Cluster only, 2 Client only, 3 Cluster and client.</summary>
    public int Role { get; init; }
}
