using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Series;

/// <summary>The in-memory series of every cluster: latest values plus a short history, partitioned by cluster.</summary>
public sealed class SeriesStore
{
    private readonly ConcurrentDictionary<string, ClusterState> _clusters = new(StringComparer.Ordinal);
    private readonly int _historyLength;
    private readonly SeriesTally _tally = new();

    public SeriesStore(IOptions<SeriesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _historyLength = options.Value.HistoryLength;
    }

    /// <summary>Every cluster known so far.</summary>
    public ICollection<ClusterState> Clusters => _clusters.Values;

    /// <summary>Number of clusters known (takes every lock of the map: not for a per-sample path).</summary>
    public int ClusterCount => _clusters.Count;

    /// <summary>Series held by all clusters together.</summary>
    public long SeriesCount => _tally.Count;

    /// <summary>The state of a cluster, created on first use.</summary>
    public ClusterState GetOrAdd(string cluster) =>
        _clusters.GetOrAdd(cluster, static (name, store) => new ClusterState(name, store._historyLength, store._tally), this);

    /// <summary>The state of a cluster, or null when it never reported.</summary>
    public ClusterState? Find(string cluster) => _clusters.GetValueOrDefault(cluster);
}
