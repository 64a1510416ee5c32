using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// Exports out of schedule when a state change happens. Requests are coalesced: one flush may run and one may
/// wait, and a burst (node down and quorum lost at the same instant) becomes one export that shows both, since
/// the export reads the state when it runs. Flushing happens on its own task, never on the caller's thread
/// (which may be the collection's own thread or the scenario timer).
/// </summary>
internal sealed class ImmediateFlusher : IAsyncDisposable
{
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Func<bool> _flush;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _loop;

    /// <param name="flush">Exports now; returns whether the export was spooled (CollectionLoop.Collect).</param>
    public ImmediateFlusher(Func<bool> flush, TimeProvider time, ILogger logger)
    {
        _flush = flush;
        _time = time;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Asks for an export as soon as possible; <paramref name="reason"/> is logged.</summary>
    public void Request(string reason) => _requests.Writer.TryWrite(reason);

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        await foreach (var reason in _requests.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var started = _time.GetTimestamp();
            var delivered = _flush();
            Log.ImmediateExport(_logger, reason, delivered ? "delivered" : "NOT delivered", _time.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
