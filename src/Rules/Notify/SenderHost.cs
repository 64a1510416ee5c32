namespace AzLocalMonitor.Rules.Notify;

/// <summary>Runs every sender's delivery loop for the lifetime of the app.</summary>
public sealed class SenderHost : IHostedService
{
    private readonly IReadOnlyList<HttpAlertSender> _senders;

    public SenderHost(IReadOnlyList<HttpAlertSender> senders) => _senders = senders;

    public Task StartAsync(CancellationToken cancellationToken) => Task.WhenAll(_senders.Select(s => s.StartAsync(cancellationToken)));

    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(_senders.Select(s => s.StopAsync(cancellationToken)));
}
