using AzLocalMonitor.Collector.Sources.Simulated;

namespace AzLocalMonitor.Collector.Simulate;

/// <summary>What <c>simulate run</c> runs: which clusters and agents, where to, how fast.</summary>
internal sealed record SimulationPlan
{
    public required Scenario Scenario { get; init; }

    /// <summary>For logs.</summary>
    public required string ScenarioName { get; init; }

    public required Uri RulesBaseUrl { get; init; }

    /// <summary>Null: the scenario's time scale, else 1.</summary>
    public double? TimeScale { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One exporter per node (each reporting as its node) instead of one per cluster.</summary>
    public bool PerNode { get; init; }

    /// <summary>Run only this node's agent.</summary>
    public string? Node { get; init; }

    /// <summary>Run only this cluster of a fleet.</summary>
    public string? Cluster { get; init; }

    /// <summary>Scenario time 0; null: when the run starts.</summary>
    public DateTimeOffset? Epoch { get; init; }
}
