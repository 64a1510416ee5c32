using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// A rule's state machine (after Prometheus' <c>rules/alerting.go</c>): candidates become pending, pending
/// alerts fire after <c>for</c>, firing alerts whose condition stops hold on for <c>keep_firing_for</c>, then
/// resolve and are kept for <see cref="AlertingOptions.ResolvedRetention"/> to be re-sent. Time is a parameter.
/// Inside a maintenance window that covers its subject, an alert is raised as <c>info</c> instead.
/// </summary>
public sealed class AlertingRule
{
    /// <summary>Severity used inside a maintenance window: pages nobody.</summary>
    public const string MaintenanceSeverity = "info";

    private readonly List<AlertCandidate> _candidates = [];
    private readonly HashSet<LabelSet> _seen = [];

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
    public void Evaluate(EvaluationContext context, ICollection<Alert> changed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(changed);
        var settings = Definition.SettingsFor(context.Cluster.Name);
        context.Settings = settings;
        _candidates.Clear();
        _seen.Clear();
        if (settings.Enabled)
        {
            Condition.Evaluate(context, _candidates);
        }

        var alerts = AlertsOf(context.Cluster);
        var now = context.Now;
        foreach (var candidate in _candidates)
        {
            var window = context.ActiveWindows.FirstOrDefault(w => w.Covers(candidate.Labels.Get("node")));
            var severity = window is null ? Definition.Severity : MaintenanceSeverity;
            var labels = candidate.Labels
                .With(AlertLabels.AlertName, Definition.Name)
                .With(AlertLabels.Severity, severity);
            if (!_seen.Add(labels))
            {
                continue; // two reasons for one subject: one alert
            }

            if (!alerts.TryGetValue(labels, out var alert) || alert.State == AlertState.Inactive)
            {
                alert = new Alert(labels, now);
                alerts[labels] = alert;
                context.Cluster.MarkAlertsChanged();
            }

            if (alert.KeepFiringSince is not null)
            {
                alert.KeepFiringSince = null;
                context.Cluster.MarkAlertsChanged();
            }

            alert.Value = candidate.Value;
            alert.Annotations = RenderAnnotations(labels, candidate.Details, settings, window?.Name);
        }

        List<LabelSet>? remove = null;
        foreach (var (labels, alert) in alerts)
        {
            if (!_seen.Contains(labels))
            {
                if (Lapse(alert, now, context, settings))
                {
                    (remove ??= []).Add(labels);
                    continue;
                }

                if (alert.State == AlertState.Inactive && alert.ResolvedAt == now)
                {
                    changed.Add(alert);
                    context.Cluster.MarkAlertsChanged();
                }

                continue;
            }

            if (alert.State == AlertState.Pending)
            {
                var due = alert.ActiveAt + settings.For;
                if (now >= due)
                {
                    alert.State = AlertState.Firing;
                    alert.FiredAt = now;
                    changed.Add(alert);
                    context.Cluster.MarkAlertsChanged();
                }
                else
                {
                    context.NoteDeadline(due);
                }
            }
        }

        if (remove is not null)
        {
            context.Cluster.MarkAlertsChanged();
            foreach (var labels in remove)
            {
                alerts.Remove(labels);
            }
        }
    }

    /// <summary>
    /// Handles an alert whose condition no longer holds. Returns true when it should be forgotten
    /// (a pending alert that never fired, or a resolved one past retention).
    /// </summary>
    private static bool Lapse(Alert alert, DateTimeOffset now, EvaluationContext context, RuleSettings settings)
    {
        switch (alert.State)
        {
            case AlertState.Pending:
                return true;
            case AlertState.Firing:
                var hold = settings.KeepFiringFor;
                if (context.Cluster.WarmUpUntil is { } warmUp && now < warmUp)
                {
                    // Restored after a restart: data may not have arrived yet; do not resolve for lack of it.
                    context.NoteDeadline(warmUp);
                    return false;
                }

                if (hold > TimeSpan.Zero)
                {
                    if (alert.KeepFiringSince is null)
                    {
                        alert.KeepFiringSince = now;
                        context.Cluster.MarkAlertsChanged();
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
                return false;
            default:
                return alert.ResolvedAt is { } resolved && now - resolved > context.Alerting.ResolvedRetention;
        }
    }

    private Dictionary<LabelSet, Alert> AlertsOf(ClusterState cluster)
    {
        if (!cluster.Alerts.TryGetValue(Definition.Key, out var alerts))
        {
            alerts = [];
            cluster.Alerts.Add(Definition.Key, alerts);
        }

        return alerts;
    }

    private Dictionary<string, string> RenderAnnotations(LabelSet labels, IReadOnlyDictionary<string, string> details, RuleSettings settings, string? window)
    {
        var all = details;
        if (!details.ContainsKey("threshold") && settings.Threshold is { } threshold)
        {
            all = new Dictionary<string, string>(details, StringComparer.Ordinal) { ["threshold"] = Conditions.ConditionHelpers.Num(threshold) };
        }

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AlertLabels.Summary] = AnnotationTemplate.Render(Definition.Summary, labels, all),
            [AlertLabels.Description] = AnnotationTemplate.Render(Definition.Description, labels, all),
            [AlertLabels.Runbook] = AnnotationTemplate.Render(Definition.Runbook, labels, all),
        };
        if (window is not null && Definition.Severity != MaintenanceSeverity)
        {
            annotations["maintenance"] = $"inside maintenance window {window}: raised as info instead of {Definition.Severity}, pages nobody";
        }

        return annotations;
    }
}
