namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>The N+1 test of PRODUCT.md §5: lose the largest node; do the rest hold every VM's memory and every volume plus a rebuild?</summary>
public static class NPlusOne
{
    /// <summary>Evaluates N+1 headroom.</summary>
    /// <param name="memory">Every node's memory.</param>
    /// <param name="nodeRawBytes">Every node's raw capacity-drive bytes (the largest one is lost).</param>
    /// <param name="footprintBytes">Raw pool bytes the volumes occupy (their footprint: size / efficiency, or the pool's allocated bytes).</param>
    /// <param name="volumes">Volume resiliencies, to say when a rebuild cannot restore full resiliency on n − 1 nodes (may be empty).</param>
    public static NPlusOneResult Evaluate(
        IReadOnlyCollection<NodeMemory> memory, IReadOnlyCollection<double> nodeRawBytes, double footprintBytes, IEnumerable<Resiliency>? volumes = null)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(nodeRawBytes);
        var notes = new List<string>();

        var memoryRatio = double.NaN;
        if (memory.Count > 0)
        {
            var left = memory.Sum(m => m.SizeBytes) - memory.Max(m => m.SizeBytes);
            var used = memory.Sum(m => m.UsedBytes);
            memoryRatio = left > 0 ? used / left : double.PositiveInfinity;
        }

        var storageRatio = double.NaN;
        if (nodeRawBytes.Count > 0)
        {
            var left = nodeRawBytes.Sum() - nodeRawBytes.Max();
            storageRatio = left > 0 ? footprintBytes / left : double.PositiveInfinity;
        }

        var survivors = Math.Max(nodeRawBytes.Count, memory.Count) - 1;
        foreach (var resiliency in (volumes ?? []).Distinct())
        {
            var needed = resiliency switch
            {
                Resiliency.ThreeWayMirror => 3,
                Resiliency.DualParity or Resiliency.MirrorAcceleratedParity => 4,
                Resiliency.SingleParity => 3,
                Resiliency.TwoWayMirror => 2,
                _ => 0,
            };
            if (survivors >= 1 && survivors < needed)
            {
                notes.Add($"{resiliency} needs {needed} nodes: on the {survivors} left, its lost copies cannot be rebuilt (data stays degraded until the node returns).");
            }
        }

        if (survivors < 1)
        {
            notes.Add("A single-node cluster cannot survive losing its node.");
        }

        var memoryHolds = survivors >= 1 && (double.IsNaN(memoryRatio) || memoryRatio <= 1);
        var storageHolds = survivors >= 1 && (double.IsNaN(storageRatio) || storageRatio <= 1);
        return new NPlusOneResult(memoryRatio, storageRatio, memoryHolds, storageHolds, notes);
    }
}
