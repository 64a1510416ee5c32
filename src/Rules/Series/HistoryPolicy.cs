using System.Collections.Frozen;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Series;

/// <summary>
/// Which series keep the short history (<see cref="SeriesOptions.HistoryLength"/>). State sets (the catalog's metrics
/// without a unit and with a <c>state</c> label, one series per state: node, drain, witness, pool/volume health,
/// operational and replication state) keep only their latest value: a state-set
/// series is 0 or 1, nothing reads its past (rates are taken of byte counts, the web dashboard asks state sets for the
/// latest value only), and they are most of a cluster's series — each history costs 80 bytes and up (<see cref="PointHistory"/>).
/// </summary>
public static class HistoryPolicy
{
    private static readonly FrozenSet<string> StateSets =
        MetricCatalog.All.Where(d => d.Unit.Length == 0 && d.Attributes.Contains("state")).Select(d => d.PrometheusName).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>False for catalog state sets; true for every other metric (catalog or not).</summary>
    public static bool KeepsHistory(string prometheusName) => !StateSets.Contains(prometheusName);
}
