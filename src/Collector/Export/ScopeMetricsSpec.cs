using OtlpMetric = AzLocalMonitor.Telemetry.Otlp.Metrics.Metric;

namespace AzLocalMonitor.Collector.Export;

/// <summary>Metrics the exporter adds to a batch under their own instrumentation scope (the agent's self-metrics).</summary>
internal sealed record ScopeMetricsSpec(string Name, IReadOnlyList<OtlpMetric> Metrics);
