namespace AzLocalMonitor.Rules.Notify;

/// <summary>Hands every alert to each configured destination (Alertmanager, webhooks); each has its own queue.</summary>
public sealed class CompositeNotifier : IAlertNotifier
{
    private readonly IReadOnlyList<HttpAlertSender> _senders;

    public CompositeNotifier(IReadOnlyList<HttpAlertSender> senders) => _senders = senders;

    /// <summary>Alerts waiting in every queue.</summary>
    public int QueueLength => _senders.Sum(s => s.QueueLength);

    public void Enqueue(IReadOnlyList<AlertNotification> alerts)
    {
        foreach (var sender in _senders)
        {
            sender.Enqueue(alerts);
        }
    }
}
