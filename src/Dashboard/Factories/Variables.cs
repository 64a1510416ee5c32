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

    /// <summary>
    /// <c>$cluster</c>: every cluster Rules knows, from its last-report series, which Rules keeps for a silent cluster
    /// too: a cluster whose telemetry stopped stays in the list (and shows as stale) instead of vanishing.
    /// </summary>
    public static Variable Cluster() =>
        LabelValues("cluster", "Cluster", RulesMetric.ClusterLastReport, "cluster");

    /// <summary><c>$node</c>: nodes of the selected clusters.</summary>
    public static Variable Node() =>
        LabelValues("node", "Node", $"{Metric.NodeState}{{{Queries.Cluster}}}", "node");

    /// <summary><c>$resource</c>: forecast resources (storage, memory...) of the selected clusters.</summary>
    public static Variable Resource() =>
        LabelValues("resource", "Resource", $"{RulesMetric.CapacityForecast}{{{Queries.Cluster}}}", "resource");

    /// <summary>
    /// <c>$rules</c>: where Rules answers (its capacity report lives at <c>$rules/api/v1/capacity/{cluster}/report</c>);
    /// a text box defaulting to the demo's address, for the planner to set once per Grafana.
    /// </summary>
    public static Variable RulesUrl() => new()
    {
        Type = "textbox",
        Name = "rules",
        Label = "Rules URL",
        Description = "Base URL of AzLocalMonitor Rules, for the capacity report links.",
        Query = "http://127.0.0.1:9480",
        Current = new System.Text.Json.Nodes.JsonObject { ["text"] = "http://127.0.0.1:9480", ["value"] = "http://127.0.0.1:9480" },
    };

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
