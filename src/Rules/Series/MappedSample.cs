using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Series;

/// <summary>One data point after identity mapping (docs/reference/metrics.md), ready to be stored.</summary>
/// <param name="Metric">Prometheus metric name.</param>
/// <param name="Kind">Gauge or counter.</param>
/// <param name="Labels">Labels including <c>cluster</c> (and <c>node</c> for node-scope metrics).</param>
/// <param name="Value">The point's value.</param>
/// <param name="TimestampMs">The point's time, Unix ms.</param>
/// <param name="SelfReportNode">
/// The node this point proves alive: set for node-scope points a node reports about itself (not membership
/// state or drain, which peers report about it). Null otherwise.
/// </param>
public readonly record struct MappedSample(
    string Metric,
    MetricKind Kind,
    LabelSet Labels,
    double Value,
    long TimestampMs,
    string? SelfReportNode);
