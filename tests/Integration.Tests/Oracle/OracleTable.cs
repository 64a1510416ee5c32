namespace AzLocalMonitor.Integration.Tests.Oracle;

/// <summary>
/// The alerting oracle: situations → what must page, notify or be logged, and what must not. Written from the module
/// (the Azure Local architecture module, "azure-local-architecture-deep-dive": "Monitoring and Alerting", "Failure Domains", "Quorum
/// Strategies", "Deployment Patterns", "Maintenance and Updates"), docs/reference/alerts.md (severities, conditions, inhibition:
/// one incident, one page) and the policy's inhibition list (deploy/rules/azlocal-policy.yaml, issue 10) — never from
/// Rules' answers. Routing is Alertmanager's as shipped: critical → pager, warning → chat, info → log.
/// Real times below are at the row's time scale (5 unless said): scenario seconds / 5.
/// </summary>
public static class OracleTable
{
    private const string NodeDown = "AzLocalNodeDown";
    private const string QuorumLost = "AzLocalQuorumLost";
    private const string QuorumAtRisk = "AzLocalQuorumAtRisk";
    private const string StorageDegraded = "AzLocalStorageDegraded";
    private const string PhysicalDiskFailed = "AzLocalPhysicalDiskFailed";
    private const string RebuildInProgress = "AzLocalRebuildInProgress";
    private const string RebuildSlow = "AzLocalRebuildSlow";
    private const string TelemetryLost = "AzLocalTelemetryLost";
    private const string NodeMaintenance = "AzLocalNodeMaintenance";
    private const string MaintenanceWindow = "AzLocalMaintenanceWindow";
    private const string CapacityForecast = "AzLocalCapacityForecast";
    private const string HealthFault = "AzLocalHealthFault";
    private const string WitnessFailed = "AzLocalWitnessFailed";
    private const string SiteLatencyHigh = "AzLocalSiteLatencyHigh";
    private const string ReplicationUnhealthy = "AzLocalReplicationUnhealthy";
    private const string ReplicationLagHigh = "AzLocalReplicationLagHigh";
    private const string CpuHigh = "AzLocalCpuHigh";
    private const string MemoryHigh = "AzLocalMemoryHigh";
    private const string VolumeCapacityHigh = "AzLocalVolumeCapacityHigh";
    private const string ReserveCapacityLow = "AzLocalReserveCapacityLow";
    private const string NetworkLatencyHigh = "AzLocalNetworkLatencyHigh";
    private const string StorageLatencyHigh = "AzLocalStorageLatencyHigh";
    private const string CacheHitRatioLow = "AzLocalCacheHitRatioLow";
    private const string RoutineOperation = "AzLocalRoutineOperation";
    private const long GiB = 1L << 30;

    private static readonly AlertMatch RedundancyMuted = new(StorageDegraded, "fewer copies while a node is away: the expected consequence, muted by NodeDown (§4 inhibition)", ("impact", "redundancy"));
    private static readonly AlertMatch RebuildMuted = new(RebuildInProgress, "a repair while the node is away is the expected consequence of its absence (§4 inhibition)");

    // Lead's reading of the spec (issue 10 review): the module's warning tier is "rebuild in progress", and §4's NodeDown
    // inhibition covers the consequences of a node *being away*. Once the node is back, the resync that runs is a real,
    // ongoing state on-call must know (do not take another node down until it completes): one chat message, never a page.
    private const string ResyncAfterReturn = "RebuildInProgress after the node returns (the resync: module warning tier, not a page)";

