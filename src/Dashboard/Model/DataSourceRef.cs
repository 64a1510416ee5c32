namespace AzLocalMonitor.Dashboard.Model;

/// <summary>A reference to a Grafana datasource by plugin type and uid (the uid may be a variable such as <c>${datasource}</c>).</summary>
public sealed record DataSourceRef(string Type, string Uid)
{
    /// <summary>The Prometheus datasource chosen by the dashboard's <c>datasource</c> variable.</summary>
    public static DataSourceRef PrometheusVariable { get; } = new("prometheus", "${datasource}");
}
