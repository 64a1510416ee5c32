namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\MSCluster MSCluster_Cluster.</summary>
internal sealed record ClusterRecord
{
    public string Name { get; init; } = string.Empty;

    /// <summary>-1 Unknown, 1 Node, 2 FileShareWitness, 3 Storage, 4 None (windows_exporter's reading).</summary>
    public int QuorumTypeValue { get; init; } = -1;

    public string? QuorumType { get; init; }

    /// <summary>1 when dynamic quorum is on (a uint32 in CIM).</summary>
    public int DynamicQuorumEnabled { get; init; }

    public int WitnessDynamicWeight { get; init; }
}
