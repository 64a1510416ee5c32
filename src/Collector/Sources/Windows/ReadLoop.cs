namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// Calls a read on a period until disposed. One read that throws (a WMI provider fault, a value out of range) is
/// counted and skipped, never the end of the loop: the watch is what reports a node going down.
/// </summary>
internal sealed class ReadLoop : IAsyncDisposable
{
    private readonly Action _read;
    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private readonly Action<Exception, long>? _failed;
    private readonly CancellationTokenSource _stop = new();
    private Task? _task;
    private long _failures;

    /// <param name="failed">Told of each failed read and the failure count so far (for the log).</param>
    public ReadLoop(Action read, TimeSpan period, TimeProvider time, Action<Exception, long>? failed = null) =>
        (_read, _period, _time, _failed) = (read, period, time, failed);

    /// <summary>Reads that threw.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The last exception a read threw, for the log.</summary>
    public Exception? LastError { get; private set; }

    public void Start() => _task = Task.Run(RunAsync);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_task is not null)
        {
            await _task.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(_period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    _read();
                }
#pragma warning disable CA1031 // any failure of one read must not end the watch; it is counted and kept for the log
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LastError = e;
                    _failed?.Invoke(e, Interlocked.Increment(ref _failures));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
