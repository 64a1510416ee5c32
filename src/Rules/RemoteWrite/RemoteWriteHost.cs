namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>Runs every destination's sender for the life of the app (the buffer is disposed with the container, after ingest stops).</summary>
public sealed class RemoteWriteHost(IReadOnlyList<RemoteWriteSender> senders) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(senders.Select(s => s.RunAsync(stoppingToken)));
}
