namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>What every node's measurements at one instant depend on (computed once per read).</summary>
/// <param name="Vms">VMs running on each node.</param>
/// <param name="VmMemoryBytes">Memory of each VM.</param>
/// <param name="Load">Seasonal load multiplier.</param>
/// <param name="LoadIntegral">∫ load dt in seconds, for the monotonic I/O counters.</param>
internal readonly record struct ClusterMoment(
    int[] Vms,
    long VmMemoryBytes,
    double Load,
    double LoadIntegral,
    bool[] Member,
    StorageSnapshot Storage);
