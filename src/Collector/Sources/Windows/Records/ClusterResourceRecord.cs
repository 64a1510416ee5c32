namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\MSCluster MSCluster_Resource (the reader asks only for witness types: Cloud Witness, File Share Witness).</summary>
internal sealed record ClusterResourceRecord
{
    public string Name { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    /// <summary>-1 Unknown, 0 Inherited, 1 Initializing, 2 Online, 3 Offline, 4 Failed, 128 Pending, 129 OnlinePending, 130 OfflinePending.</summary>
    public int State { get; init; } = -1;

    /// <summary>Cloud Witness private property AccountName: the Azure storage account.</summary>
    public string? AccountName { get; init; }

    /// <summary>Cloud Witness private property EndpointInfo: the storage service's endpoint suffix (e.g. core.windows.net).</summary>
    public string? EndpointInfo { get; init; }

    /// <summary>File Share Witness private property SharePath: the share, <c>\\server\share</c>.</summary>
    public string? SharePath { get; init; }
}
