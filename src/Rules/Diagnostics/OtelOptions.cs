namespace AzLocalMonitor.Rules.Diagnostics;

/// <summary>
/// Rules' own traces, metrics and logs to an OTLP receiver (configuration section <c>Otel</c>): Grafana Alloy, the
/// OpenTelemetry Collector, Grafana Cloud's OTLP gateway. Off unless <see cref="Endpoint"/> is set.
/// </summary>
public sealed class OtelOptions
{
    public const string Section = "Otel";

    /// <summary>
    /// Base URL of an OTLP/HTTP receiver, e.g. http://127.0.0.1:4318; Rules posts to /v1/traces, /v1/metrics and
    /// /v1/logs under it. Empty (the default): nothing is exported over OTLP.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Request headers, <c>key=value,key2=value2</c> as in <c>OTEL_EXPORTER_OTLP_HEADERS</c> (e.g. Grafana Cloud's Authorization). Default none.</summary>
    public string? Headers { get; set; }

    /// <summary>The <c>service.name</c> resource attribute. Default <c>azlocalmonitor-rules</c>.</summary>
    public string ServiceName { get; set; } = "azlocalmonitor-rules";

    /// <summary>How often metrics are pushed over OTLP. Default 15 s.</summary>
    public TimeSpan MetricInterval { get; set; } = TimeSpan.FromSeconds(15);
}
