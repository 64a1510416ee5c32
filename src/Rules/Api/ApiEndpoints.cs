using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Conditions;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Api;

/// <summary><c>GET /api/v1/alerts</c>, <c>GET /api/v1/clusters</c> and <c>GET /healthz</c>.</summary>
public static class ApiEndpoints
{
    /// <summary>Active (firing) and pending alerts of every cluster, most severe and oldest first.</summary>
    public static IResult Alerts(SeriesStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var result = new List<AlertDto>();
        foreach (var cluster in store.Clusters)
        {
            lock (cluster.Gate)
            {
                foreach (var alert in cluster.Alerts.Values.SelectMany(a => a.Values))
                {
                    if (alert.State == AlertState.Inactive)
                    {
                        continue;
                    }

                    result.Add(new AlertDto(
                        alert.Name,
                        alert.Severity,
                        alert.State == AlertState.Firing ? "firing" : "pending",
                        alert.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
                        alert.Annotations,
                        alert.ActiveAt,
                        alert.FiredAt,
                        alert.Value,
                        alert.MutedBy));
                }
            }
        }

        var ordered = result.OrderBy(a => SeverityRank(a.Severity)).ThenBy(a => a.ActiveAt).ThenBy(a => a.Name, StringComparer.Ordinal);
        return Results.Json(new { alerts = ordered });
    }

    /// <summary>Every cluster with quorum, votes and nodes.</summary>
    public static IResult Clusters(SeriesStore store, TimeProvider time, IOptions<SeriesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var staleMs = (long)options.Value.StaleAfter.TotalMilliseconds;
        var result = new List<ClusterDto>();
        foreach (var cluster in store.Clusters.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            lock (cluster.Gate)
            {
                double? Latest(string metric) => cluster.SeriesOf(metric).Where(s => s.IsFresh(nowMs, staleMs)).Select(s => (double?)s.Value).FirstOrDefault();
                var states = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var series in cluster.SeriesOf(CatalogNames.NodeState))
                {
                    if (series.Value == 1 && series.IsFresh(nowMs, staleMs) && series.Labels.Get("node") is { } node && series.Labels.Get("state") is { } state)
                    {
                        states[node] = state;
                    }
                }

                foreach (var node in cluster.NodeLastSelfReportMs.Keys)
                {
                    states.TryAdd(node, "unknown");
                }

                var nodes = states.Select(s => new NodeDto(
                    s.Key,
                    s.Value,
                    cluster.NodeLastSelfReportMs.TryGetValue(s.Key, out var last) ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null)).ToList();
                var alerts = cluster.Alerts.Values.SelectMany(a => a.Values).ToList();
                var quorum = Latest(CatalogNames.ClusterQuorum);
                result.Add(new ClusterDto(
                    cluster.Name,
                    DateTimeOffset.FromUnixTimeMilliseconds(cluster.LastReportMs),
                    quorum is null ? null : quorum.Value != 0,
                    Latest(CatalogNames.ClusterVotesPresent),
                    Latest(CatalogNames.ClusterVotesConfigured),
                    cluster.SeriesCount,
                    nodes,
                    alerts.Count(a => a.State == AlertState.Firing),
                    alerts.Count(a => a.State == AlertState.Pending)));
            }
        }

        return Results.Json(new { clusters = result });
    }

    /// <summary>Liveness: the service answers and how much it holds.</summary>
    public static IResult Health(SeriesStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Results.Json(new { status = "ok", clusters = store.Clusters.Count, series = store.Clusters.Sum(c => c.SeriesCount) });
    }

    private static int SeverityRank(string severity) => severity switch
    {
        "critical" => 0,
        "warning" => 1,
        "info" => 2,
        _ => 3,
    };
}
