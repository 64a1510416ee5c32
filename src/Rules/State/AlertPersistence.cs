using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.State;

/// <summary>
/// Keeps alert state across restarts: captures a cluster's alerts when they changed (under its lock, cheap),
/// writes them after the lock is released, and restores everything at start-up with a warm-up during which
/// restored firing alerts are not resolved for lack of data — so a restart neither loses nor re-pages them.
/// </summary>
public sealed class AlertPersistence
{
    private readonly IStateStore _store;
    private readonly SeriesStore _series;
    private readonly AlertingOptions _alerting;
    private readonly SeriesOptions _seriesOptions;

    public AlertPersistence(IStateStore store, SeriesStore series, IOptions<AlertingOptions> alerting, IOptions<SeriesOptions> seriesOptions)
    {
        ArgumentNullException.ThrowIfNull(alerting);
        ArgumentNullException.ThrowIfNull(seriesOptions);
        _store = store;
        _series = series;
        _alerting = alerting.Value;
        _seriesOptions = seriesOptions.Value;
    }

    /// <summary>Under the cluster's lock: a snapshot to write, or null when nothing changed since the last one.</summary>
    public static (long Version, List<AlertRecord> Records)? Capture(ClusterState cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.AlertVersion == cluster.PersistedAlertVersion)
        {
            return null;
        }

        cluster.PersistedAlertVersion = cluster.AlertVersion;
        var records = new List<AlertRecord>();
        foreach (var (key, alerts) in cluster.Alerts)
        {
            foreach (var alert in alerts.Values)
            {
                records.Add(new AlertRecord(cluster.Name, key, alert.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
                    alert.Annotations, (int)alert.State, alert.ActiveAt, alert.FiredAt, alert.ResolvedAt, alert.LastSentAt, alert.KeepFiringSince, alert.Value));
            }
        }

        return (cluster.AlertVersion, records);
    }

    /// <summary>Outside the lock: writes a captured snapshot.</summary>
    public void Write(string cluster, (long Version, List<AlertRecord> Records)? snapshot)
    {
        if (snapshot is { } s)
        {
            _store.SaveAlerts(cluster, s.Version, s.Records);
        }
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

    /// <summary>Restores alerts and node report times into the series store; returns how many alerts came back.</summary>
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
            lock (state.Gate)
            {
                foreach (var record in group)
                {
                    var labels = LabelSet.From(record.Labels);
                    var alert = new Alert(labels, record.ActiveAt)
                    {
                        Annotations = record.Annotations,
                        State = (AlertState)record.State,
                        FiredAt = record.FiredAt,
                        ResolvedAt = record.ResolvedAt,
                        LastSentAt = record.LastSentAt,
                        KeepFiringSince = record.KeepFiringSince,
                        Value = record.Value,
                    };
                    if (!state.Alerts.TryGetValue(record.RuleKey, out var alerts))
                    {
                        alerts = [];
                        state.Alerts.Add(record.RuleKey, alerts);
                    }

                    alerts[labels] = alert;
                    count++;
                }

                state.WarmUpUntil = warmUp;
                state.EvaluateSoon = true;
                state.PersistedAlertVersion = state.AlertVersion;
            }
        }

        return count;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
