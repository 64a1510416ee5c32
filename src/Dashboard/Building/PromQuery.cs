namespace AzLocalMonitor.Dashboard.Building;

/// <summary>A PromQL query before it becomes a panel target (the panel assigns refIds and the datasource).</summary>
/// <param name="Expr">PromQL; may use <c>$cluster</c>, <c>$node</c> and other dashboard variables.</param>
/// <param name="Legend">Legend template such as <c>{{node}}</c>, or null for Grafana's automatic legend.</param>
/// <param name="Instant">Instant query (stat, table, bar gauge) rather than range (graph).</param>
/// <param name="Table">Return a table (labels as columns) instead of time series.</param>
public sealed record PromQuery(string Expr, string? Legend, bool Instant, bool Table);
