using System.Collections.Concurrent;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// What the mapping needs to know of a metric: its Prometheus name, type, scope, whether peers report it, and whether
/// it is in the catalog. Only a node's own catalog metrics count as its self-report: an agent's self-metrics or any
/// other foreign series name a host, not a cluster member.
/// </summary>
internal sealed record MetricInfo(string PrometheusName, MetricKind Kind, MetricScope Scope, bool IsMembership, bool InCatalog = true)
{
    /// <summary>
    /// True for names Rules writes on /metrics itself (its <c>azlm_</c> self-metrics and report times, capacity
    /// forecasts, <c>ALERTS</c>): a client's series under one of them would be a second family of that name, and
    /// Prometheus would refuse the scrape. Agents' own <c>azlm_agent_*</c> metrics are theirs to send.
    /// </summary>
    public bool IsReserved { get; } =
        (PrometheusName.StartsWith("azlm_", StringComparison.Ordinal) && !PrometheusName.StartsWith("azlm_agent_", StringComparison.Ordinal))
        || PrometheusName.StartsWith("azlocal_capacity_", StringComparison.Ordinal)
        || PrometheusName.StartsWith("azlocal_policy_", StringComparison.Ordinal)
        || PrometheusName.StartsWith("ALERTS", StringComparison.Ordinal);

    private const int MaxCached = 10_000;
    private static readonly ConcurrentDictionary<(string Name, string Unit, bool Monotonic), MetricInfo> Cache = new();

    /// <summary>
    /// The catalog's answer for a catalog instrument, the generic OTLP→Prometheus translation otherwise; remembered
    /// (the same few dozen metrics arrive in every request), up to a bound against clients inventing names.
    /// </summary>
    public static MetricInfo Describe(string name, string unit, bool monotonicSum)
    {
        if (Cache.TryGetValue((name, unit, monotonicSum), out var cached))
        {
            return cached;
        }

        var info = Compute(name, unit, monotonicSum);
        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd((name, unit, monotonicSum), info);
        }

        return info;
    }

    private static MetricInfo Compute(string name, string unit, bool monotonicSum)
    {
        MetricCatalog.TryGet(name, out var definition);
        return new MetricInfo(
            definition?.PrometheusName ?? PrometheusNaming.Translate(name, unit, monotonicSum),
            definition?.Kind ?? (monotonicSum ? MetricKind.Counter : MetricKind.Gauge),
            definition?.Scope ?? MetricScope.Node,
            name is Instruments.NodeState or Instruments.NodeDrain,
            definition is not null);
    }
}
