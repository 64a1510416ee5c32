using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Factories;
using static AzLocalMonitor.Dashboard.Factories.Queries;
using M = AzLocalMonitor.Dashboard.Factories.Metric;
using R = AzLocalMonitor.Dashboard.Factories.RulesMetric;

namespace AzLocalMonitor.Dashboard.Dashboards;

/// <summary>Cluster overview (issue 2): quorum, nodes, votes, storage state and capacity, repair, performance, sites, witness and replication, alerts.</summary>
public static class ClusterOverviewDashboard
{
    public const string Uid = "azlm-cluster-overview";
    public const string Title = "Azure Local / Cluster overview";

    /// <summary>
    /// Witness per cluster and type: 1 ok, 0 failed, and -1 for type "none" (no witness configured), which the
    /// collector reports as state "ok" — mapped to NONE so it never reads green.
    /// </summary>
    private static readonly string WitnessCode =
        $$"""max by (cluster, type) ({{M.WitnessState}}{cluster=~"$cluster", type!="none", state="ok"}) or (max by (cluster, type) ({{M.WitnessState}}{cluster=~"$cluster", type="none"}) * 0 - 1)""";

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
                    .Description("Members in state Down. Any value above 0 means lost votes, degraded volumes and a rebuild when the node returns. 'unknown': no fresh membership report.")
                    .Query(Instant($$"""sum({{M.NodeState}}{cluster=~"$cluster", state="down"})"""))
                    .NoValue("unknown")
                    .Thresholds(ThresholdPresets.BadCount()),
                Panels.Stat("Votes present / configured")
                    .Description("Quorum votes present now and configured (nodes + witness). When present falls to a bare majority, one more failure loses quorum.")
                    .Query(Instant($$"""sum({{M.VotesPresent}}{cluster=~"$cluster"})""", "present"))
                    .Query(Instant($$"""sum({{M.VotesConfigured}}{cluster=~"$cluster"})""", "configured"))
                    .Thresholds(ThresholdPresets.Neutral()),
                Panels.Stat("Witness")
                    .Description("Cloud or file-share witness state. A failed witness on a 2-node cluster puts quorum at risk (AzLocalQuorumAtRisk); on 3 or more nodes it is AzLocalWitnessFailed. NONE (orange): no witness configured, the cluster relies on node votes alone — a 2-node cluster then cannot lose a node. 'unknown': no witness report.")
                    .Query(Instant(WitnessCode, "{{cluster}} {{type}}"))
                    .Mapping(Mappings.Witness())
                    .NoValue("unknown")
                    .Thresholds(PanelBuilder.ThresholdsOf("red", ("green", 1))),
                Panels.Stat("Alerts paging")
                    .Description("Critical and warning alerts that page now (firing, not muted) for the selected clusters; info (maintenance) never turns this red. Details in the Alerts row below. 'unknown': Prometheus cannot scrape Rules.")
                    .Query(Instant(CommonPanels.WhileRulesUp($$"""count({{R.Alerts}}{{{R.Paging}}, severity=~"critical|warning", cluster=~"$cluster"}) or vector(0)""")))
                    .NoValue("unknown")
                    .Thresholds(ThresholdPresets.BadCount()),
                Panels.Stat("Vote margin")
                    .Description("Votes present minus the majority of votes configured: how many more voters (nodes or witness) the cluster can lose and keep quorum now. 0: the next loss stops the cluster (dynamic quorum may still adjust).")
                    .Query(Instant($$"""sum by (cluster) ({{M.VotesPresent}}{cluster=~"$cluster"}) - (floor(sum by (cluster) ({{M.VotesConfigured}}{cluster=~"$cluster"}) / 2) + 1)""", "{{cluster}}"))
                    .NoValue("unknown")
                    .Thresholds(PanelBuilder.ThresholdsOf("red", ("orange", 0), ("green", 1))))
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
                Panels.TimeSeries("CPU per node")
                    .Description("Host CPU busy (Hyper-V logical processors). Dashed red line: each cluster's AzLocalCpuHigh threshold from the policy (warning; overrides included). Sustained above it leaves no room to absorb a failed node's VMs.")
                    .Query(Range($$"""{{M.NodeCpu}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Query(PolicyLine("AzLocalCpuHigh"))
                    .Unit("percentunit").Range(0, 1)
                    .Override(Overrides.PolicyLines()),
                Panels.TimeSeries("Memory per node")
                    .Description("Used / total physical memory. Dashed red line: each cluster's AzLocalMemoryHigh threshold from the policy (warning; there is no critical memory alert). Above it the cluster may not restart a failed node's VMs elsewhere.")
                    .Query(Range($$"""{{M.NodeMemory}}{cluster=~"$cluster", node=~"$node"}""", "{{cluster}} / {{node}}"))
                    .Query(PolicyLine("AzLocalMemoryHigh"))
                    .Unit("percentunit").Range(0, 1)
                    .Override(Overrides.PolicyLines()),
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
                Panels.BarGauge("Pool allocated of what may be allocated")
                    .Description("Storage pool allocated / (raw size − the rebuild reserve Rules computes: one capacity drive per node, up to four). At 100% the reserve is being eaten: a failed drive can no longer be rebuilt in place (AzLocalReserveCapacityLow). Orange from 90%.")
                    .Query(Instant($$"""sum by (cluster) ({{M.PoolAllocated}}{cluster=~"$cluster"}) / (sum by (cluster) ({{M.PoolSize}}{cluster=~"$cluster"}) - max by (cluster) ({{R.CapacityReserve}}{cluster=~"$cluster"}))""", "{{cluster}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", 0.9), ("red", 1)))
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
                Panels.TimeSeries("Cache hit ratio (hybrid nodes)")
                    .Description("S2D cache read hits / (hits + misses), only for nodes with cache drives over a slower capacity tier (an all-flash node has no cache to miss). Below the policy's AzLocalCacheHitRatioLow threshold (dashed red) reads fall through to the capacity tier.")
                    .Query(Range($$"""{{M.CacheHitRatio}}{cluster=~"$cluster", node=~"$node"} and on (cluster, node) (sum by (cluster, node) ({{M.DiskCount}}{cluster=~"$cluster", node=~"$node", usage="cache"}) > 0)""", "{{cluster}} / {{node}}"))
                    .Query(PolicyLine("AzLocalCacheHitRatioLow"))
                    .Unit("percentunit").Range(0, 1)
                    .NoValue("No hybrid node (no cache drives)")
                    .Override(Overrides.PolicyLines()),
                Panels.TimeSeries("Storage latency")
                    .Description("CSVFS average seconds per read and per write, worst volume per node. Dashed red: the policy's AzLocalStorageLatencyHigh budget per cluster: above it VMs feel slow storage.")
                    .Query(Range($$"""max by (cluster, node, op) ({{M.StorageLatency}}{cluster=~"$cluster", node=~"$node"})""", "{{cluster}} / {{node}} {{op}}"))
                    .Query(PolicyLine("AzLocalStorageLatencyHigh"))
                    .Unit("s").Range(0, null)
                    .Override(Overrides.PolicyLines()),
                Panels.TimeSeries("Storage IOPS")
                    .Description("Read and write operations per second across the selected nodes.")
                    .Query(Range($$"""sum by (cluster, op) (rate({{M.StorageOperations}}{cluster=~"$cluster", node=~"$node"}[$__rate_interval]))""", "{{cluster}} {{op}}"))
                    .Unit("iops").Range(0, null))
            .Panels(CommonPanels.NetworkLatencies())
            .Row("Sites, witness and replication")
            .Panels(
                Panels.Table("Health Service faults")
                    .Description("Active faults of Azure Local's Health Service by severity and type (Microsoft.Health.FaultType.*). Types our own alerts already say (node down, failed disk, degraded storage, reserve, volume capacity, witness) are not alerted twice; the rest alert as AzLocalHealthFault. Empty: no active fault.")
                    .Query(Table($$"""sum by (cluster, severity, type) ({{M.HealthFaults}}{cluster=~"$cluster"}) > 0"""))
                    .Transform(Transformations.Organize(Transformations.NoiseColumns, ("cluster", "Cluster"), ("severity", "Severity"), ("type", "Fault type"), ("Value", "Faults")))
                    .Override(Overrides.ColoredColumn("Severity", Mappings.Severities())),
                Panels.Table("Routine operations (last hour)")
                    .Description("Operations finished within the last hour: drive retired, node drained or resumed, volume created or resized, storage job finished. Informational (AzLocalRoutineOperation, log only): context for what changed, never a page.")
                    .Query(Table($$"""max by (cluster, operation, subject) ({{M.Operations}}{cluster=~"$cluster"}) > 0"""))
                    .Transform(Transformations.Organize([.. Transformations.NoiseColumns, "Value"], ("cluster", "Cluster"), ("operation", "Operation"), ("subject", "Subject"))),
                Panels.TimeSeries("Witness round trip")
                    .Description("Round trip to the witness (cloud: the storage account endpoint; file share: the SMB share). A gap: the witness is unreachable. No alert: the module names the witness's latency as a quorum consideration without a budget.")
                    .Size(8, 8)
                    .Query(Range($$"""max by (cluster, type) ({{M.WitnessLatency}}{cluster=~"$cluster"})""", "{{cluster}} {{type}}"))
                    .Unit("s").Range(0, null)
                    .NoValue("No witness reachable"),
                Panels.TimeSeries("Inter-site round trip")
                    .Description("Round trip between the sites of a stretched cluster. Dashed red: the policy's AzLocalSiteLatencyHigh threshold per cluster (default 5 ms): above it every synchronous write waits longer for the other site. A gap: the inter-site link is down.")
                    .Size(8, 8)
                    .Query(Range($$"""max by (cluster, site, peer_site) ({{M.SiteLatency}}{cluster=~"$cluster"})""", "{{cluster}} / {{site}} -> {{peer_site}}"))
                    .Query(PolicyLine("AzLocalSiteLatencyHigh"))
                    .Unit("s").Range(0, null)
                    .NoValue("No stretched cluster")
                    .Override(Overrides.PolicyLines()),
                Panels.TimeSeries("Replication lag")
                    .Description("How far each replication group's destination is behind its source: what losing the source site now would lose. Dashed red: the policy's AzLocalReplicationLagHigh RPO per cluster (default 1 h; asynchronous groups only — a stopped synchronous group is AzLocalReplicationUnhealthy).")
                    .Size(8, 8)
                    .Query(Range($$"""max by (cluster, group, partner, mode) ({{M.ReplicationLag}}{cluster=~"$cluster"})""", "{{cluster}} / {{group}} -> {{partner}} ({{mode}})"))
                    .Query(PolicyLine("AzLocalReplicationLagHigh", "rpo"))
                    .Unit("s").Range(0, null)
                    .NoValue("No replication")
                    .Override(Overrides.PolicyLines()),
                Panels.Table("Replication state")
                    .Description("Status of every replication group (Storage Replica). Waiting for destination, suspended or failed: the destination receives no writes and falls behind (AzLocalReplicationUnhealthy); initial sync: a full copy is running.")
                    .Size(24, 6)
                    .Query(Table($$"""max by (cluster, group, partner, mode, state) ({{M.ReplicationState}}{cluster=~"$cluster"}) == 1"""))
                    .Transform(Transformations.Organize([.. Transformations.NoiseColumns, "Value"], ("cluster", "Cluster"), ("group", "Group"), ("partner", "Partner"), ("mode", "Mode"), ("state", "State")))
                    .Override(Overrides.ColoredColumn("State", Mappings.ReplicationStates())))
            .Row("Alerts")
            .Panel(CommonPanels.AlertTable("Firing alerts", $$"""{{R.Alerts}}{alertstate="firing", cluster=~"$cluster"}""").Size(24, 8));
}
