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

    /// <summary>Every node's capacity-drive bytes when drive counts per node are reported (else the pool split evenly).</summary>
    public IReadOnlyList<NodeStorage> NodeRaw { get; init; } = [];

    /// <summary>Bytes written per volume (by volume name).</summary>
    public IReadOnlyDictionary<string, double> VolumeUsedBytes { get; init; } = new Dictionary<string, double>();

    /// <summary>N+1 now, from the current state (no history or forecast needed).</summary>
    public NPlusOneResult NPlusOne => Model.NPlusOne.Evaluate(NPlusOneInput());

    /// <summary>Storage, quorum and cluster fault tolerance now.</summary>
    public FaultTolerance Tolerance => FaultTolerance.Of(Nodes, Witness, Volumes.Select(v => v.Resiliency), Media);

    /// <summary>What the N+1 test reads from this snapshot.</summary>
    public NPlusOneInput NPlusOneInput()
    {
        var storage = NodeRaw.Count > 0 ? NodeRaw
            : RawBytes > 0 ? Enumerable.Range(0, Nodes).Select(i => new NodeStorage($"node-{i + 1}", NodeRawBytes)).ToList() : [];
        return new NPlusOneInput(Memory, storage, VolumeData(), CpuUtilization, Media);
    }

    /// <summary>
    /// Data per volume: the provisioned size for fixed volumes. The pool's allocated bytes tell how much of the
    /// volumes' full footprint is really held: thin volumes hold less, so each volume counts its provisioned size
    /// scaled by that share, and never less than what is written.
    /// </summary>
    private List<VolumeData> VolumeData()
    {
        var full = Volumes.Sum(v => v.SizeBytes / (ResiliencyTable.TryResolve(v.Resiliency, Math.Max(1, Nodes), Media, out _)?.Efficiency ?? 1));
        var share = AllocatedBytes > 0 && full > 0 ? Math.Min(1, AllocatedBytes / full) : 1;
        return Volumes.Select(v => new VolumeData(v.Name, Math.Max(VolumeUsedBytes.GetValueOrDefault(v.Name), v.SizeBytes * share), v.Resiliency)).ToList();
    }
}
