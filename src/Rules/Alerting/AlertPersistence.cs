using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.State;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// Alert state across restarts: turns what changed into rows (written behind by <see cref="AlertOutbox"/>),
/// checkpoints node report times, and restores everything at start-up with a warm-up during which restored firing
/// alerts are not resolved for lack of data — so a restart neither loses nor re-pages them.
/// </summary>
public sealed class AlertPersistence
{
    private readonly IStateStore _store;
    private readonly SeriesStore _series;
    private readonly AlertBook _book;
    private readonly AlertingOptions _alerting;
    private readonly SeriesOptions _seriesOptions;

    public AlertPersistence(IStateStore store, SeriesStore series, AlertBook book, IOptions<AlertingOptions> alerting, IOptions<SeriesOptions> seriesOptions)
    {
        ArgumentNullException.ThrowIfNull(alerting);
        ArgumentNullException.ThrowIfNull(seriesOptions);
        _store = store;
        _series = series;
        _book = book;
        _alerting = alerting.Value;
        _seriesOptions = seriesOptions.Value;
    }

    /// <summary>
    /// Under the cluster's gate: the rows that changed since the last call (dirty alerts, forgotten ones), each with
    /// the history step it is, if any (<paramref name="now"/> dates a muting, which has no timestamp of its own).
    /// </summary>
    public static IReadOnlyList<AlertChange> TakeChanges(ClusterAlerts cluster, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Forgotten.Count == 0 && cluster.ByRule.Count == 0)
        {
            return []; // the common case on ingest: no alert at all, nothing to write
        }

        var changes = new List<AlertChange>();
        foreach (var (key, labels) in cluster.Forgotten)
        {
            changes.Add(new AlertChange(cluster.Name, key, labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal), null));
        }

        cluster.Forgotten.Clear();
        foreach (var (key, alerts) in cluster.ByRule)
        {
            foreach (var alert in alerts.Values)
            {
                if (!alert.Dirty)
                {
                    continue;
                }

                alert.Dirty = false;
                var labels = alert.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
                changes.Add(new AlertChange(cluster.Name, key, labels, new AlertRecord(cluster.Name, key, labels, alert.Annotations, (int)alert.State,
                    alert.ActiveAt, alert.FiredAt, alert.ResolvedAt, alert.LastSentAt, alert.KeepFiringSince, alert.Value))
                {
                    Transition = Transition(cluster.Name, alert, labels, now),
                });
            }
        }

        return changes;
    }

    /// <summary>
    /// The history step an alert's change is: firing (again, once unmuted), muted while firing, resolved after firing;
    /// null when the phase is unchanged or the alert never fired (pending alerts leave no history).
    /// </summary>
    private static AlertTransition? Transition(string cluster, Alert alert, IReadOnlyDictionary<string, string> labels, DateTimeOffset now)
    {
        var phase = alert.State switch
        {
            AlertState.Firing => alert.MutedBy is null ? AlertTransition.Firing : AlertTransition.Muted,
            AlertState.Inactive when alert.HistoryPhase is AlertTransition.Firing or AlertTransition.Muted => AlertTransition.Resolved,
            _ => alert.HistoryPhase,
        };
        if (phase is null || phase == alert.HistoryPhase)
        {
            return null;
        }

        var previous = alert.HistoryPhase;
        alert.HistoryPhase = phase;
        var at = phase switch
        {
            AlertTransition.Resolved => alert.ResolvedAt ?? now,
            AlertTransition.Firing when previous is null => alert.FiredAt ?? now,
            _ => now,
        };
        return new AlertTransition(cluster, at, alert.Name, alert.Severity, labels, phase, phase == AlertTransition.Muted ? alert.MutedBy : null);
    }

    /// <summary>Checkpoints every node's last self-report time.</summary>
    public void CheckpointNodes()
    {
        var reports = new List<(string, string, long)>();
        foreach (var cluster in _series.Clusters)
        {
            lock (cluster.Gate)
            {
                foreach (var (node, last) in cluster.NodeLastSelfReportMs)
                {
                    reports.Add((cluster.Name, node, last));
                }
            }
        }

        if (reports.Count > 0)
        {
            _store.SaveNodeReports(reports);
        }
    }

    /// <summary>Restores alerts and node report times; returns how many alerts came back.</summary>
    public int Restore(DateTimeOffset now)
    {
        var warmUp = now + Max(_alerting.NodeSilenceAfter, _seriesOptions.StaleAfter);
        var count = 0;
        foreach (var (cluster, node, last) in _store.LoadNodeReports())
        {
            var state = _series.GetOrAdd(cluster);
            lock (state.Gate)
            {
                state.RestoreNodeReport(node, last);
            }
        }

        foreach (var group in _store.LoadAlerts().GroupBy(r => r.Cluster, StringComparer.Ordinal))
        {
            var state = _series.GetOrAdd(group.Key);
            var alerts = _book.For(state);
            lock (state.Gate)
            {
                foreach (var record in group)
                {
                    var labels = LabelSet.From(record.Labels);
                    alerts.Of(record.RuleKey)[labels] = new Alert(labels, record.ActiveAt)
                    {
                        Annotations = record.Annotations,
                        State = (AlertState)record.State,
                        FiredAt = record.FiredAt,
                        ResolvedAt = record.ResolvedAt,
                        LastSentAt = record.LastSentAt,
                        KeepFiringSince = record.KeepFiringSince,
                        Value = record.Value,
                        Dirty = false,
                        HistoryPhase = (AlertState)record.State == AlertState.Firing ? AlertTransition.Firing : null, // already in the history
                    };
                    count++;
                }

                alerts.WarmUpUntil = warmUp;
                alerts.EvaluateSoon = true;
            }
        }

        return count;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
