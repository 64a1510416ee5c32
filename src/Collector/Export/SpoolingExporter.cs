using AzLocalMonitor.Collector.Export.Otlp;
using AzLocalMonitor.Collector.Export.Spool;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// Stores each collection (an <see cref="OtlpBatch"/> from <see cref="MeterCollector"/>, with its original timestamps) plus the
/// agent's self-metrics, including the batch's sequence number, in the durable spool. Success means "safely on
/// disk"; the <see cref="DestinationSender"/>s deliver it. Nothing here touches the network, so a dead destination
/// never blocks or fails a collection.
/// </summary>
internal sealed class SpoolingExporter
{
    private readonly BatchSpool _spool;
    private readonly IReadOnlyList<DestinationStatus> _destinations;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action _appended;
    private readonly ulong _startUnixNano;

    /// <param name="start">When the agent started (start of the self-metrics' counters).</param>
    /// <param name="appended">Called after a batch is on disk (wakes the senders, refreshes the status file).</param>
    public SpoolingExporter(BatchSpool spool, IReadOnlyList<DestinationStatus> destinations, TimeProvider time, DateTimeOffset start, ILogger logger, Action appended)
    {
        _spool = spool;
        _destinations = destinations;
        _time = time;
        _logger = logger;
        _appended = appended;
        _startUnixNano = MeterCollector.UnixNanos(start);
    }

    /// <summary>Whether the source could query its cluster (Windows); null for sources without one.</summary>
    public Func<bool?> ClusterQueryable { get; init; } = () => null;

    /// <summary>Appends <paramref name="batch"/> with the self-metrics to the spool; false if the spool could not be written.</summary>
    public bool Export(OtlpBatch batch)
    {
        var time = batch.LatestTime() is > 0 and var latest ? latest : MeterCollector.UnixNanos(_time.GetUtcNow());
        try
        {
            _spool.Append(sequence =>
            {
                batch.Scopes.Add(AgentSelfMetrics.Build(sequence, time, _startUnixNano, _spool, _destinations, ClusterQueryable()));
                return batch.Encode();
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.SpoolWriteFailed(_logger, _spool.DirectoryPath, e);
            return false;
        }

        _appended();
        return true;
    }
}
