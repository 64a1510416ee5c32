namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Whether the quorum witness is reachable. Order matches <c>MetricCatalog.States.Witness</c>.</summary>
internal enum WitnessState
{
    Ok,
    Failed,
}
