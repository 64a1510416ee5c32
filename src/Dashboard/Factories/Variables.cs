using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Template variable factories: the Prometheus datasource picker and label_values(...) filters.</summary>
public static class Variables
{
    /// <summary><c>$datasource</c>: any Prometheus datasource (default: the provisioned one).</summary>
    public static Variable Datasource() => new()
    {
        Type = "datasource",
        Name = "datasource",
        Label = "Data source",
        Query = "prometheus",
        Refresh = 1,
    };

    /// <summary><c>$cluster</c>: clusters that report node membership.</summary>
    public static Variable Cluster() =>
        LabelValues("cluster", "Cluster", $"{Metric.NodeState}", "cluster");

    /// <summary><c>$node</c>: nodes of the selected clusters.</summary>
    public static Variable Node() =>
        LabelValues("node", "Node", $"{Metric.NodeState}{{{Queries.Cluster}}}", "node");

    /// <summary><c>$resource</c>: forecast resources (storage, memory...) of the selected clusters.</summary>
    public static Variable Resource() =>
        LabelValues("resource", "Resource", $"{RulesMetric.CapacityForecast}{{{Queries.Cluster}}}", "resource");

    /// <summary>A multi-value query variable over <c>label_values(series, label)</c> with "All" = <c>.*</c>.</summary>
    public static Variable LabelValues(string name, string label, string series, string labelName)
    {
        var query = $"label_values({series}, {labelName})";
        return new Variable
        {
            Type = "query",
            Name = name,
            Label = label,
            Datasource = DataSourceRef.PrometheusVariable,
            Definition = query,
            Query = new VariableQuery(1, query, "PrometheusVariableQueryEditor-VariableQuery"),
            IncludeAll = true,
            AllValue = ".*",
            Multi = true,
            Refresh = 2,
            Sort = 1,
        };
    }
}
