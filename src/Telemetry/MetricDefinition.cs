namespace AzLocalMonitor.Telemetry;

/// <summary>One row of the metric catalog (docs/reference/metrics.md): the OpenTelemetry instrument and its Prometheus name.</summary>
/// <param name="Instrument">OpenTelemetry instrument name, e.g. <c>azlocal.cluster.quorum</c>.</param>
/// <param name="Scope">Node or cluster scope: decides the <c>node</c> label.</param>
/// <param name="Unit">UCUM unit as the instrument declares it (<c>1</c>, <c>By</c>, <c>s</c>, <c>{vm}</c>...), empty for state sets.</param>
/// <param name="Kind">Gauge or monotonic counter.</param>
/// <param name="Help">One line for the Prometheus <c>HELP</c> comment.</param>
/// <param name="Attributes">Data-point attributes the instrument carries besides <c>cluster</c>/<c>node</c>.</param>
public sealed record MetricDefinition(
    string Instrument,
    MetricScope Scope,
    string Unit,
    MetricKind Kind,
    string Help,
    IReadOnlyList<string> Attributes)
{
    /// <summary>The labels <see cref="Attributes"/> become on /metrics (<c>job</c> → <c>repair_job</c>, see <see cref="PrometheusNaming.LabelFor"/>).</summary>
    public IReadOnlyList<string> Labels { get; } = [.. Attributes.Select(PrometheusNaming.LabelFor)];

    /// <summary>The name Rules exposes the metric under, from the usual OTLP→Prometheus translation.</summary>
    public string PrometheusName { get; } = PrometheusNaming.Translate(Instrument, Unit, Kind == MetricKind.Counter);
}
