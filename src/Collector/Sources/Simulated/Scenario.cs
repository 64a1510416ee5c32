using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated.Model;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>A parsed scenario: a topology (a preset, possibly adjusted, or a generic cluster), settings and timed events sorted by time.</summary>
internal sealed record Scenario
{
    public const int MaxNodes = ClusterSpec.MaxNodes;

    /// <summary>The repair queue depth <see cref="RebuildBytesPerSecond"/> is measured at.</summary>
    public const int DefaultRepairQueueDepth = 8;

    /// <summary>Cluster name; <c>--cluster</c> wins over it.</summary>
    public string? Cluster { get; init; }

    /// <summary>The preset the topology came from, if any.</summary>
    public string? Preset { get; init; }

    /// <summary>Node count of a generic cluster (no preset), 1..16; nodes are named node-1..node-N.</summary>
    public int Nodes { get; init; } = 3;

    /// <summary>Witness of a generic cluster (no preset).</summary>
    public WitnessType Witness { get; init; } = WitnessType.None;

    /// <summary>The clusters, when a preset or the file gives them; null means one generic cluster from <see cref="Nodes"/> and <see cref="Witness"/>.</summary>
    public IReadOnlyList<ClusterSpec>? Topology { get; init; }

    /// <summary>Seed of the measurement noise and growth, so that a run can be repeated exactly.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Repair speed at <see cref="DefaultRepairQueueDepth"/>, in bytes per second of scenario time; 0 stalls every
    /// repair job; null derives it from each cluster's storage link and capacity drives (<see cref="RepairRate"/>).
    /// </summary>
    public long? RebuildBytesPerSecond { get; init; }

    /// <summary>VirtualDiskRepairQueueDepth, 1..16: the repair rate scales with it.</summary>
    public int RepairQueueDepth { get; init; } = DefaultRepairQueueDepth;

    /// <summary>How long a failed drive stays before S2D retires it and rebuilds its data elsewhere. Default 15 min.</summary>
    public TimeSpan RetireAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Scenario seconds per real second; <c>--time-scale</c> wins over it.</summary>
    public double? TimeScale { get; init; }

    public GrowthSpec Growth { get; init; } = GrowthSpec.Default;

    public IReadOnlyList<ScenarioEvent> Events { get; init; } = [];

    /// <summary>Every cluster of the scenario (one unless it is a fleet).</summary>
    public IReadOnlyList<ClusterSpec> Clusters => Topology ?? [PresetCatalog.Generic(Cluster ?? SourceFactory.DefaultSimulatedCluster, Nodes, Witness)];

    /// <summary>Node names of the first cluster, node-1..node-N.</summary>
    public IReadOnlyList<string> NodeNames => Clusters[0].NodeNames;

    /// <summary>Repair bytes per second of scenario time in <paramref name="cluster"/> at the configured queue depth.</summary>
    public long RepairBytesPerSecondFor(ClusterSpec cluster) => (RebuildBytesPerSecond ?? RepairRate.Of(cluster)) * RepairQueueDepth / DefaultRepairQueueDepth;

    /// <summary>A quiet cluster with no events (used when no scenario file is given).</summary>
    public static Scenario Steady { get; } = new();
}
