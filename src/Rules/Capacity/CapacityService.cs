using AzLocalMonitor.Rules.History;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>
/// The capacity work the Quartz jobs run: record the latest values of every cluster into history, roll up and
/// prune, forecast and publish (board, alerts). Each step is callable directly (tests, CLI).
/// </summary>
public sealed class CapacityService
{
    private readonly SeriesStore _series;
    private readonly IHistoryStore _history;
    private readonly CapacityForecaster _forecaster;
    private readonly CapacityBoard _board;
    private readonly CapacityAlerts _alerts;
    private readonly TimeProvider _time;
    private readonly HistoryOptions _historyOptions;
    private readonly long _staleMs;
    private long? _rolledUpTo;

    public CapacityService(SeriesStore series, IHistoryStore history, CapacityForecaster forecaster, CapacityBoard board, CapacityAlerts alerts,
        TimeProvider time, IOptions<HistoryOptions> historyOptions, IOptions<SeriesOptions> seriesOptions)
    {
        ArgumentNullException.ThrowIfNull(historyOptions);
        ArgumentNullException.ThrowIfNull(seriesOptions);
        _series = series;
        _history = history;
        _forecaster = forecaster;
        _board = board;
        _alerts = alerts;
        _time = time;
        _historyOptions = historyOptions.Value;
        _staleMs = (long)seriesOptions.Value.StaleAfter.TotalMilliseconds;
    }

    /// <summary>Snapshots every cluster's latest values (under each cluster's lock, no I/O there) and appends them to history.</summary>
    public async Task<int> RecordAsync(CancellationToken cancellationToken = default)
    {
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var samples = new List<HistorySample>();
        foreach (var cluster in _series.Clusters)
        {
            CapacitySnapshot? snapshot;
            lock (cluster.Gate)
            {
                snapshot = CapacitySnapshotBuilder.Build(cluster, nowMs, _staleMs);
            }

            if (snapshot is not null)
            {
                _board.SetSnapshot(snapshot);
                if (snapshot.Nodes > 1)
                {
                    // A single node cannot survive its own loss by construction (a topology the module offers, not an
                    // event): N+1 alerts only where there is a node to fail over to.
                    _alerts.PublishNPlusOne(_board.NPlusOne(snapshot.Cluster));
                }
                samples.AddRange(CapacitySnapshotBuilder.ToSamples(snapshot));
            }
        }

        if (samples.Count > 0)
        {
            await _history.AppendAsync(samples, cancellationToken).ConfigureAwait(false);
        }

        return samples.Count;
    }

    /// <summary>Rolls up what arrived since the last run (re-reading the newest day) and prunes by retention.</summary>
    public async Task<int> RollUpAsync(CancellationToken cancellationToken = default)
    {
        var latest = await _history.LatestRawAsync(cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            return 0;
        }

        var from = (_rolledUpTo ?? latest.Value) - Resolution.Day.Milliseconds();
        var written = await _history.RollUpAsync(from, cancellationToken).ConfigureAwait(false);
        _rolledUpTo = latest;
        await _history.PruneAsync(Math.Max(latest.Value, _time.GetUtcNow().ToUnixTimeMilliseconds()), _historyOptions.Retention, cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Forecasts every cluster with history, updates the board and the AzLocalCapacityForecast alerts.</summary>
    public async Task<IReadOnlyList<ClusterCapacity>> ForecastAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var results = new List<ClusterCapacity>();
        foreach (var cluster in await _history.ClustersAsync(cancellationToken).ConfigureAwait(false))
        {
            var result = await _forecaster.ForecastAsync(cluster, now, _board.Snapshot(cluster), cancellationToken).ConfigureAwait(false);
            _board.Set(result);
            _alerts.Publish(result, now);
            results.Add(result);
        }

        return results;
    }
}
