namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>One timed event of a scenario.</summary>
/// <param name="At">Scenario time since start (divided by the time scale in real time).</param>
/// <param name="Node">The subject node for node events, null for witness events.</param>
/// <param name="Line">1-based line of the event in its file, for messages.</param>
internal sealed record ScenarioEvent(TimeSpan At, ScenarioAction Action, string? Node, int Line);
