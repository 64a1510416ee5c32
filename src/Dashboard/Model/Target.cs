namespace AzLocalMonitor.Dashboard.Model;

/// <summary>A Prometheus query of a panel, as Grafana stores it.</summary>
public sealed record Target
{
    public required DataSourceRef Datasource { get; init; }

    /// <summary>Always <c>code</c>: the expression is written by hand.</summary>
    public string EditorMode { get; init; } = "code";

    /// <summary>The PromQL expression; may use the dashboard variables <c>$cluster</c>, <c>$node</c>...</summary>
    public required string Expr { get; init; }

    /// <summary><c>time_series</c> or <c>table</c>.</summary>
    public string Format { get; init; } = "time_series";

    /// <summary>Evaluate once at the end of the range (stats, tables, bar gauges).</summary>
    public bool Instant { get; init; }

    /// <summary>Series name template, e.g. <c>{{node}}</c>; <c>__auto</c> when unset.</summary>
    public string LegendFormat { get; init; } = "__auto";

    /// <summary>Evaluate over the dashboard's time range (graphs).</summary>
    public bool Range { get; init; }

    /// <summary>A, B, C... unique within the panel.</summary>
    public required string RefId { get; init; }
}
