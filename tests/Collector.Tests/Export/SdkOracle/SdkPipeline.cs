using System.Diagnostics.Metrics;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AzLocalMonitor.Collector.Tests.Export.SdkOracle;

/// <summary>
/// The agent's former collection path, built as src/Collector/Export/ExportSession.cs built it before the SDK was
/// removed (BuildProvider): a MeterProvider with the same resource, a periodic reader with cumulative temporality,
/// and an exporter encoding each batch with <see cref="SdkBatchEncoder"/>. <see cref="Collect"/> is ForceFlush, as
/// state changes and --once did. Only the given meter object is collected, though others share its name.
/// </summary>
internal sealed class SdkPipeline : IDisposable
{
    private readonly CapturingExporter _exporter = new();
    private readonly MeterProvider _provider;

    public SdkPipeline(Meter meter, string serviceName, string cluster, string hostName, TimeSpan interval)
    {
        _provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource
                .AddService(serviceName, serviceVersion: typeof(ExportSession).Assembly.GetName().Version?.ToString())
                .AddAttributes(
                [
                    new(ResourceAttributes.Cluster, cluster),
                    new(ResourceAttributes.HostName, hostName),
                ]))
            .AddMeter(meter.Name)
            .AddView(instrument => instrument.Meter == meter ? null : MetricStreamConfiguration.Drop)
            .AddReader(new PeriodicExportingMetricReader(_exporter, (int)interval.TotalMilliseconds, 5000)
            {
                TemporalityPreference = MetricReaderTemporalityPreference.Cumulative,
            })
            .Build();
    }

    /// <summary>Collects now; the request the exporter was given (null if the SDK exported nothing).</summary>
    public ExportMetricsServiceRequest? Collect()
    {
        _exporter.Last = null;
        Assert.True(_provider.ForceFlush(5000));
        return _exporter.Last;
    }

    public void Dispose() => _provider.Dispose();

    private sealed class CapturingExporter : BaseExporter<Metric>
    {
        public ExportMetricsServiceRequest? Last { get; set; }

        public override ExportResult Export(in Batch<Metric> batch)
        {
            Last = SdkBatchEncoder.Encode(batch, SdkBatchEncoder.Resource(ParentProvider.GetResource().Attributes));
            return ExportResult.Success;
        }
    }
}
