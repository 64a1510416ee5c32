using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>The resources forecast per cluster and their policies (PRODUCT.md §4: storage 80%, memory 80%, N+1).</summary>
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
            new(NPlusOne, 1.0, [HistorySeries.MemoryUsed, HistorySeries.StorageUsedFootprint],
                [HistorySeries.MemorySize, HistorySeries.MemoryLargestNode, HistorySeries.StorageAllocated, HistorySeries.StorageRaw, HistorySeries.StorageNodeRawMax],
                RollupStatistic.Max, NPlusOneRatio),
            new(Vms, double.PositiveInfinity, [HistorySeries.VmCount], [], RollupStatistic.Max, v => v(HistorySeries.VmCount), IsRatio: false),
        ];
    }

    /// <summary>
    /// N+1 utilisation: the larger of memory in use / memory without the largest node, and the volumes' footprint
    /// (allocated, or used footprint when larger) / raw pool without the largest node.
    /// </summary>
    public static double NPlusOneRatio(Func<string, double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var memory = Divide(v(HistorySeries.MemoryUsed), v(HistorySeries.MemorySize) - v(HistorySeries.MemoryLargestNode));
        var footprint = Math.Max(Finite(v(HistorySeries.StorageAllocated)), Finite(v(HistorySeries.StorageUsedFootprint)));
        var storage = Divide(footprint, v(HistorySeries.StorageRaw) - v(HistorySeries.StorageNodeRawMax));
        return (double.IsNaN(memory), double.IsNaN(storage)) switch
        {
            (true, true) => double.NaN,
            (true, false) => storage,
            (false, true) => memory,
            _ => Math.Max(memory, storage),
        };
    }

    private static double Divide(double a, double b) => double.IsFinite(a) && double.IsFinite(b) && b > 0 ? a / b : double.NaN;

    private static double Finite(double x) => double.IsFinite(x) ? x : 0;
}
