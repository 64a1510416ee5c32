using AzLocalMonitor.Dashboard.Building;
using static AzLocalMonitor.Dashboard.Factories.Queries;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Panels that several dashboards show the same way.</summary>
public static class CommonPanels
{
    /// <summary>Round-trip latency per node and peer on one network, with its budget as a dashed line.</summary>
    public static PanelBuilder NetworkLatency(string network, double budget, string budgetText, string meaning) =>
        Panels.TimeSeriesWithBudget($"Network latency: {network}")
            .Description($"Round trip from each node to each peer on the {network} network. Budget {budgetText} (dashed line). {meaning}")
            .Query(Range($$"""max by (cluster, node, peer) ({{Metric.NetworkLatency}}{cluster=~"$cluster", node=~"$node", network="{{network}}"})""", "{{node}} -> {{peer}}"))
            .Unit("s").Range(0, null)
            .Thresholds(ThresholdPresets.AtMost(budget));

    /// <summary>The three latency panels with the module's budgets: storage 0.5 ms, management 1 ms, cluster 5 ms.</summary>
    public static PanelBuilder[] NetworkLatencies() =>
    [
        NetworkLatency("storage", Budgets.StorageNetworkLatency, "0.5 ms", "RDMA/SMB traffic between nodes: a slow storage network slows every write and every rebuild."),
        NetworkLatency("management", Budgets.ManagementNetworkLatency, "1 ms", "Management traffic (Windows Admin Center, Azure Arc, monitoring)."),
        NetworkLatency("cluster", Budgets.ClusterNetworkLatency, "5 ms", "Cluster heartbeats: above budget, nodes risk being removed from membership."),
    ];

    /// <summary>A table of ALERTS series (name, severity, cluster, node; state when asked), coloured by severity.</summary>
    public static PanelBuilder AlertTable(string title, string expr, bool showState = false)
    {
        string[] hidden = showState ? [.. Transformations.NoiseColumns, "Value"] : [.. Transformations.NoiseColumns, "Value", "alertstate"];
        var panel = Panels.Table(title)
            .Description("One row per alert instance. Critical alerts page on-call; each alert's runbook annotation (in Alertmanager) gives the first step. Click a cluster to open its overview.")
            .Query(Table(expr))
            .Transform(Transformations.Organize(hidden,
                ("alertname", "Alert"), ("alertstate", "State"), ("severity", "Severity"), ("cluster", "Cluster"), ("node", "Node")))
            .Override(Overrides.ColoredColumn("Severity", Mappings.Severities()))
            .Override(Overrides.LinkColumn("Cluster", Links.ToCluster(Links.Cell("cluster"))));
        return showState ? panel.Override(Overrides.ColoredColumn("State", Mappings.AlertStates())) : panel;
    }

    /// <summary>Firing alerts of one severity as a stat (0 when none).</summary>
    public static PanelBuilder FiringCount(string severity, string title) =>
        Panels.Stat(title)
            .Description($"Alerts of severity {severity} firing now for the selected clusters.")
            .Query(Instant($$"""count({{RulesMetric.Alerts}}{alertstate="firing", severity="{{severity}}", cluster=~"$cluster"}) or vector(0)"""))
            .Thresholds(severity == "critical" ? ThresholdPresets.BadCount() : severity == "warning" ? ThresholdPresets.WarningCount() : ThresholdPresets.Neutral());

    /// <summary>Firing alerts over time, one line per severity in the severity's colour.</summary>
    public static PanelBuilder FiringBySeverity() =>
        Panels.TimeSeries("Firing alerts by severity")
            .Description("How many alerts fired over time, per severity. A step up on many clusters at once points at a shared cause (network, monitoring path).")
            .Query(Range($$"""count by (severity) ({{RulesMetric.Alerts}}{alertstate="firing", cluster=~"$cluster"})""", "{{severity}}"))
            .Unit("short").Range(0, null)
            .Override(Overrides.SeriesColor("critical", "red"))
            .Override(Overrides.SeriesColor("warning", "orange"))
            .Override(Overrides.SeriesColor("info", "blue"));
}
