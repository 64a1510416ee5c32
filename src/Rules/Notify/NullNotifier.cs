namespace AzLocalMonitor.Rules.Notify;

/// <summary>No Alertmanager configured: alerts are only kept and exposed through the API and /metrics.</summary>
public sealed class NullNotifier : IAlertNotifier
{
    public void Enqueue(IReadOnlyList<AlertNotification> alerts)
    {
    }
}
