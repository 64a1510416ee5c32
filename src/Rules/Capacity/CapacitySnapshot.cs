using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>What a cluster has and uses now, from the latest catalog metrics.</summary>
/// <param name="Cluster">Cluster name.</param>
/// <param name="TimestampMs">Newest sample time among the inputs.</param>
/// <param name="Nodes">Nodes seen (membership, memory or disks).</param>
/// <param name="Witness">A witness is configured.</param>
/// <param name="Media">All-flash or hybrid (any HDD capacity drive).</param>
/// <param name="RawBytes">Pool size.</param>
/// <param name="AllocatedBytes">Pool allocated.</param>
/// <param name="ReserveBytes">Repair reserve (one capacity drive per node, up to four); 0 when drive counts are not reported.</param>
/// <param name="UsedFootprintBytes">Σ volume used / efficiency.</param>
/// <param name="Volumes">Volumes with size and resiliency.</param>
/// <param name="Memory">Every node's memory.</param>
/// <param name="CpuUtilization">Average CPU busy, 0..1 (NaN when not reported).</param>
/// <param name="VmCount">Running VMs.</param>
/// <param name="Notes">What could not be derived.</param>
public sealed record CapacitySnapshot(
    string Cluster,
    long TimestampMs,
    int Nodes,
    bool Witness,
    MediaKind Media,
    double RawBytes,
    double AllocatedBytes,
    double ReserveBytes,
    double UsedFootprintBytes,
    IReadOnlyList<VolumeSpec> Volumes,
    IReadOnlyList<NodeMemory> Memory,
    double CpuUtilization,
    double VmCount,
    IReadOnlyList<string> Notes)
{
    /// <summary>Raw capacity of one node, assuming symmetric nodes (Azure Local requires them).</summary>
    public double NodeRawBytes => Nodes > 0 ? RawBytes / Nodes : 0;

    /// <summary>N+1 now.</summary>
    public NPlusOneResult NPlusOne => Model.NPlusOne.Evaluate(
        Memory, Enumerable.Repeat(NodeRawBytes, RawBytes > 0 ? Nodes : 0).ToArray(), Math.Max(AllocatedBytes, UsedFootprintBytes), Volumes.Select(v => v.Resiliency));

    /// <summary>Storage, quorum and cluster fault tolerance now.</summary>
    public FaultTolerance Tolerance => FaultTolerance.Of(Nodes, Witness, Volumes.Select(v => v.Resiliency), Media);
}
