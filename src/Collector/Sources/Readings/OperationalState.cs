namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Volume operational state (OperationalStatus). Order matches <c>MetricCatalog.States.VolumeOperational</c>.</summary>
internal enum OperationalState
{
    Ok,
    Degraded,
    Incomplete,
    InService,
    Detached,
    NoRedundancy,
}
