namespace AzLocalMonitor.Rules.History;

/// <summary>
/// Where capacity history lives: raw points recorded from the series store, rolled up into 5-minute, hourly and
/// daily buckets. SQLite embedded by default; a distributed store (Azure Data Explorer) can implement it later.
/// </summary>
public interface IHistoryStore
{
    /// <summary>Appends raw points (a point at an existing cluster/series/time replaces it).</summary>
    Task AppendAsync(IReadOnlyList<HistorySample> samples, CancellationToken cancellationToken = default);

    /// <summary>Recomputes every bucket from the one holding <paramref name="fromMs"/> on, from raw points. Returns buckets written.</summary>
    Task<int> RollUpAsync(long fromMs, CancellationToken cancellationToken = default);

    /// <summary>Buckets of one series in [<paramref name="fromMs"/>, <paramref name="toMs"/>), oldest first.</summary>
    Task<IReadOnlyList<Rollup>> QueryAsync(string cluster, string series, Resolution resolution, long fromMs, long toMs, CancellationToken cancellationToken = default);

    /// <summary>Clusters with any history.</summary>
    Task<IReadOnlyList<string>> ClustersAsync(CancellationToken cancellationToken = default);

    /// <summary>Newest raw point time, or null when empty.</summary>
    Task<long?> LatestRawAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes what is older than its retention, relative to <paramref name="nowMs"/>. Returns rows deleted.</summary>
    Task<int> PruneAsync(long nowMs, HistoryRetention retention, CancellationToken cancellationToken = default);
}
