using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// What a condition sees: one cluster's series at one instant, and where to note when to look again. One context
/// per cluster evaluation, used by one thread: its scratch lists and the current rule's settings are never shared.
/// </summary>
public sealed class EvaluationContext
{
    public EvaluationContext(ClusterState cluster, DateTimeOffset now, AlertingOptions alerting, SeriesOptions series)
    {
        Cluster = cluster;
        Now = now;
        NowMs = now.ToUnixTimeMilliseconds();
        Alerting = alerting;
        StaleAfterMs = (long)series.StaleAfter.TotalMilliseconds;
    }

    /// <summary>The cluster under evaluation (its lock is held).</summary>
    public ClusterState Cluster { get; }

    /// <summary>Evaluation time: conditions never read the clock.</summary>
    public DateTimeOffset Now { get; }

    /// <summary><see cref="Now"/> in Unix ms.</summary>
    public long NowMs { get; }

    /// <summary>Alerting options (silence, resend).</summary>
    public AlertingOptions Alerting { get; }

    /// <summary>The settings of the rule being evaluated, for this cluster (threshold, parameters).</summary>
    public RuleSettings Settings { get; private set; } = RuleSettings.Of(TimeSpan.Zero);

    /// <summary>Capacity forecasts published for this cluster (empty when none).</summary>
    public IReadOnlyList<CapacityOutlook> CapacityOutlook { get; init; } = [];

    private readonly List<AlertCandidate> _candidates = [];

    /// <summary>The current rule's alert label sets seen in this evaluation (scratch).</summary>
    internal HashSet<LabelSet> Seen { get; } = [];

    /// <summary>Starts a rule's evaluation: its settings in force, and empty scratch lists.</summary>
    internal List<AlertCandidate> BeginRule(RuleSettings settings)
    {
        Settings = settings;
        _candidates.Clear();
        Seen.Clear();
        return _candidates;
    }

    /// <summary>Maintenance windows of this cluster in progress now.</summary>
    public IReadOnlyList<ActiveWindow> ActiveWindows { get; init; } = [];

    /// <summary>Series older than this are ignored.</summary>
    public long StaleAfterMs { get; }

    /// <summary>Earliest moment at which a condition's answer may change without new data (staleness, silence).</summary>
    public DateTimeOffset NextDeadline { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>The fresh series of a metric: reported within the stale window. Notes when each goes stale.</summary>
    public IEnumerable<TimeSeries> Fresh(string metric)
    {
        foreach (var series in Cluster.SeriesOf(metric))
        {
            if (series.IsFresh(NowMs, StaleAfterMs))
            {
                NoteDeadlineMs(series.ReceivedMs + StaleAfterMs + 1);
                yield return series;
            }
        }
    }

    /// <summary>Asks for a timer evaluation no later than <paramref name="deadline"/>.</summary>
    public void NoteDeadline(DateTimeOffset deadline)
    {
        if (deadline > Now && deadline < NextDeadline)
        {
            NextDeadline = deadline;
        }
    }

    /// <summary>Same as <see cref="NoteDeadline(DateTimeOffset)"/>, in Unix ms.</summary>
    public void NoteDeadlineMs(long unixMs) => NoteDeadline(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));
}
