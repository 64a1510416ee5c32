using System.Diagnostics;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// Streaming evaluation: every rule runs for a cluster when samples for it arrive, and again only when a
/// deadline it noted comes due (a pending <c>for</c>, a silence, staleness, a maintenance window) — never a scan
/// of all series per tick. Then muting (inhibition) and the choice of what Alertmanager must hear. Callers hold
/// the cluster's lock.
/// </summary>
public sealed class RuleEngine
{
    private readonly PolicyHolder _policy;
    private readonly MaintenanceSchedule _schedule;
    private readonly AlertingOptions _alerting;
    private readonly SeriesOptions _series;
    private readonly SelfMetrics _metrics;

    public RuleEngine(PolicyHolder policy, MaintenanceSchedule schedule, IOptions<AlertingOptions> alerting, IOptions<SeriesOptions> series, SelfMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(alerting);
        ArgumentNullException.ThrowIfNull(series);
        _policy = policy;
        _schedule = schedule;
        _alerting = alerting.Value;
        _series = series.Value;
        _metrics = metrics;
    }

    /// <summary>The rules in force.</summary>
    public IReadOnlyList<AlertingRule> Rules => _policy.Current.Rules;

    /// <summary>
    /// Evaluates every rule for <paramref name="cluster"/> at <paramref name="now"/> and adds to <paramref name="toSend"/>
    /// the alerts Alertmanager must hear about: those that started firing (unless muted) or resolved, those
    /// whose muting ended, and those due for a resend.
    /// </summary>
    /// <param name="onArrival">
    /// True when samples just arrived: only the rules reading a metric that changed run (the others' answers cannot
    /// have changed; their deadlines stand). False for timer work: every rule runs.
    /// </param>
    public void Evaluate(ClusterState cluster, DateTimeOffset now, ICollection<Alert> toSend, bool onArrival = false)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(toSend);
        var started = Stopwatch.GetTimestamp();
        cluster.EvaluateSoon = false;
        var policy = _policy.Current;
        var (windows, nextWindowChange) = _schedule.For(cluster.Name, now);
        var context = new EvaluationContext(cluster, now, _alerting, _series) { ActiveWindows = windows };
        context.NoteDeadline(nextWindowChange);
        var changed = new List<Alert>();
        var full = !onArrival || !cluster.Evaluated;
        foreach (var rule in policy.Rules)
        {
            if (full || Reads(rule.Condition, cluster))
            {
                rule.Evaluate(context, changed);
            }
        }

        var previousDeadline = cluster.NextDeadline;
        cluster.Evaluated = true;
        cluster.ChangedMetrics.Clear();
        cluster.SelfReportsArrived = false;

        RetireRemovedRules(cluster, policy, now, changed);
        if (cluster.WarmUpUntil is { } warmUp && now >= warmUp)
        {
            cluster.WarmUpUntil = null;
        }

        Mute(cluster, policy.Inhibitor);
        foreach (var alert in changed)
        {
            var wanted = alert.State == AlertState.Firing ? alert.MutedBy is null : alert.LastSentAt is not null;
            if (wanted)
            {
                MarkSent(cluster, alert, now, toSend);
            }
        }

