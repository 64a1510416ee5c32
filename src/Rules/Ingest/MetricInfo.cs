using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>What the mapping needs to know of a metric: its Prometheus name, type, scope, and whether peers report it.</summary>
internal sealed record MetricInfo(string PrometheusName, MetricKind Kind, MetricScope Scope, bool IsMembership)
{
    /// <summary>The catalog's answer for a catalog instrument, the generic OTLP→Prometheus translation otherwise.</summary>
    public static MetricInfo Describe(string name, string unit, bool monotonicSum)
    {
        MetricCatalog.TryGet(name, out var definition);
        return new MetricInfo(
            definition?.PrometheusName ?? PrometheusNaming.Translate(name, unit, monotonicSum),
            definition?.Kind ?? (monotonicSum ? MetricKind.Counter : MetricKind.Gauge),
            definition?.Scope ?? MetricScope.Node,
            name is Instruments.NodeState or Instruments.NodeDrain);
    }
}
