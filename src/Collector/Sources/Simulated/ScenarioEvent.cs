using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>One timed event of a scenario.</summary>
/// <param name="At">Scenario time since start (divided by the time scale in real time).</param>
/// <param name="Node">The subject node for node and drive events, null for witness and partition events.</param>
/// <param name="Line">1-based line of the event in its file, for messages.</param>
internal sealed record ScenarioEvent(TimeSpan At, ScenarioAction Action, string? Node, int Line)
{
    /// <summary>The cluster of a fleet the event applies to; null for a single-cluster scenario.</summary>
    public string? Cluster { get; init; }

    /// <summary>Capacity drive number (1-based) of drive events.</summary>
    public int Drive { get; init; } = 1;

    /// <summary>The nodes cut off by a partition event.</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>Seconds of latency or lag events; null for "normal".</summary>
    public double? Seconds { get; init; }

    /// <summary>The volume of a volume-create or volume-resize event.</summary>
    public string? Volume { get; init; }

    /// <summary>The network segment of a network-latency event.</summary>
    public string? Network { get; init; }

    /// <summary>The fault of a health-fault event: its type (after Microsoft.Health.FaultType.), severity and count.</summary>
    public FaultCount? Fault { get; init; }
}
