namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Node drain status (NodeDrainStatus). Order matches <c>MetricCatalog.States.Drain</c>.</summary>
internal enum DrainState
{
    None,
    InProgress,
    Completed,
    Failed,
}
