namespace AzLocalMonitor.Rules.Notify;

/// <summary>
/// Where alerts go (Alertmanager today; webhooks and other senders later). Enqueue never blocks the
/// evaluation path: senders deliver in the background.
/// </summary>
public interface IAlertNotifier
{
    /// <summary>Hands alerts over for delivery.</summary>
    void Enqueue(IReadOnlyList<AlertNotification> alerts);
}
