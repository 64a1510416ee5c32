using AzLocalMonitor.Collector.Export.Otlp;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// When collections happen (the part of the SDK's PeriodicExportingMetricReader the agent needs): every interval
/// on a <see cref="TimeProvider"/> timer, at once on <see cref="Collect"/> (state changes, --once), and a last one at
/// <see cref="Shutdown"/>. One collection runs at a time. A periodic tick that finds a collection running is skipped
/// (that collection is as fresh); an explicit <see cref="Collect"/> waits and runs its own, so a state change is always
/// collected after it happened.
/// </summary>
internal sealed class CollectionLoop : IDisposable
{
    private readonly Func<DateTimeOffset, (OtlpBatch Request, AggregateException? Errors)> _collect;
    private readonly Func<OtlpBatch, bool> _export;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private bool _stopped;

    /// <param name="collect">Collects at the given time (<see cref="MeterCollector.Collect"/>).</param>
    /// <param name="export">Stores the request; returns whether it is safely stored (<see cref="SpoolingExporter.Export"/>).</param>
    public CollectionLoop(Func<DateTimeOffset, (OtlpBatch, AggregateException?)> collect, Func<OtlpBatch, bool> export, TimeProvider time, ILogger logger)
    {
        _collect = collect;
        _export = export;
        _time = time;
        _logger = logger;
    }

    /// <summary>Collects every <paramref name="interval"/> from now on, the first one interval from now.</summary>
    public void Start(TimeSpan interval)
    {
        lock (_lock)
        {
            if (!_stopped)
            {
                _timer ??= _time.CreateTimer(_ => Tick(), null, interval, interval);
            }
        }
    }

    /// <summary>Collects and exports now; false if the export failed or the loop was shut down.</summary>
    public bool Collect()
    {
        lock (_lock)
        {
            return !_stopped && CollectLocked();
        }
    }

    /// <summary>Stops the timer and runs the last collection; false if it failed (or the loop was already shut down).</summary>
    public bool Shutdown()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return false;
            }

            _timer?.Dispose();
            var exported = CollectLocked();
            _stopped = true;
            return exported;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stopped = true;
            _timer?.Dispose();
        }
    }

    private void Tick()
    {
        if (!_lock.TryEnter())
        {
            return;
        }

        try
        {
            if (!_stopped)
            {
                CollectLocked();
            }
        }
        finally
        {
            _lock.Exit();
        }
    }

    private bool CollectLocked()
    {
        var (request, errors) = _collect(_time.GetUtcNow());
        foreach (var error in errors?.InnerExceptions ?? [])
        {
            // A failing instrument callback loses its points, not the collection (the others are exported).
            Log.CollectionProblem(_logger, error.GetType().Name, error.Message);
        }

        return _export(request);
    }
}
