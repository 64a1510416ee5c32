using AzLocalMonitor.Rules.Alerting;

namespace AzLocalMonitor.Rules.Series;

/// <summary>
/// Everything Rules knows about one cluster: its series by metric, when each node last reported itself, and
/// its alerts. Rules evaluate one cluster at a time under <see cref="Gate"/>, so clusters proceed in parallel.
/// </summary>
public sealed class ClusterState
{
    private readonly Dictionary<string, Dictionary<LabelSet, TimeSeries>> _byMetric = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nodeLastSelfReportMs = new(StringComparer.Ordinal);
    private readonly int _historyLength;
    private bool _evaluateSoon;

    public ClusterState(string name, int historyLength)
    {
        Name = name;
        _historyLength = historyLength;
    }

    /// <summary>The cluster label value.</summary>
    public string Name { get; }

    /// <summary>Lock for every member of this object.</summary>
    public Lock Gate { get; } = new();

    /// <summary>When any report for this cluster last arrived (Unix ms, Rules' clock).</summary>
    public long LastReportMs { get; private set; }

    /// <summary>Alert state of this cluster, per rule name.</summary>
    public Dictionary<string, Dictionary<LabelSet, Alert>> Alerts { get; } = new(StringComparer.Ordinal);

    /// <summary>Earliest time a timer evaluation is needed (a pending alert's <c>for</c>, a silence, keep_firing_for).</summary>
    public DateTimeOffset NextDeadline { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>Bumped whenever an alert of this cluster changes in a way worth keeping across a restart.</summary>
    public long AlertVersion { get; private set; }

    /// <summary>The <see cref="AlertVersion"/> last handed to the state store.</summary>
    public long PersistedAlertVersion { get; set; }

    /// <summary>Notes that alert state changed (lifecycle, send time) and must be persisted.</summary>
    public void MarkAlertsChanged() => AlertVersion++;

    /// <summary>Set from outside the lock (policy reload, maintenance change): evaluate at the next tick.</summary>
    public bool EvaluateSoon
    {
        get => Volatile.Read(ref _evaluateSoon);
        set => Volatile.Write(ref _evaluateSoon, value);
    }

    /// <summary>Earliest time an alert of this cluster is due to be re-sent.</summary>
    public DateTimeOffset NextResend { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>
    /// Set when alerts were restored after a restart: until then firing alerts are not resolved for lack of data,
    /// so a restart neither loses nor re-pages them.
    /// </summary>
    public DateTimeOffset? WarmUpUntil { get; set; }

    /// <summary>Records a node's last self-report time restored from disk (does not move it backwards).</summary>
    public void RestoreNodeReport(string node, long lastMs)
    {
        if (!_nodeLastSelfReportMs.TryGetValue(node, out var current) || current < lastMs)
        {
            _nodeLastSelfReportMs[node] = lastMs;
        }

        LastReportMs = Math.Max(LastReportMs, lastMs);
    }

    /// <summary>Number of series held.</summary>
    public int SeriesCount { get; private set; }

    /// <summary>Nodes that have reported themselves, with the time of their latest self-report (Unix ms).</summary>
    public IReadOnlyDictionary<string, long> NodeLastSelfReportMs => _nodeLastSelfReportMs;

    /// <summary>Metric names that have series in this cluster.</summary>
    public IEnumerable<string> Metrics => _byMetric.Keys;

    /// <summary>Metrics whose series changed since the last evaluation (streaming evaluation runs only the rules reading them).</summary>
    public HashSet<string> ChangedMetrics { get; } = new(StringComparer.Ordinal);

    /// <summary>True when a node reported itself since the last evaluation (node silence rules run).</summary>
    public bool SelfReportsArrived { get; set; }

    /// <summary>False until the first evaluation, which runs every rule.</summary>
    public bool Evaluated { get; set; }

    /// <summary>Stores one mapped sample. Returns false when it was older than the series' latest point.</summary>
    public bool Apply(in MappedSample sample, long receivedMs, long staleAfterMs = long.MaxValue)
    {
        if (!_byMetric.TryGetValue(sample.Metric, out var series))
        {
            series = new Dictionary<LabelSet, TimeSeries>();
            _byMetric.Add(sample.Metric, series);
        }

        if (!series.TryGetValue(sample.Labels, out var ts))
        {
            ts = new TimeSeries(sample.Metric, sample.Labels, sample.Kind, _historyLength);
            series.Add(sample.Labels, ts);
            SeriesCount++;
        }

        LastReportMs = Math.Max(LastReportMs, receivedMs);
        if (sample.SelfReportNode is { } node)
        {
            _nodeLastSelfReportMs[node] = receivedMs;
            SelfReportsArrived = true;
        }

        var result = ts.Record(sample.TimestampMs, sample.Value, receivedMs, staleAfterMs);
        if (result == RecordResult.Changed)
        {
            ChangedMetrics.Add(sample.Metric);
        }

        return result != RecordResult.Rejected;
    }

    /// <summary>The series of one metric (empty when none).</summary>
    public IReadOnlyCollection<TimeSeries> SeriesOf(string metric) =>
        _byMetric.TryGetValue(metric, out var series) ? series.Values : [];

    /// <summary>Drops series and nodes not heard from for <paramref name="forgetAfterMs"/>.</summary>
    public void Forget(long nowMs, long forgetAfterMs)
    {
        foreach (var (metric, series) in _byMetric)
        {
            foreach (var (labels, ts) in series)
            {
                if (nowMs - ts.ReceivedMs > forgetAfterMs)
                {
                    series.Remove(labels);
                    SeriesCount--;
                }
            }

            if (series.Count == 0)
            {
                _byMetric.Remove(metric);
            }
        }

        foreach (var (node, last) in _nodeLastSelfReportMs)
        {
            if (nowMs - last > forgetAfterMs)
            {
                _nodeLastSelfReportMs.Remove(node);
            }
        }
    }
}
