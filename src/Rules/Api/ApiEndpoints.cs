using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Conditions;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Api;

/// <summary><c>GET /api/v1/alerts</c>, <c>GET /api/v1/clusters</c> and <c>GET /healthz</c>.</summary>
public static class ApiEndpoints
{
    /// <summary>Active (firing) and pending alerts of every cluster, most severe and oldest first.</summary>
    public static IResult Alerts(AlertBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var result = new List<AlertDto>();
        foreach (var cluster in book.Clusters)
        {
            lock (cluster.Series.Gate)
            {
                foreach (var alert in cluster.All)
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
                        alert.MutedBy,
                        alert.MutedStage is { } stage ? stage.ToString().ToLowerInvariant() : null));
                }
            }
        }

        var ordered = result.OrderBy(a => SeverityRank(a.Severity)).ThenBy(a => a.ActiveAt).ThenBy(a => a.Name, StringComparer.Ordinal);
        return Results.Json(new { alerts = ordered });
    }

    /// <summary>Every cluster with quorum, votes and nodes.</summary>
    public static IResult Clusters(SeriesStore store, AlertBook book, TimeProvider time, IOptions<SeriesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(book);
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

                // Members only (membership reports and nodes' own catalog metrics), never any host a foreign series names.
                var members = cluster.MemberNodes();
                foreach (var node in members)
                {
                    states.TryAdd(node, "unknown");
                }

                foreach (var node in states.Keys.Where(n => !members.Contains(n)).ToList())
                {
                    states.Remove(node);
                }

                var nodes = states.Select(s => new NodeDto(
                    s.Key,
                    s.Value,
                    cluster.NodeLastSelfReportMs.TryGetValue(s.Key, out var last) ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null)).ToList();
                var alerts = book.Find(cluster.Name)?.All.Where(a => a.State != AlertState.Inactive).ToList() ?? [];
                var unmuted = alerts.Where(a => a.MutedBy is null).ToList();
                var quorum = Latest(CatalogNames.ClusterQuorum);
                result.Add(new ClusterDto(
                    cluster.Name,
                    DateTimeOffset.FromUnixTimeMilliseconds(cluster.LastReportMs),
                    quorum is null ? null : quorum.Value != 0,
                    Latest(CatalogNames.ClusterVotesPresent),
                    Latest(CatalogNames.ClusterVotesConfigured),
                    cluster.SeriesCount,
                    nodes,
                    unmuted.Count(a => a.State == AlertState.Firing),
                    unmuted.Count(a => a.State == AlertState.Pending),
                    alerts.Count - unmuted.Count,
                    BySeverity(unmuted.Where(a => a.State == AlertState.Firing)),
                    nowMs - cluster.LastReportMs > staleMs));
            }
        }

        return Results.Json(new { clusters = result });
    }

    /// <summary>Most history steps one request returns.</summary>
    public const int MaxHistory = 1000;

    /// <summary>
    /// <c>GET /api/v1/clusters/{name}/alerts/history?limit=200</c>: the cluster's alert history from the state store
    /// (firing, muted, resolved), newest first; 404 for a cluster Rules does not know.
    /// </summary>
    public static IResult AlertHistory(string name, int? limit, SeriesStore store, State.IStateStore state)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(state);
        if (limit is < 1 or > MaxHistory)
        {
            return Results.Problem($"limit must be between 1 and {MaxHistory}", statusCode: StatusCodes.Status400BadRequest);
        }

        var steps = state.LoadAlertHistory(name, limit ?? 200);
        if (steps.Count == 0 && store.Clusters.All(c => c.Name != name))
        {
            return Results.Problem($"no cluster named '{name}'", statusCode: StatusCodes.Status404NotFound);
        }

        return Results.Json(new
        {
            cluster = name,
            history = steps.Select(s => new { at = s.At, alert = s.Alert, severity = s.Severity, phase = s.Phase, mutedBy = s.MutedBy, labels = s.Labels }),
        });
    }

    /// <summary>Liveness: the service answers and how much it holds.</summary>
    public static IResult Health(SeriesStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Results.Json(new { status = "ok", clusters = store.Clusters.Count, series = store.Clusters.Sum(c => c.SeriesCount) });
    }

    private static Dictionary<string, int> BySeverity(IEnumerable<Alert> alerts) =>
        alerts.GroupBy(a => a.Severity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static int SeverityRank(string severity) => severity switch
    {
        "critical" => 0,
        "warning" => 1,
        "info" => 2,
        _ => 3,
    };
}
