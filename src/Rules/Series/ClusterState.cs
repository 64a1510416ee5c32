namespace AzLocalMonitor.Rules.Series;

/// <summary>
/// The data Rules holds about one cluster: its series by metric and when each node last reported itself. Alert
/// state is not here (Alerting keeps it per cluster under the same <see cref="Gate"/>): Series knows nothing of rules.
/// Clusters are updated and evaluated one at a time under their own gate, so clusters proceed in parallel.
/// </summary>
public sealed class ClusterState
{
    private readonly Dictionary<string, HashSet<TimeSeries>> _byMetric = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nodeLastSelfReportMs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inMaintenance = new(StringComparer.Ordinal);
    private readonly int _historyLength;
    private readonly SeriesTally? _tally;
    private string? _lastMetric;
    private HashSet<TimeSeries>.AlternateLookup<LabelSet> _lastSeries;

    /// <summary>The membership metric (docs/reference/metrics.md: <c>azlocal.node.state</c>), whose <c>node</c> labels name the members.</summary>
    public const string MembershipMetric = "azlocal_node_state";

    /// <summary>The drain metric (docs/reference/metrics.md: <c>azlocal.node.drain</c>).</summary>
    public const string DrainMetric = "azlocal_node_drain";

    /// <summary>
    /// Nodes the cluster itself has put in maintenance: reported paused or draining/drained, until reported up again.
    /// Like Windows, a paused node that restarts stays paused (it is down meanwhile): a rolling update is not a failure.
    /// </summary>
    public IReadOnlySet<string> NodesInMaintenance => _inMaintenance;

    public ClusterState(string name, int historyLength, SeriesTally? tally = null)
    {
        Name = name;
        _historyLength = historyLength;
        _tally = tally;
    }

    /// <summary>The cluster label value.</summary>
    public string Name { get; }

    /// <summary>Lock for every member of this object, and for the cluster's alert state in Alerting.</summary>
    public Lock Gate { get; } = new();

    /// <summary>When any report for this cluster last arrived (Unix ms, Rules' clock).</summary>
    public long LastReportMs { get; private set; }

    /// <summary>
    /// When the first report for this cluster arrived in this process (Unix ms, Rules' clock); 0 when its reports were
    /// restored from disk: Rules knew it before the restart, so it counts as long established. Absence alerting
    /// (AzLocalTelemetryLost) compares it with <see cref="LastReportMs"/> so a one-off export never raises it.
    /// </summary>
    public long FirstReportMs { get; private set; }

    /// <summary>
    /// The newest data-point timestamp stored for this cluster (Unix ms, the reporting agent's clock); 0 before any.
    /// Every replica of an HA pair receives the same batches in the same order, so at the report that makes a
    /// condition true they agree on it, where their own clocks differ: alerts take their start from it.
    /// </summary>
    public long LatestSampleMs { get; private set; }

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

    /// <summary>Stores one mapped sample. Returns false when it was older than the series' latest point.</summary>
    public bool Apply(in MappedSample sample, long receivedMs, long staleAfterMs = long.MaxValue)
    {
        // A report's points come grouped by metric: the last metric's set (and its lookup by labels) is kept at hand.
        if (!ReferenceEquals(sample.Metric, _lastMetric))
        {
            if (!_byMetric.TryGetValue(sample.Metric, out var set))
            {
                set = new HashSet<TimeSeries>(SeriesByLabels.Instance);
                _byMetric.Add(sample.Metric, set);
            }

            _lastMetric = sample.Metric;
            _lastSeries = set.GetAlternateLookup<LabelSet>();
        }

        var series = _lastSeries.Set;
        if (!_lastSeries.TryGetValue(sample.Labels, out var ts))
        {
            ts = new TimeSeries(sample.Metric, sample.Labels, sample.Kind, HistoryPolicy.KeepsHistory(sample.Metric) ? _historyLength : 0);
            series.Add(ts);
            SeriesCount++;
            _tally?.Add(1);
        }

        if (LastReportMs == 0)
        {
            FirstReportMs = receivedMs; // never set after a restore, which leaves it 0 (established)
        }

        LastReportMs = Math.Max(LastReportMs, receivedMs);
        if (sample.SelfReportNode is { } node)
        {
            _nodeLastSelfReportMs[node] = receivedMs;
            SelfReportsArrived = true;
        }

        var result = ts.Record(sample.TimestampMs, sample.Value, receivedMs, staleAfterMs);
        if (result != RecordResult.Rejected && sample.TimestampMs > LatestSampleMs)
        {
            LatestSampleMs = sample.TimestampMs;
        }
        if (result == RecordResult.Changed)
        {
            ChangedMetrics.Add(sample.Metric);
            if (sample.Value == 1)
            {
                TrackMaintenance(sample.Metric, sample.Labels);
            }
        }

        return result != RecordResult.Rejected;
    }

    private void TrackMaintenance(string metric, LabelSet labels)
    {
        if (labels.Get("node") is not { } node)
        {
            return;
        }

        var state = labels.Get("state");
        if ((metric == MembershipMetric && state == "paused") || (metric == DrainMetric && state is "in_progress" or "completed"))
        {
            _inMaintenance.Add(node);
        }
        else if (metric == MembershipMetric && state == "up")
        {
            _inMaintenance.Remove(node);
        }
    }

    /// <summary>True when the series of <paramref name="sample"/> exists already (storing it creates nothing).</summary>
    public bool Holds(in MappedSample sample) =>
        _byMetric.TryGetValue(sample.Metric, out var series) && series.GetAlternateLookup<LabelSet>().Contains(sample.Labels);

    /// <summary>The series of one metric (empty when none).</summary>
    public IReadOnlyCollection<TimeSeries> SeriesOf(string metric) =>
        _byMetric.TryGetValue(metric, out var series) ? series : [];

    /// <summary>
    /// The cluster's members: every node named by a membership report (<c>azlocal_node_state</c>, fresh or not, until
    /// forgotten) or that reported itself. Not any <c>node</c> label: agent self-metrics and peers' probes name hosts too.
    /// </summary>
    public SortedSet<string> MemberNodes()
    {
        var nodes = new SortedSet<string>(_nodeLastSelfReportMs.Keys, StringComparer.Ordinal);
        foreach (var series in SeriesOf(MembershipMetric))
        {
            if (series.Labels.Get("node") is { } node)
            {
                nodes.Add(node);
            }
        }

        return nodes;
    }

    /// <summary>Drops series and nodes not heard from for <paramref name="forgetAfterMs"/>.</summary>
    public void Forget(long nowMs, long forgetAfterMs)
    {
        _lastMetric = null; // its set may be removed below
        foreach (var (metric, series) in _byMetric)
        {
            var forgotten = series.RemoveWhere(ts => nowMs - ts.ReceivedMs > forgetAfterMs);
            SeriesCount -= forgotten;
            _tally?.Add(-forgotten);

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

        _inMaintenance.RemoveWhere(node => !_nodeLastSelfReportMs.ContainsKey(node) && !MemberNodes().Contains(node));
    }
}
