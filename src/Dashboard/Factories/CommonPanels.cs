using AzLocalMonitor.Dashboard.Building;
using static AzLocalMonitor.Dashboard.Factories.Queries;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Panels that several dashboards show the same way.</summary>
public static class CommonPanels
{
    /// <summary>Round-trip latency per node and peer on one network, with its budget as a dashed line.</summary>
    public static PanelBuilder NetworkLatency(string network, double budget, string budgetText, string meaning) =>
        Panels.TimeSeries($"Network latency: {network}")
            .Description($"Round trip from each node to each peer on the {network} network. Dashed red: the policy's AzLocalNetworkLatencyHigh budget for this network per cluster (default {budgetText}). {meaning}")
            .Query(Range($$"""max by (cluster, node, peer) ({{Metric.NetworkLatency}}{cluster=~"$cluster", node=~"$node", network="{{network}}"})""", "{{cluster}} / {{node}} -> {{peer}}"))
            .Query(PolicyLine("AzLocalNetworkLatencyHigh", network))
            .Unit("s").Range(0, null)
            .Thresholds(ThresholdPresets.AtMost(budget))
            .Override(Overrides.PolicyLines());

    /// <summary>The three latency panels with the module's budgets: storage 0.5 ms, management 1 ms, cluster 5 ms.</summary>
    public static PanelBuilder[] NetworkLatencies() =>
    [
        NetworkLatency("storage", Budgets.StorageNetworkLatency, "0.5 ms", "RDMA/SMB traffic between nodes: a slow storage network slows every write and every rebuild."),
        NetworkLatency("management", Budgets.ManagementNetworkLatency, "1 ms", "Management traffic (Windows Admin Center, Azure Arc, monitoring)."),
        NetworkLatency("cluster", Budgets.ClusterNetworkLatency, "5 ms", "Cluster heartbeats: above budget, nodes risk being removed from membership."),
    ];

    /// <summary>A table of ALERTS series (name, severity, cluster, node, what mutes it; state when asked), coloured by severity.</summary>
    public static PanelBuilder AlertTable(string title, string expr, bool showState = false)
    {
        string[] hidden = showState ? [.. Transformations.NoiseColumns, "Value"] : [.. Transformations.NoiseColumns, "Value", "alertstate"];
        var panel = Panels.Table(title)
            .Description("One row per alert instance. Critical alerts page on-call; each alert's runbook annotation (in Alertmanager) gives the first step. 'Muted by' is set on alerts held back (inhibition, maintenance, silence): shown, not sent. Click a cluster to open its overview.")
            .Query(Table(expr))
            .Transform(Transformations.Organize(hidden,
                ("alertname", "Alert"), ("alertstate", "State"), ("severity", "Severity"), ("cluster", "Cluster"), ("node", "Node"), ("muted_by", "Muted by")))
            .Override(Overrides.ColoredColumn("Severity", Mappings.Severities()))
            .Override(Overrides.LinkColumn("Cluster", Links.ToCluster(Links.Cell("cluster"))));
        return showState ? panel.Override(Overrides.ColoredColumn("State", Mappings.AlertStates())) : panel;
    }

    /// <summary>
    /// <paramref name="expr"/> only while Prometheus scrapes Rules: with Rules down the panel shows "unknown", never a
    /// reassuring 0 from a constant fallback.
    /// </summary>
    public static string WhileRulesUp(string expr) => $"({expr}) and on () ({RulesMetric.RulesUp})";

    /// <summary>
    /// Alerts of one severity that page now (firing, not muted) and the clusters they hit, as a stat; 0 only while
    /// Rules is scraped. Info never turns red: it is neutral.
    /// </summary>
    public static PanelBuilder FiringCount(string severity, string title) =>
        Panels.Stat(title)
            .Description($"Alerts of severity {severity} that page now (firing and not muted by inhibition, maintenance or a silence) for the selected clusters, and how many clusters they hit. 'unknown': Prometheus cannot scrape Rules.")
            .Query(Instant(WhileRulesUp($$"""count({{RulesMetric.Alerts}}{{{RulesMetric.Paging}}, severity="{{severity}}", cluster=~"$cluster"}) or vector(0)"""), "alerts"))
            .Query(Instant(WhileRulesUp($$"""count(count by (cluster) ({{RulesMetric.Alerts}}{{{RulesMetric.Paging}}, severity="{{severity}}", cluster=~"$cluster"})) or vector(0)"""), "clusters"))
            .NoValue("unknown")
            .Thresholds(severity == "critical" ? ThresholdPresets.BadCount() : severity == "warning" ? ThresholdPresets.WarningCount() : ThresholdPresets.Neutral());

    /// <summary>Alerts that page over time, one line per severity in the severity's colour.</summary>
    public static PanelBuilder FiringBySeverity() =>
        Panels.TimeSeries("Firing alerts by severity")
            .Description("How many alerts paged over time (firing, not muted), per severity. A step up on many clusters at once points at a shared cause (network, monitoring path).")
            .Query(Range($$"""count by (severity) ({{RulesMetric.Alerts}}{{{RulesMetric.Paging}}, cluster=~"$cluster"})""", "{{severity}}"))
            .Unit("short").Range(0, null)
            .Override(Overrides.SeriesColor("critical", "red"))
            .Override(Overrides.SeriesColor("warning", "orange"))
            .Override(Overrides.SeriesColor("info", "blue"));
}
