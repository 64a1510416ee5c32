namespace AzLocalMonitor.Dashboard.Model;

/// <summary>
/// A Prometheus annotation query: Grafana marks the time while <see cref="Expr"/> returns a series, on every time
/// panel, titled from its labels. Serialised into the dashboard's <c>annotations.list</c>.
/// </summary>
public sealed record Annotation(string Name, string Expr, string IconColor, string TitleFormat, string TagKeys)
{
    public DataSourceRef Datasource { get; init; } = DataSourceRef.PrometheusVariable;

    public bool Enable { get; init; } = true;

    public string Step { get; init; } = "60s";

    public string TextFormat { get; init; } = "";

    public bool UseValueForTime { get; init; }
}

/// <summary>The dashboard's <c>annotations</c> object.</summary>
public sealed record Annotations(IReadOnlyList<Annotation> List);
