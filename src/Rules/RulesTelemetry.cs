using System.Diagnostics.Metrics;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AzLocalMonitor.Rules;

/// <summary>
/// Rules' own telemetry through the OpenTelemetry SDK (OpenTelemetry.Extensions.Hosting): the <c>azlm_*</c>
/// self-metrics go to the Prometheus exporter, whose text <c>GET /metrics</c> appends to the fleet's series, and,
/// when <c>Otel:Endpoint</c> is set, traces (ingest → evaluate → notify), the same metrics and the logs go to that
/// OTLP/HTTP receiver.
/// </summary>
public static class RulesTelemetry
{
    public static void AddRulesTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OtelOptions>().Bind(builder.Configuration.GetSection(OtelOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OtelOptions>, Configuration.RulesOptionsValidator>();
        services.AddSingleton(sp =>
        {
            // The provider listens first, so the instruments' zero points (SelfMetrics' constructor) are recorded.
            _ = sp.GetRequiredService<MeterProvider>();
            return new SelfMetrics(sp.GetRequiredService<IMeterFactory>());
        });

        // Read before the host is built: whether to export at all decides which providers exist. A bad value is
        // reported with the other settings by the validator (Build → ValidateAll), so this only skips it.
        var otel = builder.Configuration.GetSection(OtelOptions.Section).Get<OtelOptions>() ?? new OtelOptions();
        var endpoint = Uri.TryCreate(otel.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(otel.ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(SelfMetrics.MeterName);
            metrics.AddPrometheusExporter(o =>
            {
                o.ScrapeResponseCacheDurationMilliseconds = 0; // every scrape is current
                // /metrics as it always was: azlm_* samples without otel_scope_* labels, no target_info series.
                o.ScopeInfoEnabled = false;
                o.TargetInfoEnabled = false;
            });
            if (endpoint is not null)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    Configure(exporter, endpoint, "v1/metrics", otel.Headers);
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)otel.MetricInterval.TotalMilliseconds;
                });
            }
        });

        // Several Rules apps may share a process (tests): a meter provider takes only its own app's meter, by scope.
        services.ConfigureOpenTelemetryMeterProvider((sp, metrics) =>
        {
            var mine = sp.GetRequiredService<IMeterFactory>();
            metrics.AddView(instrument => ReferenceEquals(instrument.Meter.Scope, mine) ? null : MetricStreamConfiguration.Drop);
        });

        if (endpoint is null)
        {
            return;
        }

        // Always on: an ingest span's parent is ASP.NET Core's request activity, which is not recorded (no HTTP
        // instrumentation here), and the default parent-based sampler would drop ingest → evaluate with it.
        telemetry.WithTracing(tracing => tracing
            .SetSampler(new AlwaysOnSampler())
            .AddSource(Tracing.SourceName)
            .AddOtlpExporter(exporter => Configure(exporter, endpoint, "v1/traces", otel.Headers)));
        telemetry.WithLogging(logging => logging.AddOtlpExporter(exporter => Configure(exporter, endpoint, "v1/logs", otel.Headers)));
    }

    /// <summary>Observable gauges over app state; registered once the app is built (the notifier needs every sender).</summary>
    public static void ObserveGauges(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        ObserveGauges(services.GetRequiredService<SelfMetrics>().Meter, services.GetRequiredService<SeriesStore>(), services.GetRequiredService<IAlertNotifier>());
    }

    /// <summary>The gauges over the series store and the delivery queues, on Rules' meter.</summary>
    public static void ObserveGauges(Meter meter, SeriesStore store, IAlertNotifier notifier)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(notifier);
        meter.CreateObservableGauge("azlm_series_active", () => store.SeriesCount, null, "Series held in memory.");
        meter.CreateObservableGauge("azlm_notification_queue_length", () => notifier.QueueLength, null, "Alerts waiting for delivery.");
    }

    private static void Configure(OtlpExporterOptions exporter, Uri baseUrl, string path, string? headers)
    {
        // Set in code, the endpoint is the signal's full URL (only the environment variable gets /v1/… appended).
        exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + path);
        if (!string.IsNullOrWhiteSpace(headers))
        {
            exporter.Headers = headers;
        }
    }
}
