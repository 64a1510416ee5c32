using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Factories;
using static AzLocalMonitor.Dashboard.Factories.Queries;
using M = AzLocalMonitor.Dashboard.Factories.Metric;
using R = AzLocalMonitor.Dashboard.Factories.RulesMetric;

namespace AzLocalMonitor.Dashboard.Dashboards;

/// <summary>Node details (issue 7): membership, CPU, memory, VMs, disks, storage and network latency, alerts.</summary>
public static class NodeDashboard
{
    public const string Uid = "azlm-node";
    public const string Title = "Azure Local / Node";

    public static DashboardBuilder Create() =>
        DashboardDefaults.Create(Uid, Title,
                "One node (or a few) in depth: membership and drain, compute, disks, storage and network latency, its alerts.",
                "node")
            .Variable(Variables.Node())
            .SingleSelect("cluster")
            .SingleSelect("node")
            .Row("State")
            .Panels(
                Panels.Stat("Membership")
                    .Description("Cluster membership as the cluster sees it. Paused: planned maintenance (VMs drained); Down: unplanned outage.")
                    .Query(Instant(NodeStateCode(ClusterNode), "{{cluster}} / {{node}}"))
                    .Mapping(Mappings.NodeStateCodes()),
                Panels.Stat("Drain")
                    .Description("Role drain status: draining moves VMs off the node before maintenance; a failed drain leaves VMs on a node about to go down.")
                    .Query(Instant(DrainStateCode(ClusterNode), "{{cluster}} / {{node}}"))
                    .Mapping(Mappings.DrainStateCodes()),
                Panels.Stat("Running VMs")
                    .Description("Virtual machines running on the node.")
                    .Query(Instant($$"""{{M.NodeVmCount}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Thresholds(ThresholdPresets.Neutral()),
                Panels.Stat("CPU")
                    .Description("Host CPU busy now: 80% warning, 90% critical.")
                    .Query(Instant($$"""{{M.NodeCpu}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.Utilization()),
                Panels.Stat("Memory")
                    .Description("Used / total physical memory now: 80% warning, 90% critical.")
                    .Query(Instant($$"""{{M.NodeMemory}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.Utilization()),
                Panels.Stat("Telemetry age")
                    .Description("Seconds since Rules last heard from the node's collector. Above 2 minutes: node or collector down.")
                    .Query(Instant($$"""time() - {{R.NodeLastReport}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Unit("s")
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", 30), ("red", 120))))
            .Row("Compute")
            .Panels(
                Panels.TimeSeries("CPU")
                    .Description("Host CPU busy (Hyper-V logical processors). Dashed red: the cluster's AzLocalCpuHigh threshold from the policy (warning; overrides included).")
                    .Query(Range($$"""{{M.NodeCpu}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Query(PolicyLine("AzLocalCpuHigh"))
                    .Unit("percentunit").Range(0, 1)
                    .Override(Overrides.PolicyLines()),
                Panels.TimeSeries("Memory")
                    .Description("Physical memory installed and available. Available near zero: VMs cannot start or fail over here.")
                    .Query(Range($$"""{{M.NodeMemorySize}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}} installed"))
                    .Query(Range($$"""{{M.NodeMemoryAvailable}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}} available"))
                    .Unit("bytes").Range(0, null),
                Panels.TimeSeries("Running VMs")
                    .Description("VMs running on the node over time. A drop to 0 with the node up: drained for maintenance, or VMs failed over.")
                    .Query(Range($$"""{{M.NodeVmCount}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Unit("short").Range(0, null).Decimals(0))
            .Row("Disks and storage")
            .Panels(
                Panels.Table("Physical disks")
                    .Description("Disks per media (NVMe, SSD, HDD), usage (cache or capacity) and health. Any unhealthy disk: AzLocalPhysicalDiskFailed; replace it, S2D rebuilds onto the reserve.")
                    .Size(8, 8)
                    .Query(Table($$"""sum by (cluster, node, media, usage, state) ({{M.DiskCount}}{cluster=~"$cluster", node=~"$node"})"""))
                    .Transform(Transformations.Organize(["Time"],
                        ("node", "Node"), ("media", "Media"), ("usage", "Usage"), ("state", "State"), ("Value", "Disks"), ("cluster", "Cluster")))
                    .Override(Overrides.ColoredColumn("State", Mappings.DiskStates())),
                Panels.TimeSeriesWithBudget("Storage latency")
                    .Description("CSVFS average seconds per read and write, per volume. Budget 10 ms (dashed line).")
                    .Query(Range($$"""max by (cluster, node, op, volume) ({{M.StorageLatency}}{cluster=~"$cluster", node=~"$node"})""", "{{cluster}} / {{node}} {{op}} {{volume}}"))
                    .Unit("s").Range(0, null)
                    .Thresholds(ThresholdPresets.AtMost(Budgets.StorageLatency)),
                Panels.TimeSeries("Storage IOPS")
                    .Description("Read and write operations per second issued by this node.")
                    .Query(Range($$"""sum by (cluster, node, op) (rate({{M.StorageOperations}}{cluster=~"$cluster", node=~"$node"}[$__rate_interval]))""", "{{cluster}} / {{node}} {{op}}"))
                    .Unit("iops").Range(0, null),
                Panels.TimeSeriesWithBudget("Cache hit ratio")
                    .Description("S2D cache read hits / (hits + misses). Below 0.8 (dashed line) reads go to the capacity tier (hybrid deployments).")
                    .Query(Range($$"""{{M.CacheHitRatio}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.AtLeast(Budgets.CacheHitRatio)),
                Panels.TimeSeries("Bytes awaiting resync")
                    .Description("Data on this node waiting to be resynchronised after an outage (ClusterNode.Storage.Degraded). It falls to 0 as the repair completes.")
                    .Query(Range($$"""{{M.Degraded}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Unit("bytes").Range(0, null))
            .Row("Network")
            .Panels(CommonPanels.NetworkLatencies())
            .Panel(Panels.TimeSeries("Network throughput")
                .Description("Bytes per second received and sent, per network. Storage network saturation slows writes and rebuilds.")
                .Size(24, 8)
                .Query(Range($$"""sum by (cluster, node, network, direction) ({{M.NetworkThroughput}}{cluster=~"$cluster", node=~"$node"})""", "{{cluster}} / {{node}} {{network}} {{direction}}"))
                .Unit("Bps").Range(0, null))
            .Row("Alerts")
            .Panel(CommonPanels.AlertTable("Alerts of the node", $$"""{{R.Alerts}}{cluster=~"$cluster", node=~"$node"}""", showState: true).Size(24, 8));
}
