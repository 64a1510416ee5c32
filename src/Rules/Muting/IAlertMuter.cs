using AzLocalMonitor.Rules.Alerting;

namespace AzLocalMonitor.Rules.Muting;

/// <summary>Decides, for the alerts of one cluster, which are muted and by what (after Alertmanager's notify/mute.go).</summary>
public interface IAlertMuter
{
    /// <summary>The name of what mutes <paramref name="alert"/>, or null; <paramref name="active"/> are the cluster's pending and firing alerts.</summary>
    string? MutedBy(Alert alert, IReadOnlyList<Alert> active);
}
