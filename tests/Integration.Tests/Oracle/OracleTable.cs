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
            Incidents = "a rolling update of node-2 with no window: 0 incidents → 0 pages; the node's maintenance is logged; " + ResyncAfterReturn,
            Chat = [RebuildInProgress],
            Log = [NodeMaintenance],
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
    ];
}
