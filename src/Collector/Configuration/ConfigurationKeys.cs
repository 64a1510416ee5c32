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
    public const string Capture = "Collector:Capture";
    public const string TimeScale = "Collector:TimeScale";
    public const string Once = "Collector:Once";
    public const string Spool = "Collector:Spool";
    public const string SpoolMaxBatches = "Collector:SpoolMaxBatches";
    public const string SpoolMaxBytes = "Collector:SpoolMaxBytes";
    public const string StatusFile = "Collector:StatusFile";
    public const string RetryMaxDelay = "Collector:RetryMaxDelay";

    /// <summary>A file holding the bearer token Rules expects (<c>--token-file</c>); the token itself never goes on a command line.</summary>
    public const string TokenFile = "Collector:TokenFile";

    /// <summary>A PEM file of CA certificates that Rules' HTTPS certificate must chain to (instead of the system's store).</summary>
    public const string CaFile = "Collector:CaFile";

    /// <summary>The SHA-256 thumbprint (hex) of Rules' HTTPS certificate: only that certificate is accepted.</summary>
    public const string ServerThumbprint = "Collector:ServerThumbprint";

    /// <summary>The bearer token itself, from the environment (<c>Collector__Token</c>) or appsettings.json; not a command-line option.</summary>
    public const string Token = "Collector:Token";

    /// <summary>A section of <c>network=host[:port]</c> strings (<c>Collector:Peers:0</c>, ...), or one comma-separated value.</summary>
    public const string Peers = "Collector:Peers";

    /// <summary>The standard OpenTelemetry variable: a base URL, to which OTLP/HTTP appends /v1/metrics.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard per-signal variable: the full metrics URL, used as given.</summary>
    public const string OtlpMetricsEndpoint = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";

    /// <summary>Standard request headers, <c>key=value,key2=value2</c> (values URL-encoded), e.g. Grafana Cloud's Authorization.</summary>
    public const string OtlpHeaders = "OTEL_EXPORTER_OTLP_HEADERS";

    public const string OtlpMetricsHeaders = "OTEL_EXPORTER_OTLP_METRICS_HEADERS";
}
