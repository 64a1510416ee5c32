namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>
/// A cluster's capacity and fault tolerance by the module's rules (docs/capacity.md): raw, reserve, usable per
/// resiliency, volume footprints, storage and quorum fault tolerance and N+1 for memory.
/// </summary>
internal sealed record CapacityReport
{
    public required ClusterSpec Spec { get; init; }

    public long RawBytes => Spec.RawBytes;

    public long ReserveBytes => Spec.ReserveBytes;

    /// <summary>Raw minus the rebuild reserve: what volume footprints may use.</summary>
    public long AvailableBytes => RawBytes - ReserveBytes;

    /// <summary>Each resiliency the node count allows: efficiency, usable with the reserve kept, and the module's raw × efficiency.</summary>
    public required IReadOnlyList<(Resiliency Resiliency, double Efficiency, long Usable, long UsableIgnoringReserve)> Usable { get; init; }

    /// <summary>Each volume's pool footprint if fully written (size ÷ efficiency).</summary>
    public required IReadOnlyList<(VolumeSpec Volume, double Efficiency, long Footprint)> Footprints { get; init; }

    public long TotalFootprint => Footprints.Sum(f => f.Footprint);

    public bool FootprintFits => TotalFootprint <= AvailableBytes;

    /// <summary>Simultaneous node failures every volume survives (the weakest volume).</summary>
    public int StorageFaultTolerance => Footprints.Count == 0 ? 0 : Footprints.Min(f => Math.Min(ResiliencyRules.FaultTolerance(f.Volume.Resiliency), Spec.Nodes - 1));

    /// <summary>Node failures the cluster's votes survive with the witness healthy.</summary>
    public int QuorumFaultTolerance => QuorumMath.NodeFailuresTolerated(Spec.Nodes, Spec.Witness);

    /// <summary>The cluster's tolerance: the smaller of storage and quorum.</summary>
    public int ClusterFaultTolerance => Math.Min(StorageFaultTolerance, QuorumFaultTolerance);

    /// <summary>VM memory plus host reserve per node after losing one node, over the memory of the remaining nodes.</summary>
    public double MemoryAfterLosingANode =>
        Spec.Nodes < 2 ? double.PositiveInfinity
        : (double)((Spec.Vms.Count * Spec.Vms.MemoryBytes) + ((Spec.Nodes - 1) * Spec.HostMemoryBytes)) / ((Spec.Nodes - 1) * Spec.MemoryPerNodeBytes);

    public static CapacityReport Of(ClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var available = spec.RawBytes - spec.ReserveBytes;
        var usable = Enum.GetValues<Resiliency>()
            .Where(r => spec.Nodes >= ResiliencyRules.MinNodes(r))
            .Select(r =>
            {
                var efficiency = ResiliencyRules.Efficiency(r, spec.Nodes, spec.AllFlash);
                return (r, efficiency, (long)(available * efficiency), (long)(spec.RawBytes * efficiency));
            })
            .ToList();
        var footprints = spec.Volumes
            .Select(v =>
            {
                var efficiency = ResiliencyRules.Efficiency(v.Resiliency, spec.Nodes, spec.AllFlash);
                return (v, efficiency, (long)(v.SizeBytes / efficiency));
            })
            .ToList();
        return new CapacityReport { Spec = spec, Usable = usable, Footprints = footprints };
    }
}
