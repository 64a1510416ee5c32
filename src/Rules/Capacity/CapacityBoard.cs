using System.Collections.Concurrent;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>The latest capacity results per cluster, shared by the jobs (writers) and /metrics, the API and alerts (readers).</summary>
public sealed class CapacityBoard
{
    private readonly ConcurrentDictionary<string, ClusterCapacity> _forecasts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CapacitySnapshot> _snapshots = new(StringComparer.Ordinal);

    /// <summary>Latest forecasts, by cluster name.</summary>
    public IReadOnlyCollection<ClusterCapacity> Forecasts => _forecasts.Values.OrderBy(c => c.Cluster, StringComparer.Ordinal).ToList();

    /// <summary>Latest live snapshot of a cluster (from the last record), or null.</summary>
    public CapacitySnapshot? Snapshot(string cluster) => _snapshots.GetValueOrDefault(cluster);

    /// <summary>The latest forecast of a cluster, or null.</summary>
    public ClusterCapacity? Find(string cluster) => _forecasts.GetValueOrDefault(cluster);

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
