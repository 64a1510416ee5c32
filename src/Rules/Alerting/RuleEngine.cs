using System.Diagnostics;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// Streaming evaluation, then muting, then what Alertmanager must hear. Every rule runs for a cluster when samples
/// for it arrive, and again only when a deadline it noted comes due (a pending <c>for</c>, a silence, staleness, a
/// maintenance window, a mute grace) — never a scan of all series per tick. Each cluster is evaluated under its own
/// gate; what changed leaves through the <see cref="AlertOutbox"/> in evaluation order (persisted, then sent).
/// </summary>
public sealed class RuleEngine
{
    private readonly PolicyHolder _policy;
    private readonly MaintenanceSchedule _schedule;
    private readonly SilenceBook _silences;
    private readonly ICapacityOutlookSource _capacity;
    private readonly AlertOutbox _outbox;
    private readonly NotificationFactory _notifications;
    private readonly AlertingOptions _alerting;
    private readonly SeriesOptions _series;
    private readonly SelfMetrics _metrics;

    public RuleEngine(PolicyHolder policy, MaintenanceSchedule schedule, SilenceBook silences, ICapacityOutlookSource capacity, AlertBook book,
        AlertOutbox outbox, NotificationFactory notifications, IOptions<AlertingOptions> alerting, IOptions<SeriesOptions> series, SelfMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(alerting);
        ArgumentNullException.ThrowIfNull(series);
        _policy = policy;
        _schedule = schedule;
        _silences = silences;
        _capacity = capacity;
        Book = book;
        _outbox = outbox;
        _notifications = notifications;
        _alerting = alerting.Value;
        _series = series.Value;
        _metrics = metrics;
    }

    /// <summary>The alert state of every cluster.</summary>
    public AlertBook Book { get; }

    /// <summary>The rules in force.</summary>
    public IReadOnlyList<AlertingRule> Rules => _policy.Current.Rules;

    /// <summary>Asks for an evaluation of <paramref name="cluster"/> at the next tick (a reload, a window, a silence, a forecast).</summary>
    public void RequestEvaluation(string cluster) => Book.RequestEvaluation(cluster);

    /// <summary>Asks for an evaluation of every cluster at the next tick.</summary>
    public void RequestEvaluationOfAll()
    {
        foreach (var alerts in Book.Clusters)
        {
            alerts.EvaluateSoon = true;
        }
    }

    /// <summary>
    /// Evaluates <paramref name="cluster"/> at <paramref name="now"/> under its gate.
    /// </summary>
    /// <param name="onArrival">
    /// True when samples just arrived: only the rules reading a metric that changed run (the others' answers cannot
    /// have changed; their deadlines stand). False for timer work: every rule runs.
    /// </param>
    /// <param name="replay">
    /// What the report said about its agent's backlog (this replica was unreachable): sends of the cluster are held
    /// until every replaying agent has caught up (<see cref="ClusterAlerts.NoteReplay"/>).
    /// </param>
    public void Evaluate(ClusterState cluster, DateTimeOffset now, bool onArrival = false, ReplayMark replay = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var alerts = Book.For(cluster);

        // Millisecond precision, as stored and as Prometheus keeps time: a restored alert's startsAt is then exactly
        // the one Alertmanager heard before the restart (and the one an HA replica computes).
        now = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        using var activity = Diagnostics.Tracing.Source.StartActivity(Diagnostics.Tracing.Evaluate);
        activity?.SetTag(Diagnostics.Tracing.ClusterAttribute, cluster.Name);
        activity?.SetTag("azlm.on_arrival", onArrival);
        lock (cluster.Gate)
        {
            if (replay != default)
            {
                // Bounded: an agent whose every batch arrives late (a Rules too slow to keep up) must still page.
                alerts.NoteReplay(replay, now, ReplayHold, ReplayStall, ReplayHoldMax);
            }

            EvaluateLocked(alerts, now, onArrival);
        }
    }

