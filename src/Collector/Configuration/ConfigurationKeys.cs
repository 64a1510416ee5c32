namespace AzLocalMonitor.Collector.Configuration;

/// <summary>
/// Configuration keys. appsettings.json nests them under <c>Collector</c>; environment variables use the usual
/// double underscore (<c>Collector__Interval=5s</c>); command-line options map onto the same keys.
/// </summary>
internal static class ConfigurationKeys
{
    public const string Source = "Collector:Source";
    public const string Rules = "Collector:Rules";
    public const string Cluster = "Collector:Cluster";
    public const string Node = "Collector:Node";
    public const string Interval = "Collector:Interval";
    public const string Scenario = "Collector:Scenario";
    public const string TimeScale = "Collector:TimeScale";
    public const string Once = "Collector:Once";

    /// <summary>The standard OpenTelemetry variable: a base URL, to which OTLP/HTTP appends /v1/metrics.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
}
