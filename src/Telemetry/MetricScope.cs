namespace AzLocalMonitor.Telemetry;

/// <summary>Who a metric describes, which decides whether Rules gives it a <c>node</c> label (docs/reference/metrics.md).</summary>
public enum MetricScope
{
    /// <summary>Describes one node: labelled <c>cluster</c> and <c>node</c>.</summary>
    Node,

    /// <summary>Describes the whole cluster: labelled <c>cluster</c> only; any node may report it, the latest report wins.</summary>
    Cluster,
}
