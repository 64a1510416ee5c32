namespace AzLocalMonitor.Rules.Notify;

/// <summary>
/// Where alerts go (Alertmanager, webhooks). Enqueue never blocks the evaluation path: senders deliver in the
/// background.
/// </summary>
public interface IAlertNotifier
{
    /// <summary>Alerts waiting for delivery.</summary>
    int QueueLength => 0;

    /// <summary>Hands alerts over for delivery.</summary>
    void Enqueue(IReadOnlyList<AlertNotification> alerts);
}
