using AzLocalMonitor.Dashboard.Factories;

namespace AzLocalMonitor.Integration.Tests.Dashboards;

/// <summary>Runs dashboard queries against Prometheus the way Grafana would, with one set of variable values.</summary>
public static class PanelVerifier
{
    /// <summary>Range queries cover the last minute (the test's history), one point per 5 s.</summary>
    public static readonly TimeSpan RangeWindow = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan RangeStep = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs every query of <paramref name="queries"/>. <paramref name="values"/> gives each variable's value
    /// (a regex, as Grafana substitutes multi-value variables); missing ones are "All" (<c>.*</c>).
    /// </summary>
    public static async Task<IReadOnlyList<PanelCheck>> RunAsync(PrometheusApi api, IEnumerable<PanelQuery> queries, string pass, IReadOnlyDictionary<string, string>? values)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(queries);
        var checks = new List<PanelCheck>();
        foreach (var query in queries)
        {
            checks.Add(await CheckAsync(api, query, pass, values));
        }

        return checks;
    }

    private static async Task<PanelCheck> CheckAsync(PrometheusApi api, PanelQuery query, string pass, IReadOnlyDictionary<string, string>? values)
    {
        var expr = Queries.Substitute(query.Expr, values);
        if (expr.Contains('$', StringComparison.Ordinal))
        {
            return new PanelCheck(pass, query, expr, 0, null, null, "a dashboard variable other than $cluster, $node, $resource is left in the expression");
        }

        if (query.Kind == PanelQuery.LabelValues)
        {
            if (query.Label is null)
            {
                return new PanelCheck(pass, query, expr, 0, null, null, "variable query is not label_values(series, label)");
            }

            var listed = await api.LabelValuesAsync(expr, query.Label);
            return new PanelCheck(pass, query, $"label_values({expr}, {query.Label})", listed.Count, null, null, listed.Error);
        }

        var instant = await api.InstantAsync(expr);
        ApiAnswer? range = query.Kind == PanelQuery.Range ? await api.RangeAsync(expr, RangeWindow, RangeStep) : null;
        ApiAnswer? primary = query.Primary is { } p ? await api.InstantAsync(Queries.Substitute(p, values)) : null;
        var error = instant.Error ?? range?.Error ?? primary?.Error;
        return new PanelCheck(pass, query, expr, instant.Count, range?.Count, primary?.Count, error) { LegendProblem = LegendProblem(query, instant) };
    }

    /// <summary>
    /// Label content, not only data: each label the legend names must be on the returned series — <c>cluster</c> on
    /// every one (clusters share node names), any other on at least one (a cluster-scope alert has no node).
    /// </summary>
    /// <summary>
    /// Labels a legend may name that a source need not send: <c>volume</c> on CSVFS latency (per-volume counters where
    /// the collector reads them, the node's _Total otherwise; the simulator sends only _Total).
    /// </summary>
    private static readonly HashSet<string> OptionalLegendLabels = new(StringComparer.Ordinal) { "volume" };

    public static string? LegendProblem(PanelQuery query, ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Series.Count == 0)
        {
            return null;
        }

        foreach (var label in query.LegendLabels.Where(l => !OptionalLegendLabels.Contains(l)))
        {
            bool Has(IReadOnlyDictionary<string, string> s) => s.TryGetValue(label, out var v) && v.Length > 0;
            if (label == "cluster" ? !answer.Series.All(Has) : !answer.Series.Any(Has))
            {
                return $"legend names {{{{{label}}}}} but {(label == "cluster" ? "a series lacks it" : "no series carries it")}";
            }
        }

        return null;
    }
}
