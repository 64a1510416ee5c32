using AzLocalMonitor.Collector.Export.Spool;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using OtlpMetric = AzLocalMonitor.Telemetry.Otlp.Metrics.Metric;
using Proto = AzLocalMonitor.Telemetry.Otlp.Metrics;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// Stores each collection (an OTLP request from <see cref="MeterCollector"/>, with its original timestamps) plus the
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

    /// <summary>The latest end time of any point in the request (Unix ns); 0 when it has none.</summary>
    public static ulong LatestTime(ExportMetricsServiceRequest request) =>
        request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics)
            .SelectMany(m => m.DataCase == OtlpMetric.DataOneofCase.Sum ? m.Sum.DataPoints : m.Gauge?.DataPoints ?? [])
            .Select(p => p.TimeUnixNano).DefaultIfEmpty(0UL).Max();

    /// <summary>Appends <paramref name="request"/> (one resource) with the self-metrics to the spool; false if the spool could not be written.</summary>
    public bool Export(ExportMetricsServiceRequest request)
    {
        var time = LatestTime(request) is > 0 and var latest ? latest : MeterCollector.UnixNanos(_time.GetUtcNow());
        var scopes = request.ResourceMetrics[0].ScopeMetrics;
        try
        {
            _spool.Append(sequence =>
            {
                var self = AgentSelfMetrics.Build(sequence, time, _startUnixNano, _spool, _destinations, ClusterQueryable());
                var scope = new Proto.ScopeMetrics { Scope = new() { Name = self.Name } };
                scope.Metrics.AddRange(self.Metrics);
                scopes.Add(scope);
                return request.ToByteArray();
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
