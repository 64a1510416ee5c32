using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// <c>GET /api/v1/series?metric=m[&amp;metric=m2][&amp;cluster=c][&amp;node=n][&amp;points=k]</c>: the series of the
/// named metrics with their labels and the recent points Rules holds (<c>Series:HistoryLength</c>), for the web
/// dashboard's live charts. <c>points</c> caps the points per series (0: the latest value only).
/// </summary>
public static class SeriesEndpoint
{
    /// <summary>Most metrics one request may name.</summary>
    public const int MaxMetrics = 32;

    public static IResult Handle(HttpRequest request, SeriesStore store, TimeProvider time, IOptions<SeriesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var metrics = request.Query["metric"].Where(m => !string.IsNullOrEmpty(m)).Select(m => m!).Distinct(StringComparer.Ordinal).ToList();
        if (metrics.Count == 0)
        {
            return Results.Problem("Name at least one metric, e.g. ?metric=azlocal_node_cpu_utilization_ratio&cluster=c1.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (metrics.Count > MaxMetrics)
        {
            return Results.Problem($"At most {MaxMetrics} metrics per request (got {metrics.Count}).", statusCode: StatusCodes.Status400BadRequest);
        }

        var maxPoints = int.MaxValue;
        if (request.Query.TryGetValue("points", out var pointsText) &&
            (!int.TryParse(pointsText.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out maxPoints)))
        {
            return Results.Problem($"points must be a non-negative integer (got '{pointsText}').", statusCode: StatusCodes.Status400BadRequest);
        }

        string? clusterName = request.Query["cluster"];
        string? node = request.Query["node"];
        var clusters = string.IsNullOrEmpty(clusterName)
            ? store.Clusters.OrderBy(c => c.Name, StringComparer.Ordinal).ToList()
            : store.Find(clusterName) is { } one ? [one] : [];
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var staleMs = (long)options.Value.StaleAfter.TotalMilliseconds;
        var result = new List<SeriesDto>();
        foreach (var cluster in clusters)
        {
            lock (cluster.Gate)
            {
                foreach (var metric in metrics)
                {
                    var matching = cluster.SeriesOf(metric)
                        .Where(s => string.IsNullOrEmpty(node) || string.Equals(s.Labels.Get("node"), node, StringComparison.Ordinal))
                        .OrderBy(s => s.Labels.ToString(), StringComparer.Ordinal);
                    result.AddRange(matching.Select(s => ToDto(s, nowMs, staleMs, maxPoints)));
                }
            }
        }

        return Results.Json(new { series = result });
    }

    private static SeriesDto ToDto(TimeSeries series, long nowMs, long staleMs, int maxPoints)
    {
        var count = Math.Min(series.HistoryCount, maxPoints);
        var history = new (long TimestampMs, double Value)[count];
        series.CopyHistory(history); // the newest count points, oldest first
        var points = new double?[count][];
        for (var i = 0; i < count; i++)
        {
            points[i] = [history[i].TimestampMs, Finite(history[i].Value)];
        }

        return new SeriesDto(
            series.Metric,
            series.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
            series.IsFresh(nowMs, staleMs),
            Finite(series.Value),
            series.TimestampMs,
            points);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
