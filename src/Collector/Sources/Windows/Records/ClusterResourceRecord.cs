namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\MSCluster MSCluster_Resource (the reader asks only for witness types: Cloud Witness, File Share Witness).</summary>
internal sealed record ClusterResourceRecord
{
    public string Name { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    /// <summary>-1 Unknown, 0 Inherited, 1 Initializing, 2 Online, 3 Offline, 4 Failed, 128 Pending, 129 OnlinePending, 130 OfflinePending.</summary>
    public int State { get; init; } = -1;
}
