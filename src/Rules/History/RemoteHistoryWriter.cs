using AzLocalMonitor.Rules.RemoteWrite;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.History;

/// <summary>
/// Writes history points to the remote-write buffer as the series <c>azlm_capacity_history{cluster, series}</c>
/// (Rules' own prefix: the names are Rules' derived capacity series, not catalog metrics), which
/// <see cref="PromQlHistoryStore"/> reads back.
/// </summary>
public static class RemoteHistoryWriter
{
    public const string Metric = "azlm_capacity_history";

    /// <summary>Encodes and commits the points (no await between: the tap's batch belongs to this thread).</summary>
    public static void Write(RemoteWriteTap tap, IReadOnlyList<HistorySample> samples)
    {
        ArgumentNullException.ThrowIfNull(tap);
        ArgumentNullException.ThrowIfNull(samples);
        var batch = tap.Begin();
        foreach (var sample in samples)
        {
            if (double.IsFinite(sample.Value))
            {
                batch.Add(sample.Cluster, Metric, LabelSet.Of("cluster", sample.Cluster, "series", sample.Series), sample.Value, sample.TimestampMs);
            }
        }

        batch.Commit();
    }
}

/// <summary>The local store, with every appended point also written to the remote store (so the fleet's history builds up there).</summary>
public sealed class RemoteWriteTeeHistoryStore(IHistoryStore local, RemoteWriteTap tap) : IHistoryStore
{
    public async Task AppendAsync(IReadOnlyList<HistorySample> samples, CancellationToken cancellationToken = default)
    {
        await local.AppendAsync(samples, cancellationToken).ConfigureAwait(false);
        RemoteHistoryWriter.Write(tap, samples);
    }

    public Task<int> RollUpAsync(long fromMs, CancellationToken cancellationToken = default) => local.RollUpAsync(fromMs, cancellationToken);

    public Task<IReadOnlyList<Rollup>> QueryAsync(string cluster, string series, Resolution resolution, long fromMs, long toMs, CancellationToken cancellationToken = default) =>
        local.QueryAsync(cluster, series, resolution, fromMs, toMs, cancellationToken);

    public Task<IReadOnlyList<string>> ClustersAsync(CancellationToken cancellationToken = default) => local.ClustersAsync(cancellationToken);

    public Task<long?> LatestRawAsync(CancellationToken cancellationToken = default) => local.LatestRawAsync(cancellationToken);

    public Task<int> PruneAsync(long nowMs, HistoryRetention retention, CancellationToken cancellationToken = default) => local.PruneAsync(nowMs, retention, cancellationToken);
}
