namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Physical disk state. Order matches <c>MetricCatalog.States.DiskState</c>.</summary>
internal enum DiskState
{
    Healthy,
    Warning,
    Unhealthy,
    Retired,
}
