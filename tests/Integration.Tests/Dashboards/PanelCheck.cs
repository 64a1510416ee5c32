namespace AzLocalMonitor.Integration.Tests.Dashboards;

/// <summary>
/// One dashboard query run against Prometheus with the variables of one pass substituted.
/// </summary>
/// <param name="Pass">Which variable values: <c>selected</c> (one cluster, node, resource) or <c>all</c> (Grafana's "All" = <c>.*</c>).</param>
/// <param name="Query">The dashboard query.</param>
/// <param name="Expr">The expression sent (variables substituted).</param>
/// <param name="Instant">Series the instant query returned (label values for a variable).</param>
/// <param name="Range">Series with points in the range query over the last minute; null when the panel is not a graph.</param>
/// <param name="Primary">Series the expression returned without its constant fallback (<see cref="PanelQuery.Primary"/>); null without one.</param>
/// <param name="Error">Prometheus' error (parse or execution) or a substitution problem; null when every query ran.</param>
public sealed record PanelCheck(string Pass, PanelQuery Query, string Expr, int Instant, int? Range, int? Primary, string? Error)
{
    /// <summary>
    /// What the legend would show wrong, or null: a label it names that no returned series carries (a repair bar whose
    /// <c>{{repair_job}}</c> is empty because Prometheus renamed the label), or a series without <c>cluster</c>.
    /// </summary>
    public string? LegendProblem { get; init; }

    /// <summary>The query parsed, ran and returned data (both the instant and, for graphs, the range query).</summary>
    public bool ReturnsData => Error is null && Instant > 0 && Range is null or > 0;

    /// <summary><see cref="ReturnsData"/>, and not only through a constant fallback.</summary>
    public bool ReturnsRealData => ReturnsData && Primary is null or > 0;

    public string Status =>
        Error is not null ? "ERROR"
        : LegendProblem is not null ? "LEGEND"
        : !ReturnsData ? "EMPTY"
        : !ReturnsRealData ? "fallback only"
        : "ok";
}
