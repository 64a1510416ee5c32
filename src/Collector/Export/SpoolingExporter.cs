using AzLocalMonitor.Collector.Export.Spool;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OtlpResource = AzLocalMonitor.Telemetry.Otlp.Resource.Resource;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// The SDK's exporter: encodes each collected batch as an OTLP request (with its original timestamps and the
/// agent's self-metrics, including the batch's sequence number) and appends it to the durable spool. Success means
/// "safely on disk"; the <see cref="DestinationSender"/>s deliver it. Nothing here touches the network, so a dead
/// destination never blocks or fails a collection.
/// </summary>
internal sealed class SpoolingExporter : BaseExporter<Metric>
{
    private readonly BatchSpool _spool;
    private readonly IReadOnlyList<DestinationStatus> _destinations;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action _appended;
    private readonly ulong _startUnixNano;
    private OtlpResource? _resource;

    /// <param name="appended">Called after a batch is on disk (wakes the senders, refreshes the status file).</param>
    public SpoolingExporter(BatchSpool spool, IReadOnlyList<DestinationStatus> destinations, TimeProvider time, ILogger logger, Action appended)
    {
        _spool = spool;
        _destinations = destinations;
        _time = time;
        _logger = logger;
        _appended = appended;
        _startUnixNano = OtlpBatchEncoder.UnixNanos(time.GetUtcNow());
    }

    /// <summary>Whether the source could query its cluster (Windows); null for sources without one.</summary>
    public Func<bool?> ClusterQueryable { get; init; } = () => null;

    public override ExportResult Export(in Batch<Metric> batch)
    {
        _resource ??= OtlpBatchEncoder.Resource(ParentProvider.GetResource().Attributes);
        var request = OtlpBatchEncoder.Encode(batch, _resource);
        var time = OtlpBatchEncoder.LatestTime(request) is > 0 and var latest ? latest : OtlpBatchEncoder.UnixNanos(_time.GetUtcNow());
        var scopes = request.ResourceMetrics[0].ScopeMetrics;
        try
        {
            _spool.Append(sequence =>
            {
                var self = AgentSelfMetrics.Build(sequence, time, _startUnixNano, _spool, _destinations, ClusterQueryable());
                var scope = new AzLocalMonitor.Telemetry.Otlp.Metrics.ScopeMetrics { Scope = new() { Name = self.Name } };
                scope.Metrics.AddRange(self.Metrics);
                scopes.Add(scope);
                return request.ToByteArray();
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.SpoolWriteFailed(_logger, _spool.DirectoryPath, e);
            return ExportResult.Failure;
        }

        _appended();
        return ExportResult.Success;
    }
}
