namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\MSCluster MSCluster_Node (properties as CIM names them).</summary>
internal sealed record ClusterNodeRecord
{
    public string Name { get; init; } = string.Empty;

    /// <summary>-1 Unknown, 0 Up, 1 Down, 2 Paused, 3 Joining.</summary>
    public int State { get; init; } = -1;

    public int NodeWeight { get; init; }

    public int DynamicWeight { get; init; }

    /// <summary>0 NotInitiated, 1 InProgress, 2 Completed, 3 Failed.</summary>
    public int NodeDrainStatus { get; init; }

    /// <summary>
    /// FaultDomain (string[], the node common property CLUSREG_NAME_NODE_FAULT_DOMAIN): the fault domains the node
    /// belongs to; empty where none are configured.
    /// </summary>
    public IReadOnlyList<string> FaultDomain { get; init; } = [];
}
