namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>
/// What a running node reports about itself. Every value is optional: a source reports what it can
/// (the Linux source has no VMs or S2D cache), and a missing value exports no point rather than a zero.
/// </summary>
internal sealed record NodeMetrics
{
    /// <summary>CPU busy, 0..1.</summary>
    public double? CpuUtilization { get; init; }

    public long? MemorySizeBytes { get; init; }

    public long? MemoryAvailableBytes { get; init; }

    /// <summary>Used / total physical memory, derived so that the three memory instruments always agree.</summary>
    public double? MemoryUtilization =>
        MemorySizeBytes is > 0 and var size && MemoryAvailableBytes is { } available
            ? Math.Clamp((double)(size - available) / size, 0, 1)
            : null;

    public int? VmCount { get; init; }

    /// <summary>S2D cache read hits / (hits + misses), 0..1.</summary>
    public double? CacheHitRatio { get; init; }

    public double? ReadLatencySeconds { get; init; }

    public double? WriteLatencySeconds { get; init; }

    /// <summary>Reads since the source started (a monotonic count).</summary>
    public long? ReadOperations { get; init; }

    /// <summary>Writes since the source started (a monotonic count).</summary>
    public long? WriteOperations { get; init; }

    /// <summary>Bytes awaiting resync on this node.</summary>
    public long? DegradedBytes { get; init; }

    public IReadOnlyList<DiskGroup> Disks { get; init; } = [];

    public IReadOnlyList<PeerLatency> Latencies { get; init; } = [];

    public IReadOnlyList<NetworkThroughput> Throughput { get; init; } = [];

    /// <summary>
    /// Rebuilds the node runs on its own storage (Linux md RAID resync), exported as the cluster-scope repair
    /// instruments of the node's (one-node) cluster. S2D repair jobs belong in <see cref="ClusterFacts.RepairJobs"/>.
    /// </summary>
    public IReadOnlyList<RepairJob> LocalRepairJobs { get; init; } = [];
}
