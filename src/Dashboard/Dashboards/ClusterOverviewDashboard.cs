using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Factories;
using static AzLocalMonitor.Dashboard.Factories.Queries;
using M = AzLocalMonitor.Dashboard.Factories.Metric;
using R = AzLocalMonitor.Dashboard.Factories.RulesMetric;

namespace AzLocalMonitor.Dashboard.Dashboards;

/// <summary>Cluster overview (issue 2): quorum, nodes, votes, storage state and capacity, repair, performance, alerts.</summary>
public static class ClusterOverviewDashboard
{
    public const string Uid = "azlm-cluster-overview";
    public const string Title = "Azure Local / Cluster overview";

    public static DashboardBuilder Create() =>
        DashboardDefaults.Create(Uid, Title,
                "Health of one or more Azure Local clusters: quorum, node membership, storage, performance and firing alerts.",
                "cluster")
            .Variable(Variables.Node())
            .Row("Health")
            .Panels(
                Panels.Stat("Quorum")
                    .Description("Whether the cluster holds quorum (the cluster's own verdict, dynamic quorum included). LOST means the cluster service stopped: every VM and volume of the cluster is down. Page on-call.")
                    .Query(Instant($$"""max by (cluster) ({{M.Quorum}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Mapping(Mappings.Quorum())
                    .Thresholds(PanelBuilder.ThresholdsOf("red", ("green", 1))),
                Panels.Stat("Nodes up")
                    .Description("Members in state Up, as seen by the cluster. Compare with the node count of the deployment.")
                    .Query(Instant($$"""sum({{M.NodeState}}{cluster=~"$cluster", state="up"})"""))
                    .Thresholds(PanelBuilder.ThresholdsOf("green")),
                Panels.Stat("Nodes down")
                    .Description("Members in state Down. Any value above 0 means lost votes, degraded volumes and a rebuild when the node returns.")
                    .Query(Instant($$"""sum({{M.NodeState}}{cluster=~"$cluster", state="down"})"""))
                    .Thresholds(ThresholdPresets.BadCount()),
                Panels.Stat("Votes present / configured")
                    .Description("Quorum votes present now and configured (nodes + witness). When present falls to a bare majority, one more failure loses quorum.")
                    .Query(Instant($$"""sum({{M.VotesPresent}}{cluster=~"$cluster"})""", "present"))
                    .Query(Instant($$"""sum({{M.VotesConfigured}}{cluster=~"$cluster"})""", "configured"))
                    .Thresholds(ThresholdPresets.Neutral()),
                Panels.Stat("Witness")
                    .Description("Cloud or file-share witness state. A failed witness on a 2-node cluster puts quorum at risk.")
                    .Query(Instant($$"""max by (cluster, type) ({{M.WitnessState}}{cluster=~"$cluster", state="ok"})""", "{{cluster}} {{type}}"))
                    .Mapping(Mappings.OkFailed())
                    .Thresholds(PanelBuilder.ThresholdsOf("red", ("green", 1))),
                Panels.Stat("Firing alerts")
                    .Description("Alerts firing now for the selected clusters (all severities). Details in the Alerts row below.")
                    .Query(Instant($$"""count({{R.Alerts}}{alertstate="firing", cluster=~"$cluster"}) or vector(0)"""))
                    .Thresholds(ThresholdPresets.BadCount()))
            .Row("Nodes")
            .Panels(
                Panels.Table("Node states")
                    .Description("Current membership state of every node (Up, Down, Paused, Joining, Unknown). Click a node for its details.")
                    .Size(8, 8)
                    .Query(Table($$"""{{M.NodeState}}{cluster=~"$cluster", node=~"$node"} == 1"""))
                    .Transform(Transformations.Organize([.. Transformations.NoiseColumns, "Value"], ("cluster", "Cluster"), ("node", "Node"), ("state", "State")))
                    .Override(Overrides.ColoredColumn("State", Mappings.NodeStates()))
                    .Override(Overrides.LinkColumn("Node", Links.ToNode(Links.Cell("cluster"), Links.Cell("node")))),
                Panels.StateTimeline("Node state history")
                    .Description("Membership state over time: red bands are outages, yellow are pauses (maintenance or drain).")
                    .Size(16, 8)
                    .Query(Range(NodeStateCode(ClusterNode), "{{cluster}} / {{node}}"))
                    .Mapping(Mappings.NodeStateCodes()),
                Panels.TimeSeriesWithBudget("CPU per node")
                    .Description("Host CPU busy (Hyper-V logical processors). Dashed lines: 80% warning, 90% critical. Sustained above 80% leaves no room to absorb a failed node's VMs.")
                    .Query(Range($$"""{{M.NodeCpu}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.Utilization()),
                Panels.TimeSeriesWithBudget("Memory per node")
                    .Description("Used / total physical memory. Dashed lines: 80% warning, 90% critical. Above 80% the cluster may not restart a failed node's VMs elsewhere.")
                    .Query(Range($$"""{{M.NodeMemory}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.Utilization()),
                Panels.BarGauge("Telemetry age per node")
                    .Description("Seconds since Rules last received telemetry from the node. Rising values on one node with peers fresh: node or collector down; on every node: monitoring path lost.")
                    .Query(Instant($$"""time() - max by (cluster, node) ({{R.NodeLastReport}}{cluster=~"$cluster", node=~"$node"})""", "{{cluster}} / {{node}}"))
                    .Unit("s")
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", 30), ("red", 120))))
            .Row("Storage")
            .Panels(
                Panels.Table("Volume operational state")
                    .Description("Operational state of every volume. Degraded/Incomplete/No redundancy: data has lost copies and is rebuilding or at risk; Detached: offline.")
                    .Size(8, 8)
                    .Query(Table($$"""{{M.VolumeOperational}}{cluster=~"$cluster"} == 1"""))
                    .Transform(Transformations.Organize([.. Transformations.NoiseColumns, "Value"], ("cluster", "Cluster"), ("volume", "Volume"), ("state", "State")))
                    .Override(Overrides.ColoredColumn("State", Mappings.OperationalStates())),
                Panels.BarGauge("Pool capacity used")
                    .Description("Storage pool allocated / raw size. Keep free space for the rebuild reserve (one capacity drive per node, up to four): 80% warning, 90% critical.")
                    .Query(Instant($$"""sum by (cluster, pool) ({{M.PoolAllocated}}{cluster=~"$cluster"}) / sum by (cluster, pool) ({{M.PoolSize}}{cluster=~"$cluster"})""", "{{cluster}} / {{pool}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.Utilization())
                    .DataLink(Links.ToStorage()),
                Panels.BarGauge("Volume capacity used")
                    .Description("Used / size of every volume: 80% warning, 90% critical (AzLocalVolumeCapacityHigh).")
                    .Query(Instant($$"""sum by (cluster, volume) ({{M.VolumeUsed}}{cluster=~"$cluster"}) / sum by (cluster, volume) ({{M.VolumeSize}}{cluster=~"$cluster"})""", "{{cluster}} / {{volume}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.Utilization())
                    .DataLink(Links.ToStorage()),
                Panels.BarGauge("Repair progress")
                    .Description("Running repair/regeneration jobs: bytes processed / total. Empty when storage is fully resynced. ETA on the Storage and rebuild dashboard.")
                    .Size(24, 5)
                    .Query(Instant($$"""sum by (cluster, repair_job) ({{M.RepairProcessed}}{cluster=~"$cluster"}) / sum by (cluster, repair_job) ({{M.RepairSize}}{cluster=~"$cluster"})""", "{{cluster}} / {{repair_job}}"))
                    .Unit("percentunit").Range(0, 1)
                    .NoValue("No repair running")
                    .Thresholds(ThresholdPresets.Neutral())
                    .DataLink(Links.ToStorage()))
            .Row("Performance")
            .Panels(
                Panels.TimeSeriesWithBudget("Cache hit ratio")
                    .Description("S2D cache read hits / (hits + misses) per node. Below the 0.8 policy (dashed line) reads fall through to the slower capacity tier (hybrid deployments).")
                    .Query(Range($$"""{{M.CacheHitRatio}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.AtLeast(Budgets.CacheHitRatio)),
                Panels.TimeSeriesWithBudget("Storage latency")
                    .Description("CSVFS average seconds per read and per write, worst volume per node. Budget 10 ms (dashed line): above it VMs feel slow storage.")
                    .Query(Range($$"""max by (cluster, node, op) ({{M.StorageLatency}}{cluster=~"$cluster", node=~"$node"})""", "{{cluster}} / {{node}} {{op}}"))
                    .Unit("s").Range(0, null)
                    .Thresholds(ThresholdPresets.AtMost(Budgets.StorageLatency)),
                Panels.TimeSeries("Storage IOPS")
                    .Description("Read and write operations per second across the selected nodes.")
                    .Query(Range($$"""sum by (cluster, op) (rate({{M.StorageOperations}}{cluster=~"$cluster", node=~"$node"}[5m]))""", "{{cluster}} {{op}}"))
                    .Unit("iops").Range(0, null))
            .Panels(CommonPanels.NetworkLatencies())
            .Row("Alerts")
            .Panel(CommonPanels.AlertTable("Firing alerts", $$"""{{R.Alerts}}{alertstate="firing", cluster=~"$cluster"}""").Size(24, 8));
}
