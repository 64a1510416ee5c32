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

    /// <summary>Round trip to the witness; null when there is none, it is unreachable, or the source cannot measure it.</summary>
    public double? WitnessLatencySeconds { get; init; }

    /// <summary>Round trips between the sites of a stretched cluster (empty for one site or a link that is down).</summary>
    public IReadOnlyList<SiteLatency> SiteLatencies { get; init; } = [];

    /// <summary>Routine operations finished within the last hour: (operation, subject).</summary>
    public IReadOnlyList<(string Operation, string Subject)> Operations { get; init; } = [];

    /// <summary>Replication groups this cluster is the source of.</summary>
    public IReadOnlyList<ReplicationReading> Replication { get; init; } = [];
}
