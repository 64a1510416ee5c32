namespace AzLocalMonitor.Collector.Export;

/// <summary>An OTLP/HTTP receiver the collector delivers every batch to, in order.</summary>
/// <param name="Name">Short name for logs, the status file, the spool cursor file and the <c>destination</c> attribute (e.g. <c>rules</c>).</param>
/// <param name="Endpoint">The full metrics URL (…/v1/metrics).</param>
/// <param name="Headers">Extra request headers (e.g. Grafana Cloud's Authorization from OTEL_EXPORTER_OTLP_HEADERS).</param>
internal sealed record OtlpDestination(string Name, Uri Endpoint, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public override string ToString() => $"{Name} ({Endpoint})";
}
