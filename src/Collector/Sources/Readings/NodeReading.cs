namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>One node as the reporting node sees it.</summary>
/// <param name="Name">The subject node, exported as data-point attribute <c>node</c>.</param>
/// <param name="Metrics">The node's own measurements; null when it cannot report (it is down) or the source
/// only knows its membership (peers of the reporting node).</param>
internal sealed record NodeReading(string Name, NodeState State, DrainState Drain, NodeMetrics? Metrics);
