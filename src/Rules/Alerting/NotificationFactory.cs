using AzLocalMonitor.Rules.Notify;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// Snapshots alerts for Alertmanager. A firing alert's <c>endsAt</c> lies four resend delays ahead (Prometheus'
/// ValidUntil), so Alertmanager resolves it by itself if Rules dies; a resolved alert's is its resolution time (never
/// before <c>startsAt</c>, which is in the agent's clock and may run a little ahead: Alertmanager refuses such an alert).
/// <c>startsAt</c> is <see cref="Alert.FiredAt"/>, in data time, so the replicas of an HA pair send identical alerts.
/// </summary>
public sealed class NotificationFactory
{
    private readonly AlertingOptions _alerting;
    private readonly string _generatorBase;

    public NotificationFactory(IOptions<AlertingOptions> alerting, IOptions<AlertmanagerOptions> alertmanager)
    {
        ArgumentNullException.ThrowIfNull(alerting);
        ArgumentNullException.ThrowIfNull(alertmanager);
        _alerting = alerting.Value;
        _generatorBase = alertmanager.Value.GeneratorUrl.TrimEnd('/');
    }

    /// <summary>Snapshots <paramref name="alert"/> as of <paramref name="now"/>. Call under the cluster's lock.</summary>
    public AlertNotification Create(Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var startsAt = alert.FiredAt ?? alert.DataActiveAt;
        var endsAt = alert.State == AlertState.Inactive && alert.ResolvedAt is { } resolved
            ? (resolved < startsAt ? startsAt : resolved)
            : now + (4 * _alerting.ResendDelay);
        var labels = alert.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var generator = $"{_generatorBase}/api/v1/alerts?alertname={Uri.EscapeDataString(alert.Name)}";
        return new AlertNotification(labels, alert.Annotations, startsAt, endsAt, generator)
        {
            Origin = System.Diagnostics.Activity.Current?.Context ?? default,
        };
    }
}
