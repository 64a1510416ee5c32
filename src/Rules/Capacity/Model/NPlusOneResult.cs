namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>
/// Whether a cluster survives losing its largest node (N+1). Ratios are demand / what the other nodes have:
/// above 1 the cluster no longer survives N+1.
/// </summary>
/// <param name="MemoryRatio">Memory in use on all nodes / memory of every node but the largest.</param>
/// <param name="StorageRatio">Volume footprint / raw pool of every node but the largest (room to rebuild its copies).</param>
/// <param name="MemoryHolds">The other nodes can hold every running VM's memory.</param>
/// <param name="StorageHolds">The other nodes' drives hold every volume's footprint, so the lost node's copies can be rebuilt.</param>
/// <param name="Notes">Explanations, e.g. a three-way mirror on 3 nodes cannot rebuild its third copy.</param>
public sealed record NPlusOneResult(double MemoryRatio, double StorageRatio, bool MemoryHolds, bool StorageHolds, IReadOnlyList<string> Notes)
{
    /// <summary>The larger of the two ratios: the cluster's N+1 utilisation.</summary>
    public double Ratio => Math.Max(double.IsNaN(MemoryRatio) ? 0 : MemoryRatio, double.IsNaN(StorageRatio) ? 0 : StorageRatio);

    /// <summary>True when both memory and storage survive losing the largest node.</summary>
    public bool Holds => MemoryHolds && StorageHolds;
}
