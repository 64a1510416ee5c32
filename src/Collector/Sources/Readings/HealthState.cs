namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Pool or volume health (HealthStatus). Order matches <c>MetricCatalog.States.Health</c>.</summary>
internal enum HealthState
{
    Healthy,
    Warning,
    Unhealthy,
    Unknown,
}
