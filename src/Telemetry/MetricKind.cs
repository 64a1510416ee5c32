namespace AzLocalMonitor.Telemetry;

/// <summary>The Prometheus type a catalog metric is exposed as.</summary>
public enum MetricKind
{
    /// <summary>A value that goes up and down; also used for state sets (1 for the current state, 0 otherwise).</summary>
    Gauge,

    /// <summary>A monotonic sum; its Prometheus name ends in <c>_total</c>.</summary>
    Counter,
}