        CollectUnmutedAndResends(cluster, now, toSend, context);
        cluster.NextDeadline = full || context.NextDeadline < previousDeadline ? context.NextDeadline : previousDeadline;
        _metrics.RecordEvaluation(Stopwatch.GetElapsedTime(started));
    }

    /// <summary>True when the condition reads something that changed since the cluster's last evaluation.</summary>
    private static bool Reads(IAlertCondition condition, ClusterState cluster)
    {
        if (condition.Inputs is not { } inputs)
        {
            return true;
        }

        foreach (var input in inputs)
        {
            if (cluster.ChangedMetrics.Contains(input) || (cluster.SelfReportsArrived && input == IAlertCondition.NodeReports))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a timer evaluation of the cluster is due at <paramref name="now"/>.</summary>
    public static bool IsDue(ClusterState cluster, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.EvaluateSoon || now >= cluster.NextDeadline || now >= cluster.NextResend;
    }

    /// <summary>Alerts of rules a reload removed: firing ones resolve (and are re-sent as resolved), the rest go.</summary>
    private void RetireRemovedRules(ClusterState cluster, AlertPolicy policy, DateTimeOffset now, List<Alert> changed)
    {
        if (cluster.Alerts.Keys.All(policy.RuleKeys.Contains))
        {
            return;
        }

        foreach (var key in cluster.Alerts.Keys.Where(k => !policy.RuleKeys.Contains(k)).ToList())
        {
            var alerts = cluster.Alerts[key];
            foreach (var (labels, alert) in alerts.ToList())
            {
                if (alert.State == AlertState.Firing)
                {
                    alert.State = AlertState.Inactive;
                    alert.ResolvedAt = now;
                    changed.Add(alert);
                    cluster.MarkAlertsChanged();
                }
                else if (alert.State == AlertState.Pending || alert.ResolvedAt is not { } resolved || now - resolved > _alerting.ResolvedRetention)
                {
                    alerts.Remove(labels);
                    cluster.MarkAlertsChanged();
                }
            }

            if (alerts.Count == 0)
            {
                cluster.Alerts.Remove(key);
            }
        }
    }

    /// <summary>
    /// Marks muted alerts. Unlike Alertmanager, a pending source already inhibits: the peers' report that a node is
    /// down is a fact at once, and its consequences (a rebuild, with <c>for: 0s</c>) must not page ahead of it.
    /// </summary>
    private static void Mute(ClusterState cluster, IAlertMuter muter)
    {
        var active = cluster.Alerts.Values.SelectMany(a => a.Values).Where(a => a.State != AlertState.Inactive).ToList();
        foreach (var alerts in cluster.Alerts.Values)
        {
            foreach (var alert in alerts.Values)
            {
                alert.MutedBy = alert.State == AlertState.Inactive ? null : muter.MutedBy(alert, active);
            }
        }
    }

    private void CollectUnmutedAndResends(ClusterState cluster, DateTimeOffset now, ICollection<Alert> toSend, EvaluationContext context)
    {
        var nextResend = DateTimeOffset.MaxValue;
        foreach (var alerts in cluster.Alerts.Values)
        {
            foreach (var alert in alerts.Values)
            {
                if (alert.State == AlertState.Pending || alert.MutedBy is not null)
                {
                    continue;
                }

                if (alert.LastSentAt is not { } sent)
                {
                    if (alert.State == AlertState.Firing)
                    {
                        MarkSent(cluster, alert, now, toSend); // its muting just ended
                        nextResend = Min(nextResend, now + _alerting.ResendDelay);
                    }

                    continue;
                }

                var due = sent + _alerting.ResendDelay;
                if (now >= due)
                {
                    MarkSent(cluster, alert, now, toSend);
                    due = now + _alerting.ResendDelay;
                }

                if (alert.State == AlertState.Inactive && alert.ResolvedAt is { } resolved)
                {
                    // Resolved alerts are re-sent only until they are forgotten; wake up to forget them.
                    var forgetAt = resolved + _alerting.ResolvedRetention + TimeSpan.FromMilliseconds(1);
                    context.NoteDeadline(forgetAt);
                    if (due > forgetAt)
                    {
                        continue;
                    }
                }

                nextResend = Min(nextResend, due);
            }
        }

        cluster.NextResend = nextResend;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static void MarkSent(ClusterState cluster, Alert alert, DateTimeOffset now, ICollection<Alert> toSend)
    {
        if (alert.LastSentAt == now && toSend.Contains(alert))
        {
            return;
        }

        alert.LastSentAt = now;
        cluster.MarkAlertsChanged();
        toSend.Add(alert);
    }
}
