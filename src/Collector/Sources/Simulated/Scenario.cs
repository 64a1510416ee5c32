using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>A parsed scenario file: the cluster's shape and its timed events, sorted by time.</summary>
internal sealed record Scenario
{
    public const int MaxNodes = 16;

    /// <summary>Cluster name; <c>--cluster</c> wins over it.</summary>
    public string? Cluster { get; init; }

    /// <summary>Node count, 1..16; nodes are named node-1..node-N.</summary>
    public int Nodes { get; init; } = 3;

    public WitnessType Witness { get; init; } = WitnessType.None;

    /// <summary>Seed of the measurement noise, so that a run can be repeated exactly.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Resync speed after a node returns, in bytes per second of scenario time.</summary>
    public long RebuildBytesPerSecond { get; init; } = 2L << 30;

    /// <summary>Scenario seconds per real second; <c>--time-scale</c> wins over it.</summary>
    public double? TimeScale { get; init; }

    public IReadOnlyList<ScenarioEvent> Events { get; init; } = [];

    /// <summary>Node names, node-1..node-N.</summary>
    public IReadOnlyList<string> NodeNames => [.. Enumerable.Range(1, Nodes).Select(i => $"node-{i}")];

    /// <summary>A quiet cluster with no events (used when no scenario file is given).</summary>
    public static Scenario Steady { get; } = new();
}
