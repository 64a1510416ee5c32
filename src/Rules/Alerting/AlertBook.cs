using System.Collections.Concurrent;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>The alert state of every cluster, beside (not inside) the series store.</summary>
public sealed class AlertBook
{
    private readonly ConcurrentDictionary<string, ClusterAlerts> _clusters = new(StringComparer.Ordinal);

    /// <summary>Every cluster that has alert state.</summary>
    public ICollection<ClusterAlerts> Clusters => _clusters.Values;

    /// <summary>The alert state of <paramref name="series"/>'s cluster, created on first use.</summary>
    public ClusterAlerts For(ClusterState series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return _clusters.GetOrAdd(series.Name, static (_, s) => new ClusterAlerts(s), series);
    }

    /// <summary>Asks for an evaluation of <paramref name="cluster"/> at the next tick (no-op for a cluster never seen).</summary>
    public void RequestEvaluation(string cluster)
    {
        if (Find(cluster) is { } alerts)
        {
            alerts.EvaluateSoon = true;
        }
    }

    /// <summary>The alert state of a cluster, or null.</summary>
    public ClusterAlerts? Find(string cluster) => _clusters.GetValueOrDefault(cluster);
}
