namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Cluster-scope facts (exported without a <c>node</c> attribute; Rules keeps the latest report).</summary>
internal sealed record ClusterFacts
{
    /// <summary>The cluster's own verdict: true while it has quorum.</summary>
    public required bool HasQuorum { get; init; }

    public required int VotesConfigured { get; init; }

    public required int VotesPresent { get; init; }

    public WitnessType WitnessType { get; init; }

    public WitnessState WitnessState { get; init; }

    public IReadOnlyList<PoolReading> Pools { get; init; } = [];

    public IReadOnlyList<VolumeReading> Volumes { get; init; } = [];

    public IReadOnlyList<RepairJob> RepairJobs { get; init; } = [];

    public IReadOnlyList<FaultCount> Faults { get; init; } = [];
}
