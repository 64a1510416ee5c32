using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Collector.Sources.Readings;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// Shares one reading among the instrument callbacks of one collection. A collection calls each instrument's callback
/// separately, so without this every instrument would read the source again (and the memory instruments could
/// disagree). A reading is reused for at most <c>maxAge</c>; a state change invalidates it at once.
/// </summary>
internal sealed class ReadingCache
{
    private readonly IMetricSource _source;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private ClusterReading? _reading;
    private DateTimeOffset _readAt;

    public ReadingCache(IMetricSource source, TimeProvider time, TimeSpan maxAge, ILogger logger)
    {
        _source = source;
        _time = time;
        _maxAge = maxAge;
        _logger = logger;
    }

    /// <summary>The cached reading, or a fresh one. A failing source gives an empty reading (and a log line), not an exception in the collection.</summary>
    public ClusterReading Current
    {
        get
        {
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                if (_reading is null || now - _readAt >= _maxAge)
                {
                    _reading = TryRead();
                    _readAt = now;
                }

                return _reading;
            }
        }
    }

    /// <summary>Drops the cached reading so the next collection reads the source again.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _reading = null;
        }
    }

    private ClusterReading TryRead()
    {
        try
        {
            return _source.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Log.ReadFailed(_logger, _source.Description, e);
            return ClusterReading.Empty;
        }
    }
}
