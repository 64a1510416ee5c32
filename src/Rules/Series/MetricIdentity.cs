using System.Collections.Concurrent;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Series;

/// <summary>
/// A metric's name and kind, one shared instance per pair: a <see cref="TimeSeries"/> holds one reference to it instead
/// of the name and the kind, which keeps the series object at 64 bytes instead of 72 (the 4-byte kind tipped it over).
/// The pairs are few (the catalog's metrics, plus any a source adds, already bounded by ingest's series limit);
/// looked up only when a series is created.
/// </summary>
internal sealed class MetricIdentity
{
    private static readonly ConcurrentDictionary<(string Metric, MetricKind Kind), MetricIdentity> Shared = new();

    private MetricIdentity(string metric, MetricKind kind)
    {
        Metric = metric;
        Kind = kind;
    }

    public string Metric { get; }

    public MetricKind Kind { get; }

    public static MetricIdentity Of(string metric, MetricKind kind) =>
        Shared.GetOrAdd((metric, kind), static key => new MetricIdentity(key.Metric, key.Kind));
}
