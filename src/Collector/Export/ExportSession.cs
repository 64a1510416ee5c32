using AzLocalMonitor.Collector.Configuration;
using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Telemetry;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// One run of the collector: the catalog instruments over a source, an OpenTelemetry MeterProvider exporting them
/// periodically over OTLP/HTTP protobuf, and an immediate export whenever the source reports a state change.
/// </summary>
internal sealed class ExportSession : IAsyncDisposable
{
    public const string ServiceName = "azlocal-collector";

    // Caps each OTLP request so a dead receiver delays shutdown or an immediate export by seconds, not the SDK's 10 s.
    private const int ExportTimeoutMilliseconds = 5000;

    private readonly CollectorOptions _options;
    private readonly SourceSetup _setup;
    private readonly ILogger _logger;
    private readonly ReadingCache _cache;
    private readonly CatalogInstruments _instruments;
    private readonly MeterProvider _provider;
    private readonly ImmediateFlusher _flusher;
    private readonly OtlpEventForwarder _forwarder;

    public ExportSession(CollectorOptions options, SourceSetup setup, ILoggerFactory loggers, TimeProvider time)
    {
        _options = options;
        _setup = setup;
        _logger = loggers.CreateLogger("AzLocalMonitor.Collector");
        _forwarder = new OtlpEventForwarder(loggers.CreateLogger("AzLocalMonitor.Collector.Export"), time);

        // A reading serves one collection: shorter than any interval, longer than a collection takes.
        var maxAge = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, options.Interval.Ticks / 2));
        _cache = new ReadingCache(setup.Source, time, maxAge, _logger);
        _instruments = new CatalogInstruments(() => _cache.Current);
        _provider = BuildProvider(options, setup.Cluster, _instruments.Meter.Name);
        _flusher = new ImmediateFlusher(() => _provider.ForceFlush(ExportTimeoutMilliseconds), time, _logger);
    }

    /// <summary>Runs until cancelled (returns 0), or with --once exports one reading (0 if delivered, else 1).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Log.Starting(_logger, _setup.Source.Description, _setup.Cluster, _options.Node, _options.MetricsEndpoint, _options.Interval);
        _setup.Source.StateChanged += OnStateChanged;
        _setup.Source.Start();
        if (_options.Once)
        {
            var delivered = await Task.Run(() => _provider.ForceFlush(ExportTimeoutMilliseconds), CancellationToken.None).ConfigureAwait(false);
            Log.ImmediateExport(_logger, "--once", delivered ? "delivered" : "NOT delivered", 0);
            return delivered ? ExitCodes.Success : ExitCodes.Failure;
        }

        // Rules should not wait a whole interval to hear of a new collector.
        _flusher.Request("start");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or the host's token: a normal stop.
        }
        finally
        {
            _setup.Source.StateChanged -= OnStateChanged;
        }

        return ExitCodes.Success;
    }

    public async ValueTask DisposeAsync()
    {
        await _flusher.DisposeAsync().ConfigureAwait(false);
        await _setup.Source.DisposeAsync().ConfigureAwait(false);

        // Shutdown runs a last collection and export, so the final state reaches Rules.
        await Task.Run(() => _provider.Shutdown(ExportTimeoutMilliseconds)).ConfigureAwait(false);
        Log.Stopped(_logger);
        _provider.Dispose();
        _instruments.Dispose();
        _forwarder.Dispose();
    }

    private void OnStateChanged(object? sender, StateChange change)
    {
        Log.StateChanged(_logger, change.ToString());
        _cache.Invalidate();
        _flusher.Request(change.ToString());
    }

    private static MeterProvider BuildProvider(CollectorOptions options, string cluster, string meterName) =>
        Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource
                .AddService(ServiceName, serviceVersion: typeof(ExportSession).Assembly.GetName().Version?.ToString())
                .AddAttributes(
                [
                    new(ResourceAttributes.Cluster, cluster),
                    new(ResourceAttributes.HostName, options.Node),
                ]))
            .AddMeter(meterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                // Set in code, the HttpProtobuf endpoint is used as given: it must already end in /v1/metrics.
                exporter.Endpoint = options.MetricsEndpoint;
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.TimeoutMilliseconds = ExportTimeoutMilliseconds;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)Math.Max(1, options.Interval.TotalMilliseconds);
                reader.TemporalityPreference = MetricReaderTemporalityPreference.Cumulative;
            })
            .Build();
}
