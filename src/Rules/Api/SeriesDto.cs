namespace AzLocalMonitor.Rules.Api;

/// <summary>A series in <c>GET /api/v1/series</c>.</summary>
/// <param name="Metric">Prometheus metric name.</param>
/// <param name="Labels">Its labels (always <c>cluster</c>).</param>
/// <param name="Fresh">Reported within <c>Series:StaleAfter</c>.</param>
/// <param name="Value">Latest value (null when not finite).</param>
/// <param name="Timestamp">Sample time of the latest value, Unix ms.</param>
/// <param name="Points">Recent points, oldest first, each <c>[Unix ms, value]</c> (value null when not finite).</param>
public sealed record SeriesDto(
    string Metric,
    IReadOnlyDictionary<string, string> Labels,
    bool Fresh,
    double? Value,
    long Timestamp,
    IReadOnlyList<double?[]> Points);
