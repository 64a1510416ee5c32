using System.Threading.Channels;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.State;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// Write-behind for alert state, and the one door to the notifiers. Evaluation hands over, under the cluster's
/// gate, only what changed (upserts and deletes) with the notifications it produced; one background reader commits
/// batches in a single transaction and only then hands the notifications on. So the ingest path never waits on
/// SQLite, anything Alertmanager heard is on disk (after kill -9 no page is repeated: the restored alert keeps its
/// <c>startsAt</c> and send time), and the notifications of one alert leave in the order they were made.
/// </summary>
public sealed partial class AlertOutbox : BackgroundService
{
    private const int MaxBatch = 512;
    private readonly Channel<Entry> _queue;
    private readonly IStateStore _store;
    private readonly IAlertNotifier _notifier;
    private readonly ILogger<AlertOutbox> _logger;
    private readonly TimeProvider _time;
    private long _waits;
    private long _writeFailures;

    public AlertOutbox(IStateStore store, IAlertNotifier notifier, IOptions<AlertingOptions> options, ILogger<AlertOutbox> logger, TimeProvider time)
    {
        _time = time;
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _notifier = notifier;
        _logger = logger;
        _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(options.Value.OutboxCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Entries waiting.</summary>
    public int Length => _queue.Reader.Count;

    /// <summary>How often evaluation had to wait for room (the store could not keep up).</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>Batches the state store failed to write (their notifications were still sent).</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>
    /// Under the cluster's gate: takes the cluster's changed alerts (clearing their dirty marks) and the notifications.
    /// Waits for room rather than dropping: a lost resolve or a lost row is worse than a slower request.
    /// </summary>
    public void Enqueue(ClusterAlerts cluster, IReadOnlyList<AlertNotification> notifications)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(notifications);
        var changes = AlertPersistence.TakeChanges(cluster, _time.GetUtcNow());
        if (changes.Count == 0 && notifications.Count == 0)
        {
            return;
        }

        var entry = new Entry(changes, notifications);
        if (!_queue.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _waits);
            _queue.Writer.WriteAsync(entry).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Processes everything queued now, on the caller's thread (tests, shutdown). Returns the entries handled.</summary>
    public int Drain()
    {
        var handled = 0;
        var batch = new List<Entry>(MaxBatch);
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            if (batch.Count == 0)
            {
                return handled;
            }

            Commit(batch);
            handled += batch.Count;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                Drain();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Drain(); // a graceful stop persists and hands over what is left
        }
    }

    private void Commit(List<Entry> batch)
    {
        var changes = batch.SelectMany(e => e.Changes).ToList();
        if (changes.Count > 0)
        {
            try
            {
                _store.SaveAlertChanges(changes);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Paging matters more than the state file: send anyway, and say so loudly.
                Interlocked.Increment(ref _writeFailures);
                LogWriteFailed(_logger, changes.Count, ex);
            }
        }

        var notifications = batch.SelectMany(e => e.Notifications).ToList();
        if (notifications.Count > 0)
        {
            _notifier.Enqueue(notifications);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not persist {Count} alert change(s); notifications are still sent")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception ex);

    private sealed record Entry(IReadOnlyList<AlertChange> Changes, IReadOnlyList<AlertNotification> Notifications);
}
