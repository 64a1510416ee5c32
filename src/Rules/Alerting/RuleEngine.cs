using System.Diagnostics;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// Streaming evaluation: every rule runs for a cluster when samples for it arrive, and again only when a
/// deadline it noted comes due (a pending <c>for</c>, a silence, staleness) — never a scan of all series per tick.
/// Callers hold the cluster's lock.
/// </summary>
public sealed class RuleEngine
{
    private readonly IReadOnlyList<AlertingRule> _rules;
    private readonly AlertingOptions _alerting;
    private readonly SeriesOptions _series;
    private readonly SelfMetrics _metrics;

    public RuleEngine(IReadOnlyList<AlertingRule> rules, IOptions<AlertingOptions> alerting, IOptions<SeriesOptions> series, SelfMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(alerting);
        ArgumentNullException.ThrowIfNull(series);
        _rules = rules;
        _alerting = alerting.Value;
        _series = series.Value;
        _metrics = metrics;
    }

    /// <summary>The rules evaluated.</summary>
    public IReadOnlyList<AlertingRule> Rules => _rules;

    /// <summary>
    /// Evaluates every rule for <paramref name="cluster"/> at <paramref name="now"/> and adds to <paramref name="toSend"/>
    /// the alerts Alertmanager must hear about: those that started firing or resolved, and those due for a resend.
    /// </summary>
    public void Evaluate(ClusterState cluster, DateTimeOffset now, ICollection<Alert> toSend)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(toSend);
        var started = Stopwatch.GetTimestamp();
        var context = new EvaluationContext(cluster, now, _alerting, _series);
        var changed = new List<Alert>();
        foreach (var rule in _rules)
        {
            rule.Evaluate(context, changed);
        }

        foreach (var alert in changed)
        {
            MarkSent(alert, now, toSend);
        }

        CollectResends(cluster, now, toSend, context);
        cluster.NextDeadline = context.NextDeadline;
        _metrics.RecordEvaluation(Stopwatch.GetElapsedTime(started));
    }

    /// <summary>True when a timer evaluation of the cluster is due at <paramref name="now"/>.</summary>
    public static bool IsDue(ClusterState cluster, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return now >= cluster.NextDeadline || now >= cluster.NextResend;
    }

    private void CollectResends(ClusterState cluster, DateTimeOffset now, ICollection<Alert> toSend, EvaluationContext context)
    {
        var nextResend = DateTimeOffset.MaxValue;
        foreach (var alerts in cluster.Alerts.Values)
        {
            foreach (var alert in alerts.Values)
            {
                if (alert.State == AlertState.Pending || alert.LastSentAt is not { } sent)
                {
                    continue;
                }

                var due = sent + _alerting.ResendDelay;
                if (now >= due)
                {
                    MarkSent(alert, now, toSend);
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

                nextResend = due < nextResend ? due : nextResend;
            }
        }

        cluster.NextResend = nextResend;
    }

    private static void MarkSent(Alert alert, DateTimeOffset now, ICollection<Alert> toSend)
    {
        if (alert.LastSentAt == now && toSend.Contains(alert))
        {
            return;
        }

        alert.LastSentAt = now;
        toSend.Add(alert);
    }
}
