using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Factories;
using static AzLocalMonitor.Dashboard.Factories.Queries;
using M = AzLocalMonitor.Dashboard.Factories.Metric;
using R = AzLocalMonitor.Dashboard.Factories.RulesMetric;

namespace AzLocalMonitor.Dashboard.Dashboards;

/// <summary>Fleet overview (issue 7): every cluster's health, quorum, nodes up, storage state and firing alerts.</summary>
public static class FleetOverviewDashboard
{
    public const string Uid = "azlm-fleet-overview";
    public const string Title = "Azure Local / Fleet overview";

    /// <summary>Zero for every selected cluster, so per-cluster counts show 0 instead of an empty cell.</summary>
    private static readonly string ZeroPerCluster = $$"""(0 * max by (cluster) ({{M.NodeState}}{cluster=~"$cluster"}))""";

    public static DashboardBuilder Create() =>
        DashboardDefaults.Create(Uid, Title,
                "NOC wall view of every Azure Local cluster: what is red now. Click a cluster to drill down.",
                "fleet")
            .Row("Fleet")
            .Panels(
                Panels.Stat("Clusters")
                    .Description("Clusters reporting node membership to Rules.")
                    .Query(Instant($$"""count(count by (cluster) ({{M.NodeState}}{cluster=~"$cluster"})) or vector(0)"""))
                    .Thresholds(ThresholdPresets.Neutral()),
                Panels.Stat("Clusters without quorum")
                    .Description("Clusters whose cluster service lost quorum: all their workloads are down. Page on-call.")
                    .Query(Instant($$"""count(max by (cluster) ({{M.Quorum}}{cluster=~"$cluster"}) == 0) or vector(0)"""))
                    .Thresholds(ThresholdPresets.BadCount()),
                Panels.Stat("Nodes down")
                    .Description("Nodes in state Down across the fleet.")
                    .Query(Instant($$"""sum({{M.NodeState}}{cluster=~"$cluster", state="down"}) or vector(0)"""))
                    .Thresholds(ThresholdPresets.BadCount()),
                Panels.Stat("Volumes not OK")
                    .Description("Volumes whose operational state is not OK (degraded, incomplete, in service, detached, no redundancy) across the fleet.")
                    .Query(Instant($$"""sum({{M.VolumeOperational}}{cluster=~"$cluster", state!="ok"}) or vector(0)"""))
                    .Thresholds(ThresholdPresets.BadCount()),
                CommonPanels.FiringCount("critical", "Critical alerts"),
                CommonPanels.FiringCount("warning", "Warning alerts"))
            .Row("Clusters")
            .Panel(ClusterTable())
            .Panels(
                Panels.StateTimeline("Quorum history")
                    .Description("Quorum per cluster over time: red bands are outages of the whole cluster.")
                    .Size(12, 8)
                    .Query(Range($$"""max by (cluster) ({{M.Quorum}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Mapping(Mappings.Quorum())
                    .DataLink(Links.ToCluster()),
                CommonPanels.FiringBySeverity().Size(12, 8),
                Panels.TimeSeries("Nodes up per cluster")
                    .Description("Members in state Up per cluster. A drop is a node outage or a planned pause.")
                    .Size(12, 8)
                    .Query(Range($$"""sum by (cluster) ({{M.NodeState}}{cluster=~"$cluster", state="up"})""", "{{cluster}}"))
                    .Unit("short").Range(0, null).Decimals(0)
                    .DataLink(Links.ToCluster()),
                Panels.BarGauge("Telemetry age per cluster")
                    .Description("Seconds since the freshest report of any node of the cluster. High on one cluster: its monitoring path is lost (AzLocalTelemetryLost), not necessarily the cluster.")
                    .Size(12, 8)
                    .Query(Instant($$"""time() - max by (cluster) ({{R.NodeLastReport}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Unit("s")
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", 30), ("red", 120)))
                    .DataLink(Links.ToCluster()));

    /// <summary>One row per cluster: quorum, nodes, storage state, firing alerts; click to drill down.</summary>
    private static PanelBuilder ClusterTable() =>
        Panels.Table("Cluster health")
            .Description("One row per cluster. Red cells need action: quorum lost, volumes or pools not healthy, critical alerts firing. Click a cluster name for its overview.")
            .Size(24, 10)
            .Query(Table($$"""max by (cluster) ({{M.Quorum}}{cluster=~"$cluster"})"""))
            .Query(Table($$"""sum by (cluster) ({{M.NodeState}}{cluster=~"$cluster", state="up"})"""))
            .Query(Table($$"""count by (cluster) ({{M.NodeState}}{cluster=~"$cluster", state="up"})"""))
            .Query(Table($$"""sum by (cluster) ({{M.VolumeOperational}}{cluster=~"$cluster", state!="ok"}) or {{ZeroPerCluster}}"""))
            .Query(Table($$"""sum by (cluster) ({{M.PoolHealth}}{cluster=~"$cluster", state!="healthy"}) or {{ZeroPerCluster}}"""))
            .Query(Table($$"""count by (cluster) ({{R.Alerts}}{alertstate="firing", severity="critical", cluster=~"$cluster"}) or {{ZeroPerCluster}}"""))
            .Query(Table($$"""count by (cluster) ({{R.Alerts}}{alertstate="firing", severity="warning", cluster=~"$cluster"}) or {{ZeroPerCluster}}"""))
            .Transform(Transformations.Merge())
            .Transform(Transformations.Organize(["Time"],
                ("cluster", "Cluster"), ("Value #A", "Quorum"), ("Value #B", "Nodes up"), ("Value #C", "Nodes"),
                ("Value #D", "Volumes not OK"), ("Value #E", "Pools not healthy"), ("Value #F", "Critical alerts"), ("Value #G", "Warning alerts")))
            .Override(Overrides.ColoredColumn("Quorum", Mappings.Quorum()))
            .Override(Overrides.UnitColumn("Volumes not OK", "short", ThresholdPresets.BadCount()))
            .Override(Overrides.UnitColumn("Pools not healthy", "short", ThresholdPresets.BadCount()))
            .Override(Overrides.UnitColumn("Critical alerts", "short", ThresholdPresets.BadCount()))
            .Override(Overrides.UnitColumn("Warning alerts", "short", ThresholdPresets.WarningCount()))
            .Override(Overrides.LinkColumn("Cluster", Links.ToCluster(Links.Cell("cluster"))));
}
