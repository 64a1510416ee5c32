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

    /// <summary>Zero for every cluster Rules knows (silent ones too), so per-cluster counts show 0 instead of an empty cell.</summary>
    private static readonly string ZeroPerCluster = $$"""(0 * max by (cluster) ({{R.ClusterLastReport}}{cluster=~"$cluster"}))""";

    /// <summary>Telemetry older than this (seconds) is stale: the cluster's facts are unknown, not healthy.</summary>
    private const int StaleSeconds = 60;

    public static DashboardBuilder Create() =>
        DashboardDefaults.Create(Uid, Title,
                "NOC wall view of every Azure Local cluster: what is red now, worst first. Counts are of alerts that page (not muted); a silent cluster or a Rules that cannot be scraped shows as unknown, never green. Click a cluster to drill down.",
                "fleet")
            .Row("Fleet")
            .Panels(
                Panels.Stat("Rules")
                    .Description("Whether Prometheus scrapes Rules. DOWN: every other panel is stale or unknown — nothing here can be read as healthy.")
                    .Size(3, 4)
                    .Query(Instant($$"""max(up{job="{{R.RulesJob}}"})"""))
                    .Mapping(Mappings.Of(("1", "UP", "green"), ("0", "DOWN", "red")))
                    .NoValue("NOT SCRAPED")
                    .Thresholds(PanelBuilder.ThresholdsOf("red", ("green", 1))),
                Panels.Stat("Clusters")
                    .Description("Clusters Rules knows (from its per-cluster last-report series, kept for silent clusters too), and how many sent nothing for a minute: their facts below are unknown.")
                    .Size(3, 4)
                    .Query(Instant($$"""count({{R.ClusterLastReport}}{cluster=~"$cluster"})""", "known"))
                    .Query(Instant($$"""sum(time() - {{R.ClusterLastReport}}{cluster=~"$cluster"} > bool {{StaleSeconds}})""", "stale"))
                    .NoValue("unknown")
                    .Override(Overrides.SeriesColor("stale", "orange"))
                    .Thresholds(ThresholdPresets.Neutral()),
                Panels.Stat("Clusters without quorum")
                    .Description("Clusters whose cluster service lost quorum: all their workloads are down. Page on-call. 'unknown': no fresh quorum report at all.")
                    .Size(3, 4)
                    .Query(Instant($$"""count(max by (cluster) ({{M.Quorum}}{cluster=~"$cluster"}) == 0) or (0 * count({{M.Quorum}}{cluster=~"$cluster"}))"""))
                    .NoValue("unknown")
                    .Thresholds(ThresholdPresets.BadCount()),
                Panels.Stat("Nodes down")
                    .Description("Nodes in state Down across the fleet, counted only from fresh membership reports: 'unknown' when none arrives, never a green 0.")
                    .Size(3, 4)
                    .Query(Instant($$"""sum({{M.NodeState}}{cluster=~"$cluster", state="down"}) or (0 * count({{M.NodeState}}{cluster=~"$cluster"}))"""))
                    .NoValue("unknown")
                    .Thresholds(ThresholdPresets.BadCount()),
                Panels.Stat("Volumes not OK")
                    .Description("Volumes whose operational state is not OK (degraded, incomplete, in service, detached, no redundancy), from fresh reports only: 'unknown' when none arrives.")
                    .Size(3, 4)
                    .Query(Instant($$"""sum({{M.VolumeOperational}}{cluster=~"$cluster", state!="ok"}) or (0 * count({{M.VolumeOperational}}{cluster=~"$cluster"}))"""))
                    .NoValue("unknown")
                    .Thresholds(ThresholdPresets.BadCount()),
                CommonPanels.FiringCount("critical", "Critical alerts").Size(3, 4),
                CommonPanels.FiringCount("warning", "Warning alerts").Size(3, 4),
                CommonPanels.FiringCount("info", "Info alerts").Size(3, 4))
            .Row("Clusters")
            .Panel(ClusterTable())
            .Panels(
                Panels.StateTimeline("Quorum history (worst 20)")
                    .Description("Quorum over time of twenty clusters, those that lost it in the last 24 h first (at fleet scale the healthy ones would drown them): red bands are outages of the whole cluster.")
                    .Size(12, 8)
                    .Query(Range($$"""max by (cluster) ({{M.Quorum}}{cluster=~"$cluster"}) and on (cluster) bottomk(20, min by (cluster) (min_over_time({{M.Quorum}}{cluster=~"$cluster"}[1d])))""", "{{cluster}}"))
                    .Mapping(Mappings.Quorum())
                    .DataLink(Links.ToCluster()),
                CommonPanels.FiringBySeverity().Size(12, 8),
                Panels.TimeSeries("Nodes not up per cluster (top 10)")
                    .Description("Members not in state Up, for the ten clusters with the most. A rise is a node outage or a planned pause.")
                    .Size(12, 8)
                    .Query(Range($$"""topk(10, sum by (cluster) ({{M.NodeState}}{cluster=~"$cluster", state!="up"}) > 0)""", "{{cluster}}"))
                    .Unit("short").Range(0, null).Decimals(0)
                    .NoValue("Every node is up")
                    .DataLink(Links.ToCluster()),
                Panels.BarGauge("Telemetry age (oldest 20 clusters)")
                    .Description("Seconds since the freshest report of any node of the cluster, the twenty oldest first. High on one cluster: its monitoring path is lost (AzLocalTelemetryLost), not necessarily the cluster.")
                    .Size(12, 8)
                    .Query(Instant($$"""topk(20, time() - max by (cluster) ({{R.ClusterLastReport}}{cluster=~"$cluster"}))""", "{{cluster}}"))
                    .Unit("s")
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", 30), ("red", 120)))
                    .DataLink(Links.ToCluster()));

    /// <summary>One row per cluster Rules knows, worst first: alerts that page, quorum, nodes, storage, telemetry age.</summary>
    private static PanelBuilder ClusterTable() =>
        Panels.Table("Cluster health")
            .Description("One row per cluster Rules knows, most critical alerts first. Red cells need action: quorum lost, volumes or pools not healthy, critical alerts paging. An empty Quorum or Nodes cell with a high telemetry age: the cluster is silent, its state unknown. Click a cluster name for its overview.")
            .Size(24, 10)
            .Query(Table($$"""time() - max by (cluster) ({{R.ClusterLastReport}}{cluster=~"$cluster"})"""))
            .Query(Table($$"""max by (cluster) ({{M.Quorum}}{cluster=~"$cluster"})"""))
            .Query(Table($$"""sum by (cluster) ({{M.NodeState}}{cluster=~"$cluster", state="up"})"""))
            .Query(Table($$"""count by (cluster) ({{M.NodeState}}{cluster=~"$cluster", state="up"})"""))
            .Query(Table($$"""sum by (cluster) ({{M.VolumeOperational}}{cluster=~"$cluster", state!="ok"})"""))
            .Query(Table($$"""sum by (cluster) ({{M.PoolHealth}}{cluster=~"$cluster", state!="healthy"})"""))
            .Query(Table($$"""count by (cluster) ({{R.Alerts}}{{{R.Paging}}, severity="critical", cluster=~"$cluster"}) or {{ZeroPerCluster}}"""))
            .Query(Table($$"""count by (cluster) ({{R.Alerts}}{{{R.Paging}}, severity="warning", cluster=~"$cluster"}) or {{ZeroPerCluster}}"""))
            .Transform(Transformations.Merge())
            .Transform(Transformations.Organize(["Time"],
                ("cluster", "Cluster"), ("Value #A", "Telemetry age"), ("Value #B", "Quorum"), ("Value #C", "Nodes up"), ("Value #D", "Nodes"),
                ("Value #E", "Volumes not OK"), ("Value #F", "Pools not healthy"), ("Value #G", "Critical alerts"), ("Value #H", "Warning alerts")))
            .Option("sortBy", new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["displayName"] = "Critical alerts", ["desc"] = true }))
            .Override(Overrides.UnitColumn("Telemetry age", "s", PanelBuilder.ThresholdsOf("green", ("orange", 30), ("red", 120))))
            .Override(Overrides.ColoredColumn("Quorum", Mappings.Quorum()))
            .Override(Overrides.UnitColumn("Volumes not OK", "short", ThresholdPresets.BadCount()))
            .Override(Overrides.UnitColumn("Pools not healthy", "short", ThresholdPresets.BadCount()))
            .Override(Overrides.UnitColumn("Critical alerts", "short", ThresholdPresets.BadCount()))
            .Override(Overrides.UnitColumn("Warning alerts", "short", ThresholdPresets.WarningCount()))
            .Override(Overrides.LinkColumn("Cluster", Links.ToCluster(Links.Cell("cluster"))));
}