    /// <summary>
    /// How long sends stay held after an old batch from an agent that does not say whether more follows: longer than
    /// the gap between two batches of a replay (sent back to back), short enough that the present is sent promptly.
    /// </summary>
    public static readonly TimeSpan ReplayHold = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long an announced backlog holds sends while its next batch is awaited: an agent that stops mid-replay (or a
    /// Rules so loaded it takes this long per batch) must not hold the cluster's pages for long.
    /// </summary>
    public static readonly TimeSpan ReplayStall = TimeSpan.FromSeconds(30);

    /// <summary>The longest a replay holds a cluster's notifications, however long it goes on.</summary>
    public static readonly TimeSpan ReplayHoldMax = TimeSpan.FromMinutes(2);

    /// <summary>True when a timer evaluation of the cluster is due at <paramref name="now"/>.</summary>
    public static bool IsDue(ClusterAlerts alerts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return alerts.EvaluateSoon || now >= alerts.NextDeadline || now >= alerts.NextResend;
    }

    private void EvaluateLocked(ClusterAlerts alerts, DateTimeOffset now, bool onArrival)
    {
        var started = Stopwatch.GetTimestamp();
        var cluster = alerts.Series;
        alerts.EvaluateSoon = false;
        var policy = _policy.Current;
        var (windows, nextWindowChange) = _schedule.For(cluster.Name, now);
        var (silences, nextSilenceChange) = _silences.For(cluster.Name, now);
        var context = new EvaluationContext(cluster, now, _alerting, _series) { ActiveWindows = windows, CapacityOutlook = _capacity.For(cluster.Name) };
        context.NoteDeadline(nextWindowChange);
        context.NoteDeadline(nextSilenceChange);
        var changed = new List<Alert>();
        var full = !onArrival || !alerts.Evaluated;
        var holding = alerts.HoldSendsUntil is { } hold && now < hold;
        foreach (var rule in policy.Rules)
        {
            if (full || Reads(rule.Condition, cluster))
            {
                rule.Evaluate(context, alerts, changed);
            }
        }

        var previousDeadline = alerts.NextDeadline;
        alerts.Evaluated = true;
        cluster.ChangedMetrics.Clear();
        cluster.SelfReportsArrived = false;

        RetireRemovedRules(alerts, policy, now, changed);
        if (alerts.WarmUpUntil is { } warmUp && now >= warmUp)
        {
            alerts.WarmUpUntil = null;
        }

        Mute(alerts, new Muter(policy.Inhibitor, windows, silences), policy.RecoveryHolds, now, context);
        var toSend = new List<Alert>();
        if (holding)
        {
            // Replayed history: evaluate, send nothing; at the end of the hold the timer sends what is true then.
            context.NoteDeadline(alerts.HoldSendsUntil!.Value);
            alerts.NextResend = alerts.HoldSendsUntil!.Value;
            changed.Clear();
        }
        else if (alerts.HoldSendsUntil is not null)
        {
            alerts.EndHold();
        }

        foreach (var alert in changed)
        {
            // Alertmanager hears unmuted firing alerts, and resolves of alerts it was told about.
            var wanted = alert.State == AlertState.Firing ? alert.MutedBy is null && !HoldFirstSend(alerts, alert, now, context) : alert.LastSentAt is not null;
            if (wanted)
            {
                MarkSent(alert, now, toSend);
            }
        }

        if (!holding)
        {
            CollectUnmutedAndResends(alerts, now, toSend, context);
        }

        alerts.NextDeadline = full || context.NextDeadline < previousDeadline ? context.NextDeadline : previousDeadline;
        _outbox.Enqueue(alerts, toSend.Count == 0 ? [] : toSend.ConvertAll(a => _notifications.Create(a, now)));
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

    /// <summary>Alerts of rules a reload removed: firing ones resolve (and are re-sent as resolved), the rest go.</summary>
    private void RetireRemovedRules(ClusterAlerts cluster, AlertPolicy policy, DateTimeOffset now, List<Alert> changed)
    {
        // Runs on every evaluation and nearly always finds nothing: gathered without a list until there is something.
        List<string>? removed = null;
        foreach (var key in cluster.ByRule.Keys)
        {
            if (!policy.RuleKeys.Contains(key))
            {
                (removed ??= []).Add(key);
            }
        }

        if (removed is null)
        {
            return;
        }

        foreach (var key in removed)
        {
            foreach (var (labels, alert) in cluster.ByRule[key].ToList())
            {
                if (alert.State == AlertState.Firing)
                {
                    alert.State = AlertState.Inactive;
                    alert.ResolvedAt = now;
                    alert.Dirty = true;
                    changed.Add(alert);
                }
                else if (alert.State == AlertState.Pending || alert.ResolvedAt is not { } resolved || now - resolved > _alerting.ResolvedRetention)
                {
                    cluster.Forget(key, labels);
                }
            }
        }
    }

    /// <summary>
    /// Runs the muting pipeline over the cluster's active alerts. Unlike Alertmanager, a pending source already
    /// inhibits: the peers' report that a node is down is a fact at once, and its consequences (a rebuild, with
    /// <c>for: 0s</c>) must not page ahead of it. When an inhibition ends, its target stays muted for
    /// <see cref="AlertingOptions.InhibitionGrace"/>: consequences that resolve in the same recovery never page. A
    /// recovery that takes longer (the resync after a node returns) keeps them muted while it runs on time
    /// (<see cref="RecoveryHold"/>), and the grace starts again when it ends.
    /// </summary>
    private void Mute(ClusterAlerts cluster, Muter muter, IReadOnlyList<RecoveryHold> holds, DateTimeOffset now, EvaluationContext context)
    {
        if (cluster.ByRule.Count == 0)
        {
            return; // the common case on ingest: a healthy cluster, nothing to mute
        }

        var sources = cluster.All.Where(a => a.State != AlertState.Inactive).Select(a => a.Labels).ToList();
        List<LabelSet>? ended = null; // sources resolved within the grace: gathered only for an alert that could need them
        foreach (var alert in cluster.All)
        {
            if (alert.State == AlertState.Inactive)
            {
                continue; // keeps what muted it when it resolved: a resolve is sent only if its firing was
            }

            var muted = muter.MutedBy(alert.Labels, sources);
            if (muted is { } m)
            {
                Set(alert, m.By, m.Stage, null);
            }
            else if (alert.MutedStage is null && alert.LastSentAt is null &&
                muter.InhibitedBy(alert.Labels, ended ??= RecentlyResolved(cluster, now)) is { } cause)
            {
                // A consequence that shows up as its cause ends belongs to that recovery like those muted before it: when
                // quorum returns, detached volumes come back online still short of a copy (impact data_offline → redundancy,
                // a new alert) while they resync.
                HoldForGrace(alert, cause, now, context);
            }
            else if (alert.MutedStage == MuteStage.Inhibition && alert.MutedUntil is null && alert.LastSentAt is null)
            {
                HoldForGrace(alert, alert.MutedBy, now, context);
            }
            else if (alert.MutedStage == MuteStage.Inhibition && alert.LastSentAt is null && RecoveryHold.Holding(holds, alert.Labels, sources) is { } hold)
            {
                // Renewed at half the grace, not at every evaluation: each change is a state write.
                var until = alert.MutedUntil is { } held && held - now > _alerting.InhibitionGrace / 2 ? held : now + _alerting.InhibitionGrace;
                Set(alert, $"{InhibitedBy(alert.MutedBy)} (ended; held while {hold.While} runs)", MuteStage.Inhibition, until);
                context.NoteDeadline(until);
            }
            else if (alert.MutedUntil is { } until && now < until)
            {
                context.NoteDeadline(until);
            }
            else
            {
                Set(alert, null, null, null);
            }
        }
    }

    /// <summary>Keeps an alert whose inhibition (by <paramref name="cause"/>) ended muted for the inhibition grace.</summary>
    private void HoldForGrace(Alert alert, string? cause, DateTimeOffset now, EvaluationContext context)
    {
        var until = now + _alerting.InhibitionGrace;
        Set(alert, $"{cause} (ended; held until {until:HH:mm:ss}Z)", MuteStage.Inhibition, until);
        context.NoteDeadline(until);
    }

    private List<LabelSet> RecentlyResolved(ClusterAlerts cluster, DateTimeOffset now) =>
        [.. cluster.All.Where(a => a.State == AlertState.Inactive && a.ResolvedAt is { } at && now - at < _alerting.InhibitionGrace).Select(a => a.Labels)];

    /// <summary>The inhibiting alert of a <see cref="Alert.MutedBy"/> text, without what was added when the inhibition ended.</summary>
    private static string? InhibitedBy(string? mutedBy) =>
        mutedBy?.IndexOf(" (ended;", StringComparison.Ordinal) is int at and >= 0 ? mutedBy[..at] : mutedBy;

    private static void Set(Alert alert, string? by, MuteStage? stage, DateTimeOffset? until)
    {
        if (alert.MutedBy != by || alert.MutedUntil != until)
        {
            alert.MutedBy = by;
            alert.MutedStage = stage;
            alert.MutedUntil = until;
            alert.Dirty = true;
        }
    }

    private void CollectUnmutedAndResends(ClusterAlerts cluster, DateTimeOffset now, List<Alert> toSend, EvaluationContext context)
    {
        var nextResend = DateTimeOffset.MaxValue;
        foreach (var alert in cluster.All)
        {
            if (alert.State == AlertState.Pending || (alert.MutedBy is not null && alert.State == AlertState.Firing))
            {
                continue;
            }

            if (alert.LastSentAt is not { } sent)
            {
                if (alert.State == AlertState.Firing && !HoldFirstSend(cluster, alert, now, context))
                {
                    MarkSent(alert, now, toSend); // its muting just ended
                    nextResend = Min(nextResend, now + _alerting.ResendDelay);
                }

                continue;
            }

            // A resolve held back (by a replay) is due at once. Nothing is re-sent during the warm-up after a restart: a
            // restored firing alert is kept firing then for lack of data, and the present may have moved on while this
            // replica was down (its HA peer may have resolved it). Alertmanager holds it meanwhile: its endsAt is four
            // resend delays after the last send, longer than the warm-up.
            var due = alert.State == AlertState.Inactive && alert.ResolvedAt is { } resolvedAt && sent < resolvedAt ? now : sent + _alerting.ResendDelay;
            if (cluster.WarmUpUntil is { } warmUp && now < warmUp)
            {
                context.NoteDeadline(warmUp);
                due = due > warmUp ? due : warmUp;
            }

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

            nextResend = Min(nextResend, due);
        }

        cluster.NextResend = nextResend;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// During the warm-up after a restart, an alert Alertmanager never heard of is not sent yet: what muted it (an
    /// inhibiting alert, which needs data to come back) may not be re-established, and sending it now would page for a
    /// consequence. At the end of the warm-up it is judged with the sources back.
    /// </summary>
    private static bool HoldFirstSend(ClusterAlerts cluster, Alert alert, DateTimeOffset now, EvaluationContext context)
    {
        if (alert.LastSentAt is null && cluster.WarmUpUntil is { } warmUp && now < warmUp)
        {
            context.NoteDeadline(warmUp);
            return true;
        }

        return false;
    }

    private static void MarkSent(Alert alert, DateTimeOffset now, List<Alert> toSend)
    {
        if (alert.LastSentAt == now && toSend.Contains(alert))
        {
            return;
        }

        alert.LastSentAt = now;
        alert.Dirty = true;
        toSend.Add(alert);
    }
}
