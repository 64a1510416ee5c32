using System.Globalization;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>
/// AzLocalCapacityForecast, computed by the forecast job (not on the ingest path): warning when a resource's median
/// forecast crosses policy within 6 months, info within 18 months. Alerts live in the cluster's alert map under the
/// rule name, fire at once (no <c>for</c>), resolve when the forecast recedes, are re-sent by the rule engine's resend
/// loop like every other alert, and are forgotten after the resolved retention.
/// </summary>
public sealed class CapacityAlerts
{
    public const string AlertName = "AzLocalCapacityForecast";

    private readonly SeriesStore _store;
    private readonly IAlertNotifier _notifier;
    private readonly NotificationFactory _notifications;
    private readonly CapacityOptions _options;
    private readonly AlertingOptions _alerting;

    public CapacityAlerts(SeriesStore store, IAlertNotifier notifier, NotificationFactory notifications, IOptions<CapacityOptions> options, IOptions<AlertingOptions> alerting)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(alerting);
        _store = store;
        _notifier = notifier;
        _notifications = notifications;
        _options = options.Value;
        _alerting = alerting.Value;
    }

    /// <summary>The severity for a median crossing at <paramref name="at"/>, or null when beyond 18 months.</summary>
    public string? SeverityFor(DateTimeOffset at, DateTimeOffset now) =>
        at <= now + _options.WarningWithin ? "warning" : at <= now + _options.InfoWithin ? "info" : null;

    /// <summary>Updates the alerts of the cluster of <paramref name="capacity"/> (only when the cluster reports live).</summary>
    public void Publish(ClusterCapacity capacity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        var state = _store.Find(capacity.Cluster);
        if (state is null)
        {
            return;
        }

        var outgoing = new List<AlertNotification>();
        lock (state.Gate)
        {
            if (!state.Alerts.TryGetValue(AlertName, out var alerts))
            {
                alerts = [];
                state.Alerts.Add(AlertName, alerts);
            }

            var seen = new HashSet<LabelSet>();
            foreach (var resource in capacity.Resources.Where(r => r.IsRatio))
            {
                if (!resource.Crossing.TryGetValue("0.5", out var at) || SeverityFor(at, now) is not { } severity)
                {
                    continue;
                }

                var labels = LabelSet.Of(AlertLabels.AlertName, AlertName, AlertLabels.Severity, severity, "cluster", capacity.Cluster, "resource", resource.Resource);
                seen.Add(labels);
                if (!alerts.TryGetValue(labels, out var alert) || alert.State == AlertState.Inactive)
                {
                    alert = new Alert(labels, now) { State = AlertState.Firing, FiredAt = now };
                    alerts[labels] = alert;
                    Send(alert, now, outgoing, state);
                }

                alert.Value = at.ToUnixTimeSeconds();
                alert.Annotations = Annotations(capacity.Cluster, resource, at);
            }

            foreach (var (labels, alert) in alerts.ToList())
            {
                if (seen.Contains(labels))
                {
                    continue;
                }

                if (alert.State != AlertState.Inactive)
                {
                    alert.State = AlertState.Inactive;
                    alert.ResolvedAt = now;
                    Send(alert, now, outgoing, state);
                }
                else if (alert.ResolvedAt is { } resolved && now - resolved > _alerting.ResolvedRetention)
                {
                    alerts.Remove(labels);
                }
            }
        }

        if (outgoing.Count > 0)
        {
            _notifier.Enqueue(outgoing);
        }
    }

    private void Send(Alert alert, DateTimeOffset now, List<AlertNotification> outgoing, ClusterState state)
    {
        alert.LastSentAt = now;
        outgoing.Add(_notifications.Create(alert, now));
        var resend = now + _alerting.ResendDelay;
        if (resend < state.NextResend)
        {
            state.NextResend = resend;
        }
    }

    private static Dictionary<string, string> Annotations(string cluster, ResourceForecast resource, DateTimeOffset at)
    {
        string Date(string q) => resource.Crossing.TryGetValue(q, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "beyond the horizon";
        var policy = resource.Policy.ToString("P0", CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AlertLabels.Summary] = $"Cluster {cluster}: {resource.Resource} forecast to cross {policy} on {at:yyyy-MM-dd}",
            [AlertLabels.Description] = string.Create(CultureInfo.InvariantCulture,
                $"{resource.Resource} of {cluster} is at {resource.Current:P1} and is forecast ({resource.Method}, backtest MAE {resource.Score:G3} vs line {resource.BaselineScore:G3}) " +
                $"to cross {policy}: earliest (P90 path) {Date("0.1")}, median {Date("0.5")}, latest (P10 path) {Date("0.9")}."),
            [AlertLabels.Runbook] = "Collect: GET /api/v1/capacity/" + cluster + " and the capacity report (history, forecast band, step changes). " +
                "Isolate: which workload drives the growth (VM count, volume growth), whether a step (new workload) explains it, and whether N+1 still holds. " +
                "Apply: plan capacity before the P10 date: add drives or nodes, rebalance or retire VMs, or move a workload class to another cluster.",
        };
    }
}