    public static IReadOnlyList<OracleScenario> All { get; } =
    [
        new()
        {
            Name = "crash (node down, 3 nodes)",
            Scenario = "node-down",
            Cluster = "node-down-cluster",
            ObserveFor = TimeSpan.FromSeconds(70), // node-2 down at 4 s, back at 16 s
            Incidents = "node-2 crashes and returns: 1 incident → 1 page (NodeDown node-2), none at recovery; " + ResyncAfterReturn,
            Pages = [NodeDown],
            Chat = [QuorumAtRisk, RebuildInProgress],
            MustPage = [new(NodeDown, "the crashed node", ("node", "node-2"))],
            MustNotNotify =
            [
                new(NodeDown, "node-1 never failed", ("node", "node-1")),
                new(NodeDown, "node-3 never failed", ("node", "node-3")),
                new(QuorumLost, "2 of 3 votes keep quorum (module: a 3-node cluster needs 2 healthy nodes)"),
                RedundancyMuted,
                new(RebuildSlow, "a resync that completes well within the 15 min RTO"),
                new(TelemetryLost, "two nodes keep reporting"),
            ],
            Source = "§4 NodeDown critical (peers report it down); QuorumAtRisk warning (2 present = ⌊3/2⌋+1); inhibition: NodeDown mutes StorageDegraded and RebuildInProgress of its cluster. Module: critical alerts = node down; a 3-node cluster needs 2 healthy nodes.",
        },
        new()
        {
            Name = "crash with a resync longer than the inhibition grace",
            Scenario = "node-down-long-resync",
            Cluster = "node-down-long-resync-cluster",
            ObserveFor = TimeSpan.FromSeconds(115), // node-2 down at 4 s, back at 16 s; ~17 GiB resync at 320 MiB/s real: done near 70 s
            Incidents = "node-2 crashes and returns, then resyncs for about a minute (past the 30 s inhibition grace, within the RTO): 1 incident → 1 page (NodeDown node-2), none while the resync runs or when it ends; " + ResyncAfterReturn,
            Pages = [NodeDown],
            Chat = [QuorumAtRisk, RebuildInProgress],
            MustPage = [new(NodeDown, "the crashed node", ("node", "node-2"))],
            MustNotNotify =
            [
                new(StorageDegraded, "fewer copies while the node is away and while the resync that follows runs on time: the same incident recovering (module: node failure recovers from mirrors; rebuild in progress is the warning tier)", ("impact", "redundancy")),
                new(StorageDegraded, "no data went offline", ("impact", "data_offline")),
                new(RebuildSlow, "a resync that completes well within the 15 min RTO"),
                new(QuorumLost, "2 of 3 votes keep quorum"),
                new(TelemetryLost, "two nodes keep reporting"),
            ],
            Source = "§4 NodeDown critical; RebuildInProgress warning (a repair job is running); inhibition: NodeDown mutes StorageDegraded (impact!=data_offline); issue 10: one page per incident, at recovery too. Module: critical alerts = node down; warning alerts = rebuild in progress; node failure recovers from mirrors in 5-15 min.",
        },
        new()
        {
            Name = "quorum loss and recovery",
            Scenario = "quorum-loss-recovery",
            Cluster = "quorum-loss-recovery-cluster",
            ObserveFor = TimeSpan.FromSeconds(65), // node-2, node-3 down at 0.4 s, 0.8 s; back at 12 s, 12.4 s
            Incidents = "quorum lost (2 of 3 nodes down) and regained: 1 incident → 1 page (QuorumLost); 0 at recovery; " + ResyncAfterReturn,
            Pages = [QuorumLost],
            Chat = [RebuildInProgress],
            MustNotNotify =
            [
                new(NodeDown, "the nodes of a cluster without quorum: muted by QuorumLost, and at recovery they come back with it"),
                new(StorageDegraded, "volumes detached without quorum (even data_offline): QuorumLost mutes every other alert of the cluster"),
                new(QuorumAtRisk, "muted by QuorumLost; at recovery 2 of 3 lasts 0.4 s (2 s of scenario time, under its 30 s for)"),
                new(TelemetryLost, "node-1 keeps reporting"),
            ],
            Source = "§4 QuorumLost critical, for 0s; inhibition: QuorumLost mutes the other alerts of that cluster (one incident, one page). Module: quorum loss is a critical alert; a 3-node cluster needs 2 healthy nodes. Issue 10: one page per incident, including at recovery.",
        },
        new()
        {
            Name = "maintenance with a window",
            Scenario = "maintenance-window",
            Cluster = "maintenance-window-cluster",
            Window = true,
            ObserveFor = TimeSpan.FromSeconds(70), // window opened first; node-2 down at 4 s, back at 20 s
            Incidents = "planned work inside a window (node-2 shut down and back): 0 incidents → 0 pages; the window is logged",
            Log = [MaintenanceWindow],
            MustNotNotify =
            [
                new(NodeDown, "covered by the window: muted, never paged (§4: maintenance windows send no pages)"),
                new(QuorumAtRisk, "covered by the window"),
                new(StorageDegraded, "covered by the window"),
                new(RebuildInProgress, "covered by the window"),
            ],
            Tolerated = [("log", NodeMaintenance, "§4 NodeMaintenance fires for a node 'inside a maintenance window'; whether a cluster-wide window puts every node inside one is not said (info either way)")],
            Source = "§4 MaintenanceWindow info, 0s; 'Maintenance windows ... turn the alerts they cover into info and send no pages'. Module: informational alerts = maintenance windows; plan maintenance windows with business stakeholders.",
        },
        new()
        {
            Name = "maintenance without a window (rolling update: node paused, drained, restarted)",
            Scenario = "rolling-update",
            Cluster = "rolling-update-cluster",
            ObserveFor = TimeSpan.FromSeconds(76), // node-2 paused at 1 s, restarting (down) at 16 s, back at 26 s
            Incidents = "a rolling update of node-2 with no window: 0 incidents → 0 pages; the node's maintenance and its drain (a routine operation) are logged; " + ResyncAfterReturn,
            Chat = [RebuildInProgress],
            Log = [NodeMaintenance, RoutineOperation],
            MustNotNotify =
            [
                new(NodeDown, "a node the cluster paused and drained that restarts is in maintenance, not down (§4 NodeMaintenance: node paused or draining; issue 10)"),
                new(QuorumAtRisk, "2 of 3 while the paused node restarts: an expected consequence of the maintenance (policy inhibition: NodeMaintenance mutes QuorumAtRisk)"),
                new(StorageDegraded, "fewer copies while the node restarts: expected (NodeMaintenance mutes StorageDegraded impact!=data_offline)"),
            ],
            Source = "§4 NodeMaintenance info, 0s (node paused or draining); NodeDown only for a node down (not in maintenance). Module: monthly Windows Updates applied with rolling restart; informational = routine operations. Policy inhibition: NodeMaintenance mutes like NodeDown plus QuorumAtRisk.",
        },
        new()
        {
            Name = "telemetry cut (whole cluster silent)",
            Scenario = "steady",
            Cluster = "steady-cluster",
            // Cut after 10 s: TelemetryLost is for established clusters, whose reports span at least the node
            // silence (5 s here); a cut at 5 s left that span just short of it, so the cluster was never missed.
            CutAt = TimeSpan.FromSeconds(10),
            RestoreAt = TimeSpan.FromSeconds(35),
            ObserveFor = TimeSpan.FromSeconds(80),
            Incidents = "the monitoring path of a healthy 3-node cluster is cut for 25 s and restored: 1 incident, not a cluster failure → 0 pages, 1 chat (TelemetryLost); 0 pages at recovery",
            Chat = [TelemetryLost],
            MustNotNotify =
            [
                new(NodeDown, "no peer reports any node down; a whole silent cluster is a monitoring problem (§4 NodeDown: silent while its peers still report)"),
                new(QuorumLost, "nothing reported quorum 0"),
                new(StorageDegraded, "nothing reported degraded storage"),
            ],
            Source = "§4 TelemetryLost warning: a whole cluster stopped reporting (monitoring path lost, not a node failure); NodeDown needs its peers still reporting.",
        },
        new()
        {
            Name = "single-node death",
            Scenario = "single-node-death",
            Cluster = "single-node-death-cluster",
            Agents = "node",
            ObserveFor = TimeSpan.FromSeconds(80), // node-1 dies at 2 s (its agent with it), back at 30 s
            Incidents = "the only node dies and returns: 1 incident → 1 page (NodeDown), none at recovery",
            Pages = [NodeDown],
            MustPage = [new(NodeDown, "the dead node", ("node", "node-1"))],
            MustNotNotify =
            [
                new(TelemetryLost, "the same silence: muted by the NodeDown it is (policy inhibition: on a single-node cluster the silence itself)"),
                new(QuorumLost, "no report of quorum 0 (the node is silent, then back with quorum)"),
                new(StorageDegraded, "nothing reported degraded storage"),
                new(QuorumAtRisk, "lead's decision: a single node has no margin by construction (a topology choice the module offers, not an event); §4's formula would flag every single-node cluster for ever"),
                new(RebuildInProgress, "a single node has no copy elsewhere to resync from"),
            ],
            Source = "Issue 10 / policy: a single-node cluster that goes silent pages NodeDown (critical), since no peer can tell down from cut off. Module: single node = no high availability (no second copy, no quorum margin).",
        },
        new()
        {
            Name = "2-node without witness",
            Scenario = "two-node-no-witness",
            Cluster = "two-node-no-witness-cluster",
            ObserveFor = TimeSpan.FromSeconds(30),
            Incidents = "a healthy 2-node cluster configured without a witness: a risk, not an incident → 0 pages, 1 chat (QuorumAtRisk)",
            Chat = [QuorumAtRisk],
            MustNotNotify =
            [
                new(QuorumLost, "both nodes up: quorum held"),
                new(NodeDown, "both nodes up"),
            ],
            Source = "Module: a 2-node cluster needs a file share or cloud witness for quorum; both nodes must be healthy for quorum. §4 QuorumAtRisk: 2 present = ⌊2/2⌋ + 1. Issue 10: a 2-node cluster without a witness raises QuorumAtRisk.",
        },
        new()
        {
            Name = "stalled rebuild",
            Scenario = "stalled-rebuild",
            Cluster = "stalled-rebuild-cluster",
            ObserveFor = TimeSpan.FromSeconds(100), // node-2 down at 2 s, back at 12 s; its resync never progresses (RebuildSlow for: 70 s)
            Incidents = "node-2 outage: 1 page (NodeDown); its repair then stalls at 0 bytes/s: 1 page (StorageDegraded: the volumes stay short of copies after the node is back, no longer a consequence that recovers with it) and chat (RebuildInProgress, RebuildSlow)",
            Pages = [NodeDown, StorageDegraded],
            Chat = [QuorumAtRisk, RebuildInProgress, RebuildSlow],
            MustPage = [new(NodeDown, "the failed node", ("node", "node-2")), new(StorageDegraded, "volumes still In Service (health warning) after the grace", ("impact", "redundancy"))],
            MustNotNotify =
            [
                new(StorageDegraded, "no data went offline", ("impact", "data_offline")),
                new(QuorumLost, "2 of 3 keep quorum"),
                new(TelemetryLost, "two nodes keep reporting"),
            ],
            Source = "§4 RebuildSlow warning (rebuild ETA beyond the RTO: a stalled job never finishes; issue 10: a stalled repair alerts); RebuildInProgress warning (a repair job is running); StorageDegraded critical (volume health warning); NodeDown critical. Module: warning alerts = rebuild in progress; node failure recovers from mirrors in 5-15 min.",
        },
        new()
        {
            Name = "disk failure during a node outage",
            Scenario = "drive-failure-node-outage",
            Cluster = "drive-failure-node-outage-cluster",
            ObserveFor = TimeSpan.FromSeconds(65), // node-2 down at 2 s; node-3's drive fails at 12 s
            Incidents = "node-2 outage: 1 page (NodeDown); node-3's drive fails: 1 page (PhysicalDiskFailed); the two-way mirror loses its last copy (data offline, not an expected consequence): 1 page (StorageDegraded impact=data_offline)",
            Pages = [NodeDown, PhysicalDiskFailed, StorageDegraded],
            Chat = [QuorumAtRisk],
            MustPage =
            [
                new(NodeDown, "the failed node", ("node", "node-2")),
                new(PhysicalDiskFailed, "the failed drive's node", ("node", "node-3")),
                new(StorageDegraded, "the two-way mirror with both failure domains lost", ("volume", "analytics"), ("impact", "data_offline")),
            ],
            MustNotNotify =
            [
                RedundancyMuted,
                new(StorageDegraded, "the three-way mirror keeps a copy to spare (2 failures ≤ its tolerance of 2): fewer copies, expected", ("volume", "db")),
                RebuildMuted,
                new(QuorumLost, "2 of 3 keep quorum"),
            ],
            Source = "§4 PhysicalDiskFailed critical; StorageDegraded critical; inhibition mutes StorageDegraded only as the expected consequence of a node away (issue 10: data going offline still pages). §5: three-way mirror survives 2 failures, two-way 1. Module: storage failure is its own failure domain.",
        },
        new()
        {
            Name = "capacity forecast crossing its threshold",
            Scenario = "capacity-forecast",
            Cluster = "capacity-forecast-cluster",
            History = new MemoryHistory(Days: 150, FromRatio: 0.45, ToRatio: 0.65, SizeBytes: 768 * GiB), // the line crosses 80% in ~112 days
            ObserveFor = TimeSpan.FromSeconds(45), // Rules forecasts the backfill at start; the alert fires once the cluster reports live
            Incidents = "memory grew from 45% to 65% over 150 days; its forecast crosses the 80% policy in ~3.7 months: a plan, not an incident → 0 pages, 1 chat (CapacityForecast warning, within 6 months)",
            Chat = [CapacityForecast],
            MustChat = [new(CapacityForecast, "memory forecast to cross 80% within 6 months", ("resource", "memory"), ("severity", "warning"))],
            MustNotNotify =
            [
                new(CapacityForecast, "a crossing within 6 months is the warning; the info is for 6 to 18 months", ("severity", "info")),
                new(QuorumAtRisk, "3 of 3 votes"),
                new(NodeDown, "every node up"),
            ],
            Source = "§4 CapacityForecast: warning within 6 months, info within 18 months (storage 80%, memory 80%, N+1); §5 forecasting horizon 18 months. Module: capacity planning, 18-month growth horizon.",
        },

        // Issue 15: the rest of the policy — one row per alert not raised above, each from a scenario that triggers it.
        new()
        {
            Name = "stretched bank: inter-site link cut",
            Scenario = "bank-site-link-cut",
            Cluster = "bank",
            ObserveFor = TimeSpan.FromSeconds(75), // link cut at 2 s, back at 26 s
            Incidents = "the inter-site link of the stretched bank is cut: HQ keeps quorum with the witness, the secondary site's 2 nodes leave the cluster: 1 incident → 1 page (NodeDown, one group for both nodes); replication can no longer be synchronous (chat) and 3 of 5 votes is one loss from quorum (chat)",
            Pages = [NodeDown],
            Chat = [QuorumAtRisk, ReplicationUnhealthy],
            MustPage = [new(NodeDown, "a node of the cut-off site", ("node", "node-3")), new(NodeDown, "a node of the cut-off site", ("node", "node-4"))],
            MustChat = [new(ReplicationUnhealthy, "the synchronous group loses its destination site", ("group", "trading"), ("mode", "synchronous"))],
            MustNotNotify =
            [
                new(NodeDown, "HQ's nodes never left", ("node", "node-1")),
                new(NodeDown, "HQ's nodes never left", ("node", "node-2")),
                new(QuorumLost, "HQ's 2 nodes + the cloud witness: 3 of 5 votes"),
                new(StorageDegraded, "HQ keeps both copies of its two-way mirror; the secondary site held the replica"),
                new(TelemetryLost, "HQ keeps reporting"),
            ],
            Tolerated = [("chat", RebuildInProgress, "the returning site's resync after the link is back (module warning tier); it may finish before Rules sees it")],
            Source = "Module Scenario 2: 2 sites × 2 nodes, synchronous replication (zero RPO), cloud witness, 5-minute RTO; Quorum Strategies (the witness breaks the tie); §4 NodeDown critical (peers report it down), QuorumAtRisk warning (3 = ⌊5/2⌋+1). Issue 15: cutting the inter-site link raises the right alert within a minute of simulated time (NodeDown for 30 s; ReplicationUnhealthy for 30 s).",
        },
        new()
        {
            Name = "stretched bank: inter-site latency 8 ms",
            Scenario = "bank-site-latency",
            Cluster = "bank-latency",
            ObserveFor = TimeSpan.FromSeconds(40),
            Incidents = "the inter-site round trip rises to 8 ms (module: < 5 ms for synchronous replication): a degradation, not a failure → 0 pages, 1 chat (SiteLatencyHigh)",
            Chat = [SiteLatencyHigh],
            MustNotNotify = [new(NodeDown, "nothing failed"), new(ReplicationUnhealthy, "replication keeps going, slower"), new(NetworkLatencyHigh, "per-peer latencies are within each site; between sites it is SiteLatencyHigh")],
            Source = "Module Scenario 2: cross-site network latency < 5 ms. Issue 15: cross-site latency metric and alert.",
        },
        new()
        {
            Name = "hospital: replication 75 min behind (RPO 1 h)",
            Scenario = "hospital-replication-lag",
            Cluster = "hospital-a",
            ObserveFor = TimeSpan.FromSeconds(40),
            Incidents = "Hospital A's asynchronous replicas fall 75 minutes behind, beyond the 1-hour RPO: a risk, not an outage → 0 pages, 1 chat (ReplicationLagHigh)",
            Chat = [ReplicationLagHigh],
            MustChat = [new(ReplicationLagHigh, "the PACS replica to Hospital B", ("group", "pacs"), ("partner", "hospital-b"))],
            MustNotNotify = [new(ReplicationUnhealthy, "still replicating, only late"), new(NodeDown, "nothing failed")],
            Source = "Module Scenario 3: asynchronous replication with 1-hour RPO; RTO/RPO targets: site loss RPO depends on replication lag. Issue 15: a replication lag beyond the hospital's RPO alerts.",
        },
        new()
        {
            Name = "3-node cluster: witness failed",
            Scenario = "witness-failure",
            Cluster = "witness-failure-cluster",
            ObserveFor = TimeSpan.FromSeconds(30), // witness slow at 1 s, failed at 2 s
            Incidents = "the cloud witness of a 3-node cluster fails: quorum holds (a 3-node cluster keeps quorum after one node failure with or without a witness) → 0 pages, 1 chat (WitnessFailed)",
            Chat = [WitnessFailed],
            MustNotNotify =
            [
                new(QuorumAtRisk, "3 of 3 node votes: one more loss still leaves 2 of 3 (the witness is not what holds quorum on 3 nodes)"),
                new(QuorumLost, "every node up"),
                new(HealthFault, "the Health Service's witness fault is the same failure (WitnessFailed says it)"),
            ],
            Source = "Module: 3-node cluster, node quorum by majority (no witness needed, though recommended); cloud witness in Azure Storage. docs/sites-witness-faults.md: a 3-node cluster keeps quorum after one node failure with or without a witness. Issue 15: a witness failure on 3+ nodes must not be silent (warning).",
        },
        new()
        {
            Name = "slow capacity drive",
            Scenario = "slow-disk",
            Cluster = "slow-disk-cluster",
            ObserveFor = TimeSpan.FromSeconds(35),
            Incidents = "a capacity drive of node-2 answers in 60 ms: node-2's storage latency above 10 ms (chat) and the Health Service's high-latency fault naming the drive (chat) → 0 pages",
            Chat = [StorageLatencyHigh, HealthFault],
            MustChat = [new(StorageLatencyHigh, "the node with the slow drive", ("node", "node-2")), new(HealthFault, "the fault names the drive", ("fault_type", "Microsoft.Health.FaultType.PhysicalDisk.HighLatency.AverageIO"))],
            MustNotNotify = [new(StorageLatencyHigh, "node-1's drives are fine", ("node", "node-1")), new(PhysicalDiskFailed, "slow, not failed")],
            Source = "§4 StorageLatencyHigh warning (capacity-tier budget 10 ms); Health Service faults by PerceivedSeverity (issue 15: 3–5 → warning). Module: monitor storage latency; storage failure domain.",
        },
        new()
        {
            Name = "cache drive failure (hybrid)",
            Scenario = "cache-drive-failure",
            Cluster = "cache-drive-cluster",
            ObserveFor = TimeSpan.FromSeconds(35),
            Incidents = "one of node-2's two NVMe cache drives fails: 1 page (PhysicalDiskFailed, the cache drive); half its HDDs lose the cache: chat (CacheHitRatioLow on node-2); the Health Service's FailedMedia fault is the same drive and does not page again",
            Pages = [PhysicalDiskFailed],
            Chat = [CacheHitRatioLow],
            MustPage = [new(PhysicalDiskFailed, "the failed cache drive", ("node", "node-2"), ("usage", "cache"))],
            MustChat = [new(CacheHitRatioLow, "the node whose HDDs lost their cache", ("node", "node-2"))],
            MustNotNotify = [new(HealthFault, "the same failed drive: AzLocalPhysicalDiskFailed already says it (one failure, one page)"), new(StorageDegraded, "no volume lost a copy")],
            Source = "§4 PhysicalDiskFailed critical (capacity or cache disk unhealthy), CacheHitRatioLow warning (hybrid only). Issue 15: a fault that says what PhysicalDiskFailed already says must not page twice. Module: monitor storage cache hit rates.",
        },
        new()
        {
            Name = "storage network latency",
            Scenario = "network-latency",
            Cluster = "network-latency-cluster",
            ObserveFor = TimeSpan.FromSeconds(30),
            Incidents = "the storage network's round trip rises to 2 ms (budget 0.5 ms): a degradation → 0 pages, chat (NetworkLatencyHigh)",
            Chat = [NetworkLatencyHigh],
            MustChat = [new(NetworkLatencyHigh, "the storage segment", ("network", "storage"))],
            MustNotNotify = [new(NetworkLatencyHigh, "the management network is unaffected", ("network", "management"))],
            Source = "§4 NetworkLatencyHigh warning: storage 0.5 ms, management 1 ms, cluster 5 ms. Module: Network latency and throughput among the key metrics.",
        },
        new()
        {
            Name = "Health Service faults no other alert says",
            Scenario = "health-fault",
            Cluster = "health-fault-cluster",
            ObserveFor = TimeSpan.FromSeconds(30),
            Incidents = "the Health Service reports a disk that lost communication (critical) and an informational fault: 1 page (HealthFault critical), 1 log (HealthFault info)",
            Pages = [HealthFault],
            Log = [HealthFault],
            MustPage = [new(HealthFault, "critical fault, no other alert says it", ("fault_type", "Microsoft.Health.FaultType.PhysicalDisk.LostCommunication"))],
            MustNotNotify = [new(PhysicalDiskFailed, "no disk reported unhealthy by the storage subsystem")],
            Source = "Issue 15: Health Service faults as alerts, PerceivedSeverity 6–7 → critical (page), 2 → info (log). Module: critical alerts for storage; informational for routine operations.",
        },
        new()
        {
            Name = "busy cluster (CPU and memory above 80%)",
            Scenario = "busy-cluster",
            Cluster = "busy-cluster",
            ObserveFor = TimeSpan.FromSeconds(30),
            Incidents = "every node runs above 80% CPU and memory: a capacity risk, not an incident → 0 pages, chat (CpuHigh, MemoryHigh)",
            Chat = [CpuHigh, MemoryHigh],
            MustNotNotify = [new(NodeDown, "nothing failed")],
            Tolerated = [("chat", CapacityForecast, "N+1 no longer holds with every node this full (§4 CapacityForecast: N+1 policy); whether the forecast job runs within the row is not said")],
            Source = "§4 CpuHigh, MemoryHigh warning above 80%. Module: warning alerts = high resource utilization (> 80%).",
        },
        new()
        {
            Name = "volumes filling (85% and 95%)",
            Scenario = "volume-full",
            Cluster = "volume-full-cluster",
            ObserveFor = TimeSpan.FromSeconds(30),
            Incidents = "volume-1 at 85% (warning) and volume-2 at 95% (critical: VMs pause when it fills): 1 page (VolumeCapacityHigh critical), chat (VolumeCapacityHigh warning)",
            Pages = [VolumeCapacityHigh],
            Chat = [VolumeCapacityHigh],
            MustPage = [new(VolumeCapacityHigh, "the 95% volume", ("volume", "volume-2"), ("severity", "critical"))],
            MustChat = [new(VolumeCapacityHigh, "the 85% volume", ("volume", "volume-1"), ("severity", "warning"))],
            MustNotNotify = [new(VolumeCapacityHigh, "85% is below the critical 90%", ("volume", "volume-1"), ("severity", "critical"))],
            Source = "§4 VolumeCapacityHigh: warning at 80%, critical at 90% (volume used / size).",
        },
        new()
        {
            Name = "drive failure with no rebuild reserve",
            Scenario = "drive-failure-no-reserve",
            Cluster = "no-reserve-cluster",
            ObserveFor = TimeSpan.FromSeconds(40), // drive fails at 2 s, retired at 14 s with no room to rebuild
            Incidents = "volumes were created into the rebuild reserve (chat: ReserveCapacityLow); a drive fails (1 page: PhysicalDiskFailed), is retired (log: RoutineOperation) and its data cannot be rebuilt, so the volumes stay short of a copy (1 page: StorageDegraded)",
            Pages = [PhysicalDiskFailed, StorageDegraded],
            Chat = [ReserveCapacityLow],
            Log = [RoutineOperation], // the drive's retirement (routine operation, info)
            MustPage = [new(PhysicalDiskFailed, "the failed drive", ("node", "node-1"))],
            MustNotNotify = [new(StorageDegraded, "three-way mirror with one drive lost keeps two copies: no data offline", ("impact", "data_offline")), new(HealthFault, "InsufficientReserveCapacity is ReserveCapacityLow's; FailedMedia is PhysicalDiskFailed's"), new(QuorumAtRisk, "every node up")],
            Tolerated =
            [
                ("chat", RebuildInProgress, "not expected (no room to rebuild), tolerated only if the model starts one"),
                ("chat", CapacityForecast, "the pool is 42 of 46 TB allocated (91%), already past the 80% storage policy, so a CapacityForecast warning is right by §4; whether the forecast job runs within the 40 s row is not fixed (it did in one run of two)"),
            ],
            Source = "§4 ReserveCapacityLow warning (pool free below one capacity drive per node, up to four), PhysicalDiskFailed critical, StorageDegraded critical (a volume with fewer copies, no node away to explain it). §5 reserve. Module: storage failure: loss of a drive, data reconstructed (needs the reserve).",
        },
        new()
        {
            Name = "capacity forecast crossing in 6 to 18 months",
            Scenario = "capacity-forecast-far",
            Cluster = "capacity-forecast-far-cluster",
            History = new MemoryHistory(Days: 150, FromRatio: 0.45, ToRatio: 0.55, SizeBytes: 768 * GiB), // the line crosses 80% in ~375 days
            ObserveFor = TimeSpan.FromSeconds(45),
            Incidents = "memory grew from 45% to 55% over 150 days; its forecast crosses the 80% policy in about a year: a plan → 0 pages, 1 log (CapacityForecast info)",
            Log = [CapacityForecast],
            MustNotNotify = [new(CapacityForecast, "a crossing beyond 6 months is the info, not the warning", ("severity", "warning"))],
            Source = "§4 CapacityForecast: warning within 6 months, info within 18 months. Module: plan for an 18-month growth horizon.",
        },

        new()
        {
            Name = "maintenance reboot (paused, rebooted, resumed)",
            Scenario = "maintenance-reboot",
            Cluster = "maintenance-reboot-cluster",
            ObserveFor = TimeSpan.FromSeconds(60), // paused at 1 s, down 12–30 s, resumed at 34 s
            Incidents = "monthly updates on node-2: paused and drained, rebooted while paused, resumed: planned work → 0 pages; the node's maintenance, its drain and its resume (routine operations) are logged",
            Log = [NodeMaintenance, RoutineOperation],
            MustNotNotify =
            [
                new(NodeDown, "a paused node that reboots is in maintenance, not down"),
                new(QuorumAtRisk, "2 of 3 during the reboot of a node in maintenance (policy inhibition: NodeMaintenance mutes QuorumAtRisk)"),
                new(StorageDegraded, "fewer copies during the reboot: expected (NodeMaintenance mutes StorageDegraded)"),
            ],
            Tolerated = [("chat", RebuildInProgress, "the resync after the reboot is muted while the node is still paused; if it outlasts the resume it is the module's warning tier")],
            Source = "Module: monthly Windows Updates applied with rolling restart; informational = maintenance windows, routine operations. §4 NodeMaintenance info (node paused or draining); policy inhibition: NodeMaintenance mutes its node's alerts and the expected consequences. Issue 15: a reboot step in node maintenance.",
        },
    ];
}
