using System.Collections.Concurrent;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>The latest capacity results per cluster, shared by the jobs (writers) and /metrics, the API and alerts (readers).</summary>
public sealed class CapacityBoard
{
    private readonly ConcurrentDictionary<string, ClusterCapacity> _forecasts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CapacitySnapshot> _snapshots = new(StringComparer.Ordinal);

    /// <summary>Latest forecasts, by cluster name.</summary>
    public IReadOnlyCollection<ClusterCapacity> Forecasts => _forecasts.Values.OrderBy(c => c.Cluster, StringComparer.Ordinal).ToList();

    /// <summary>Latest live snapshots, by cluster name.</summary>
    public IReadOnlyList<CapacitySnapshot> Snapshots => _snapshots.Values.OrderBy(s => s.Cluster, StringComparer.Ordinal).ToList();

    /// <summary>Latest live snapshot of a cluster (from the last record), or null.</summary>
    public CapacitySnapshot? Snapshot(string cluster) => _snapshots.GetValueOrDefault(cluster);

    /// <summary>
    /// The latest forecast of a cluster with the latest live model, or null. The forecast runs hourly, the model is
    /// recorded every minute: a forecast made before the cluster's first record (right after a backfill at start)
    /// would otherwise show no model for an hour.
    /// </summary>
    public ClusterCapacity? Find(string cluster) =>
        _forecasts.GetValueOrDefault(cluster) is { } forecast && _snapshots.GetValueOrDefault(cluster) is { } live && !ReferenceEquals(live, forecast.Snapshot)
            ? forecast with { Snapshot = live }
            : _forecasts.GetValueOrDefault(cluster);

    /// <summary>N+1 of a cluster now and on its forecast (null before its first record). See <see cref="NPlusOneOutlook"/>.</summary>
    public NPlusOneOutlook? NPlusOne(string cluster) =>
        _snapshots.TryGetValue(cluster, out var snapshot) ? NPlusOneOutlook.From(snapshot, Find(cluster)) : null;

    /// <summary>N+1 of every cluster with a live snapshot, by name.</summary>
    public IReadOnlyList<NPlusOneOutlook> NPlusOneOutlooks =>
        _snapshots.Values.OrderBy(s => s.Cluster, StringComparer.Ordinal).Select(s => NPlusOneOutlook.From(s, Find(s.Cluster))).ToList();

    public void Set(ClusterCapacity capacity)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        _forecasts[capacity.Cluster] = capacity;
    }

    public void SetSnapshot(CapacitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshots[snapshot.Cluster] = snapshot;
    }
}
