using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Series;

/// <summary>
/// One series: its identity, its latest value and a short ring of recent points (enough for rates such as
/// a rebuild's bytes per second), packed (<see cref="PointHistory"/>). Mutated only under its cluster's lock.
/// </summary>
public sealed class TimeSeries
{
    private readonly MetricIdentity _identity;
    private PointHistory _history;

    public TimeSeries(string metric, LabelSet labels, MetricKind kind, int historyLength)
    {
        _identity = MetricIdentity.Of(metric, kind);
        Labels = labels;
        _history = new PointHistory(historyLength);
    }

    /// <summary>Prometheus metric name, e.g. <c>azlocal_cluster_quorum</c>.</summary>
    public string Metric => _identity.Metric;

    /// <summary>Labels without the metric name; always includes <c>cluster</c>.</summary>
    public LabelSet Labels { get; }

    /// <summary>Gauge or counter (decides the exposition <c>TYPE</c>).</summary>
    public MetricKind Kind => _identity.Kind;

    /// <summary>Latest value.</summary>
    public double Value { get; private set; }

    /// <summary>Sample time of the latest value (Unix ms, from the data point).</summary>
    public long TimestampMs { get; private set; } = long.MinValue;

    /// <summary>When Rules received the latest value (Unix ms, Rules' clock): decides staleness.</summary>
    public long ReceivedMs { get; private set; }

    /// <summary>Number of points in the recent history.</summary>
    public int HistoryCount => _history.Count;

    /// <summary>
    /// Records a point. Returns <see cref="RecordResult.Rejected"/> when it is older than the latest one (a late or
    /// duplicate report from another node of the cluster: the latest report wins), <see cref="RecordResult.Changed"/>
    /// when what rules see changed (a new value, or a series back from staleness), else <see cref="RecordResult.Unchanged"/>.
    /// </summary>
    public RecordResult Record(long timestampMs, double value, long receivedMs, long staleAfterMs = long.MaxValue)
    {
        if (timestampMs < TimestampMs)
        {
            return RecordResult.Rejected;
        }

        var changed = TimestampMs == long.MinValue || !Value.Equals(value) || receivedMs - ReceivedMs > staleAfterMs;

        if (timestampMs != TimestampMs)
        {
            _history.Add(timestampMs, value); // a repeated timestamp keeps its first value in the history
        }

        TimestampMs = timestampMs;
        Value = value;
        ReceivedMs = receivedMs;
        return changed ? RecordResult.Changed : RecordResult.Unchanged;
    }

    /// <summary>True when the latest report arrived within <paramref name="staleAfterMs"/> of <paramref name="nowMs"/>.</summary>
    public bool IsFresh(long nowMs, long staleAfterMs) => nowMs - ReceivedMs <= staleAfterMs;

    /// <summary>The i-th most recent point (0 = latest). Decodes the history up to it: to read several, use <see cref="CopyHistory"/>.</summary>
    public (long TimestampMs, double Value) Recent(int i) => _history.Recent(i);

    /// <summary>
    /// Copies the newest <c>min(destination.Length, HistoryCount)</c> points of the history into
    /// <paramref name="destination"/>, oldest first; returns how many.
    /// </summary>
    public int CopyHistory(Span<(long TimestampMs, double Value)> destination) => _history.CopyNewest(destination);

    /// <summary>Bytes of the history's backing array (0 when the series keeps none): for memory measurements.</summary>
    internal int HistoryBytes => _history.CapacityBytes;
}
