namespace AzLocalMonitor.Rules.History;

/// <summary>
/// The per-cluster series the history records (one point per cluster per record interval), derived from the
/// catalog metrics by <c>CapacitySnapshot</c>. Names are stable: the backfill CSV uses them.
/// </summary>
public static class HistorySeries
{
    /// <summary>Raw pool bytes the volumes' used data occupies: Σ used / resiliency efficiency.</summary>
    public const string StorageUsedFootprint = "storage_used_footprint_bytes";

    /// <summary>Pool allocated bytes (every volume's full footprint).</summary>
    public const string StorageAllocated = "storage_allocated_bytes";

    /// <summary>Pool raw size.</summary>
    public const string StorageRaw = "storage_raw_bytes";

    /// <summary>Pool raw size less the repair reserve.</summary>
    public const string StorageCapacity = "storage_capacity_bytes";

    /// <summary>Raw capacity of the largest node (lost in the N+1 test).</summary>
    public const string StorageNodeRawMax = "storage_node_raw_max_bytes";

    /// <summary>Raw bytes every volume needs after losing the node with the most capacity, at the resiliency the nodes left can provide (N+1).</summary>
    public const string StorageNPlusOneNeeded = "storage_n_plus_1_needed_bytes";

    /// <summary>Raw bytes of the nodes left after losing the node with the most capacity (N+1).</summary>
    public const string StorageNPlusOneLeft = "storage_n_plus_1_left_bytes";

    /// <summary>Peak host CPU demand / the CPU of every node but one (N+1), from the nodes' mean utilisation.</summary>
    public const string CpuNPlusOne = "cpu_n_plus_1_ratio";

    /// <summary>Memory in use on all nodes.</summary>
    public const string MemoryUsed = "memory_used_bytes";

    /// <summary>Memory installed on all nodes.</summary>
    public const string MemorySize = "memory_size_bytes";

    /// <summary>Memory of the largest node.</summary>
    public const string MemoryLargestNode = "memory_largest_node_bytes";

    /// <summary>Average host CPU busy across nodes, 0..1.</summary>
    public const string CpuUtilization = "cpu_utilization_ratio";

    /// <summary>Running VMs on all nodes.</summary>
    public const string VmCount = "vm_count";

    /// <summary>Every name.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        StorageUsedFootprint, StorageAllocated, StorageRaw, StorageCapacity, StorageNodeRawMax,
        MemoryUsed, MemorySize, MemoryLargestNode, CpuUtilization, VmCount,
        StorageNPlusOneNeeded, StorageNPlusOneLeft, CpuNPlusOne,
    ];
}
