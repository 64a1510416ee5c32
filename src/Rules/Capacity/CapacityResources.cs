using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>The resources forecast per cluster and their policies (docs/reference/alerts.md: storage 80%, memory 80%, N+1).</summary>
public static class CapacityResources
{
    public const string Storage = "storage";
    public const string Memory = "memory";
    public const string Cpu = "cpu";
    public const string NPlusOne = "n_plus_1";
    public const string Vms = "vms";

    /// <summary>Every resource with the given policies.</summary>
    public static IReadOnlyList<CapacityResource> Create(CapacityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new(Storage, options.StoragePolicy, [HistorySeries.StorageUsedFootprint], [HistorySeries.StorageCapacity], RollupStatistic.Max,
                v => Divide(v(HistorySeries.StorageUsedFootprint), v(HistorySeries.StorageCapacity))),
            new(Memory, options.MemoryPolicy, [HistorySeries.MemoryUsed], [HistorySeries.MemorySize], RollupStatistic.Max,
                v => Divide(v(HistorySeries.MemoryUsed), v(HistorySeries.MemorySize))),
            new(Cpu, options.CpuPolicy, [HistorySeries.CpuUtilization], [], RollupStatistic.P95,
                v => v(HistorySeries.CpuUtilization)),
            // Pool allocated bytes are demand, not capacity: thin volumes allocate as they fill, so holding them at their
            // latest value kept the N+1 fallback flat until the footprint's forecast caught up (issue 14).
            new(NPlusOne, 1.0, [HistorySeries.MemoryUsed, HistorySeries.StorageNPlusOneNeeded, HistorySeries.CpuNPlusOne, HistorySeries.StorageUsedFootprint, HistorySeries.StorageAllocated],
                [HistorySeries.MemorySize, HistorySeries.MemoryLargestNode, HistorySeries.StorageNPlusOneLeft, HistorySeries.StorageRaw, HistorySeries.StorageNodeRawMax],
                RollupStatistic.Max, NPlusOneRatio),
            new(Vms, double.PositiveInfinity, [HistorySeries.VmCount], [], RollupStatistic.Max, v => v(HistorySeries.VmCount), IsRatio: false),
        ];
    }

    /// <summary>
    /// N+1 utilisation (see <see cref="Model.NPlusOne"/>): the largest of memory in use / memory without the
    /// largest node, storage needed at the resiliency the nodes left can provide / their raw bytes, and peak CPU
    /// on the nodes left. History recorded before those N+1 series existed (or backfilled without them) falls back
    /// to the volumes' footprint (allocated, or used footprint when larger) / raw pool without the largest node.
    /// </summary>
    public static double NPlusOneRatio(Func<string, double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var memory = Divide(v(HistorySeries.MemoryUsed), v(HistorySeries.MemorySize) - v(HistorySeries.MemoryLargestNode));
        var storage = Divide(v(HistorySeries.StorageNPlusOneNeeded), v(HistorySeries.StorageNPlusOneLeft));
        if (double.IsNaN(storage))
        {
            var footprint = Math.Max(Finite(v(HistorySeries.StorageAllocated)), Finite(v(HistorySeries.StorageUsedFootprint)));
            storage = Divide(footprint, v(HistorySeries.StorageRaw) - v(HistorySeries.StorageNodeRawMax));
        }

        var cpu = v(HistorySeries.CpuNPlusOne);
        var ratios = new[] { memory, storage, cpu }.Where(double.IsFinite).ToList();
        return ratios.Count == 0 ? double.NaN : ratios.Max();
    }

    private static double Divide(double a, double b) => double.IsFinite(a) && double.IsFinite(b) && b > 0 ? a / b : double.NaN;

    private static double Finite(double x) => double.IsFinite(x) ? x : 0;
}
