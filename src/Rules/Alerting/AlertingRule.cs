using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// A rule's state machine (after Prometheus' <c>rules/alerting.go</c>): candidates become pending, pending
/// alerts fire after <c>for</c>, firing alerts whose condition stops hold on for <c>keep_firing_for</c>, then
/// resolve and are kept for <see cref="AlertingOptions.ResolvedRetention"/> to be re-sent. Time is a parameter.
/// Immutable and shared by every cluster: the state it drives lives in <see cref="ClusterAlerts"/>, and its scratch
/// space in the per-evaluation <see cref="EvaluationContext"/>, so clusters evaluated in parallel never meet here.
/// </summary>
public sealed class AlertingRule
{
    public AlertingRule(AlertRuleDefinition definition, IAlertCondition condition)
    {
        Definition = definition;
        Condition = condition;
    }

    /// <summary>Name, severity, settings, annotations.</summary>
    public AlertRuleDefinition Definition { get; }

    /// <summary>When it fires.</summary>
    public IAlertCondition Condition { get; }

    /// <summary>
    /// Evaluates the rule for one cluster at <c>context.Now</c>, updating that cluster's alerts of this rule.
    /// Adds to <paramref name="changed"/> every alert that started firing or resolved.
    /// </summary>
    public void Evaluate(EvaluationContext context, ClusterAlerts cluster, ICollection<Alert> changed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(changed);
        var settings = Definition.SettingsFor(cluster.Name);
        var candidates = context.BeginRule(settings);
        if (settings.Enabled)
        {
            Condition.Evaluate(context, candidates);
        }

        var seen = context.Seen;
        var alerts = cluster.Of(Definition.Key);
        var now = context.Now;
        foreach (var candidate in candidates)
        {
            var labels = candidate.Labels
                .With(AlertLabels.AlertName, Definition.Name)
                .With(AlertLabels.Severity, Definition.Severity);
            if (!seen.Add(labels))
            {
                continue; // two reasons for one subject: one alert
            }

            if (!alerts.TryGetValue(labels, out var alert) || alert.State == AlertState.Inactive)
            {
                alert = new Alert(labels, now) { DataActiveAt = DataNow(context) };
                alerts[labels] = alert;
            }

            if (alert.KeepFiringSince is not null)
            {
                alert.KeepFiringSince = null;
                alert.Dirty = true;
            }

            alert.Value = candidate.Value;
            alert.Annotations = RenderAnnotations(labels, candidate.Details, settings);
        }

        List<LabelSet>? remove = null;
        foreach (var (labels, alert) in alerts)
        {
            if (!seen.Contains(labels))
            {
                if (Lapse(alert, now, context, cluster, settings))
                {
                    (remove ??= []).Add(labels);
                    continue;
                }

                if (alert.State == AlertState.Inactive && alert.ResolvedAt == now)
                {
                    changed.Add(alert);
                }

                continue;
            }

            if (alert.State == AlertState.Pending)
            {
                var due = alert.ActiveAt + settings.For;
                if (now >= due)
                {
                    alert.State = AlertState.Firing;
                    alert.FiredAt = alert.DataActiveAt + settings.For;
                    alert.Dirty = true;
                    changed.Add(alert);
                }
                else
                {
                    context.NoteDeadline(due);
                }
            }
        }

        foreach (var labels in remove ?? [])
        {
            cluster.Forget(Definition.Key, labels);
        }
    }

    /// <summary>
    /// "Now" in data time: the newest sample timestamp of the cluster (identical on every replica that has received
    /// the same reports), or the evaluation time when the cluster has none. Millisecond precision, like the samples.
    /// </summary>
    private static DateTimeOffset DataNow(EvaluationContext context) =>
        context.Cluster.LatestSampleMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(context.Cluster.LatestSampleMs) : context.Now;

    /// <summary>
    /// Handles an alert whose condition no longer holds. Returns true when it should be forgotten
    /// (a pending alert that never fired, or a resolved one past retention).
    /// </summary>
    private static bool Lapse(Alert alert, DateTimeOffset now, EvaluationContext context, ClusterAlerts cluster, RuleSettings settings)
    {
        switch (alert.State)
        {
            case AlertState.Pending:
                return true;
            case AlertState.Firing:
                if (cluster.WarmUpUntil is { } warmUp && now < warmUp)
                {
                    // Restored after a restart: data may not have arrived yet; do not resolve for lack of it.
                    context.NoteDeadline(warmUp);
                    return false;
                }

                var hold = settings.KeepFiringFor;
                if (hold > TimeSpan.Zero)
                {
                    if (alert.KeepFiringSince is null)
                    {
                        alert.KeepFiringSince = now;
                        alert.Dirty = true;
                    }

                    var until = alert.KeepFiringSince.Value + hold;
                    if (now < until)
                    {
                        context.NoteDeadline(until);
                        return false;
                    }
                }

                alert.State = AlertState.Inactive;
                alert.ResolvedAt = now;
                alert.KeepFiringSince = null;
                alert.Dirty = true;
                return false;
            default:
                return alert.ResolvedAt is { } resolved && now - resolved > context.Alerting.ResolvedRetention;
        }
    }

    private Dictionary<string, string> RenderAnnotations(LabelSet labels, IReadOnlyDictionary<string, string> details, RuleSettings settings)
    {
        var all = details;
        if (!details.ContainsKey("threshold") && settings.Threshold is { } threshold)
        {
            all = new Dictionary<string, string>(details, StringComparer.Ordinal) { ["threshold"] = Conditions.ConditionHelpers.Num(threshold) };
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AlertLabels.Summary] = AnnotationTemplate.Render(Definition.Summary, labels, all),
            [AlertLabels.Description] = AnnotationTemplate.Render(Definition.Description, labels, all),
            [AlertLabels.Runbook] = AnnotationTemplate.Render(Definition.Runbook, labels, all),
        };
    }
}
