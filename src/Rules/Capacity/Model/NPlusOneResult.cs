namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>
/// Whether a cluster survives losing its largest node (N+1). Ratios are demand / what the other nodes have:
/// above 1 the cluster no longer survives N+1. NaN = not reported.
/// </summary>
/// <param name="MemoryRatio">Memory in use at peak on all nodes / memory of every node but the largest.</param>
/// <param name="StorageRatio">Footprint of every volume at the resiliency the nodes left can provide / their raw bytes (the node with the most capacity lost).</param>
/// <param name="CpuRatio">Peak CPU demand / the CPU of every node but one.</param>
/// <param name="Redundancy">What redundancy the data keeps after the loss (see <see cref="Model.Redundancy"/>).</param>
/// <param name="Notes">Explanations per volume, e.g. a three-way mirror on 3 nodes keeps two copies until repaired.</param>
public sealed record NPlusOneResult(double MemoryRatio, double StorageRatio, double CpuRatio, Redundancy Redundancy, IReadOnlyList<string> Notes)
{
    /// <summary>Raw bytes every volume needs on the nodes left, at the resiliency they can provide (NaN when storage is not reported).</summary>
    public double StorageNeededBytes { get; init; } = double.NaN;

    /// <summary>Raw bytes of the nodes left (in the lost node's site, for a stretched cluster).</summary>
    public double StorageLeftBytes { get; init; } = double.NaN;

    /// <summary>The nodes left hold every running VM's memory.</summary>
    public bool MemoryHolds => Redundancy != Redundancy.Lost && !(MemoryRatio > 1);

    /// <summary>The nodes left hold every volume's data at the resiliency they can provide, and no data is lost.</summary>
    public bool StorageHolds => Redundancy != Redundancy.Lost && !(StorageRatio > 1);

    /// <summary>The nodes left carry the peak CPU demand.</summary>
    public bool CpuHolds => Redundancy != Redundancy.Lost && !(CpuRatio > 1);

    /// <summary>True when memory, storage and CPU survive losing the largest node (possibly without redundancy: see <see cref="Redundancy"/>).</summary>
    public bool Holds => MemoryHolds && StorageHolds && CpuHolds;

    /// <summary>The largest of the three ratios: the cluster's N+1 utilisation.</summary>
    public double Ratio => new[] { MemoryRatio, StorageRatio, CpuRatio }.Where(double.IsFinite).DefaultIfEmpty(Redundancy == Redundancy.Lost ? double.PositiveInfinity : 0).Max();

    /// <summary>One line for people: holds, holds without redundancy, or what does not fit.</summary>
    public string Verdict => !Holds
        ? Redundancy == Redundancy.Lost ? "does not survive losing a node (data or service lost)"
            : "does not fit on the nodes left: " + string.Join(", ", new[] { ("memory", MemoryHolds), ("storage", StorageHolds), ("CPU", CpuHolds) }.Where(x => !x.Item2).Select(x => x.Item1))
        : Redundancy switch
        {
            Redundancy.None => "holds, with no redundancy until repaired",
            Redundancy.Reduced => "holds, with reduced redundancy until repaired",
            _ => "holds",
        };
}
