using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using static AzLocalMonitor.Rules.Tests.Alerting.Policy.ExpectedAlert;

namespace AzLocalMonitor.Rules.Tests.Alerting.Policy;

/// <summary>For every alert of the default policy, at least one situation where it fires and one near miss.</summary>
public static class PolicyCases
{
    private const double GB = 1e9;
    private const double TB = 1e12;

    private static readonly string[] Nodes = ["node-1", "node-2", "node-3"];

    /// <summary>A healthy 3-node cluster as node-1 sees it, to which each case adds its fault.</summary>
    public static Otlp Healthy(string reporter = "node-1") =>
        new Otlp("c1", reporter)
            .Gauge(Instruments.ClusterQuorum, 1)
            .Gauge(Instruments.ClusterVotesConfigured, 3)
            .Gauge(Instruments.ClusterVotesPresent, 3)
            .Gauge(Instruments.NodeCpuUtilization, 0.3);

    /// <summary>The membership state set of node-1..3 as <paramref name="otlp"/>'s reporter sees it.</summary>
    public static Otlp NodeStates(Otlp otlp, string? down = null, string? paused = null)
    {
        foreach (var node in Nodes)
        {
            var state = node == down ? "down" : node == paused ? "paused" : "up";
            otlp.StateSet(Instruments.NodeState, MetricCatalog.States.Node, state, ("node", node));
        }

        return otlp;
    }

    private static Otlp Repair(double size, double processed) =>
        Healthy().Gauge(Instruments.StorageRepairSize, size, ("job", "repair-1")).Gauge(Instruments.StorageRepairProcessed, processed, ("job", "repair-1"));

    private static Otlp Pool(double allocated) =>
        NodeStates(Healthy())
            .Gauge(Instruments.StoragePoolSize, 24 * TB, ("pool", "S2D"))
            .Gauge(Instruments.StoragePoolAllocated, allocated, ("pool", "S2D"))
            .Gauge(Instruments.StorageDiskCount, "{disk}", Nodes.Select(n => Otlp.Point(4, 1_795_000_000_000, ("node", n), ("media", "ssd"), ("usage", "capacity"), ("state", "healthy"))).ToArray());

    private static Otlp Volume(double used) =>
        Healthy().Gauge(Instruments.StorageVolumeSize, 1 * TB, ("volume", "db"), ("resiliency", "three_way_mirror"))
            .Gauge(Instruments.StorageVolumeUsed, used * TB, ("volume", "db"), ("resiliency", "three_way_mirror"));

    private static Otlp Cache(double ratio, string media) =>
        Healthy().Gauge(Instruments.StorageCacheHitRatio, ratio)
            .Gauge(Instruments.StorageDiskCount, 4, ("media", media), ("usage", "capacity"), ("state", "healthy"));

    private static Otlp Disks(string state) =>
        Healthy().Gauge(Instruments.StorageDiskCount, 1, ("media", "ssd"), ("usage", "capacity"), ("state", state));

    private static MaintenanceWindow Window(AlertingHarness h, TimeSpan startIn, TimeSpan length, string? node = null) =>
        new("api:w1", "patch-night", "c1", node, null, null, h.Time.GetUtcNow() + startIn, h.Time.GetUtcNow() + startIn + length, null, "tests");

    private static Otlp Witness(string state, int nodes) =>
        Enumerable.Range(1, nodes).Aggregate(
            new Otlp("c1", "node-1").Gauge(Instruments.ClusterQuorum, 1).StateSet(Instruments.ClusterWitnessState, MetricCatalog.States.Witness, state, ("type", "cloud")),
            (o, i) => o.StateSet(Instruments.NodeState, MetricCatalog.States.Node, "up", ("node", $"node-{i}")));

    private static Otlp Replication(string state, string mode, double lagSeconds) =>
        Healthy().Gauge(Instruments.ReplicationLag, lagSeconds, ("group", "pacs"), ("partner", "hospital-b"), ("mode", mode))
            .StateSet(Instruments.ReplicationState, MetricCatalog.States.Replication, state, ("group", "pacs"), ("partner", "hospital-b"), ("mode", mode));

    private static Otlp Fault(string severity, string type, double count = 1) =>
        Healthy().Gauge(Instruments.HealthFaults, count, ("severity", severity), ("type", HealthFaultType + type));

    private const string HealthFaultType = "Microsoft.Health.FaultType.";

    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);

    /// <summary>The capacity job's answer for c1: memory's median forecast crosses its policy <paramref name="in"/> from now.</summary>
    private static void Forecast(AlertingHarness h, TimeSpan @in) =>
        h.Capacity.ByCluster["c1"] = [new CapacityOutlook("memory", h.Time.GetUtcNow() + @in, new Dictionary<string, string>(StringComparer.Ordinal) { ["policy"] = "80%" })];

    public static IReadOnlyList<PolicyCase> All { get; } =
    [
        new("AzLocalQuorumLost", "critical", true, "cluster reports quorum 0", _ => Healthy().Gauge(Instruments.ClusterQuorum, 0), TimeSpan.FromSeconds(10)) { Expect = [Critical()] },
        new("AzLocalQuorumLost", "critical", false, "2 of 3 votes but quorum held", _ => Healthy().Gauge(Instruments.ClusterVotesPresent, 2), 2 * Min) { Expect = [] },

        new("AzLocalNodeDown", "critical", true, "peers report node-2 down for 40 s", _ => NodeStates(Healthy(), down: "node-2"), TimeSpan.FromSeconds(40)) { Expect = [Critical(("node", "node-2"))] },
        new("AzLocalNodeDown", "critical", false, "node-2 down for 20 s only (for 30 s)", i => NodeStates(Healthy(), down: i < 2 ? "node-2" : null), Min) { Expect = [] },

        new("AzLocalStorageDegraded", "critical", true, "volume db degraded for 70 s",
            _ => Healthy().StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "db")), TimeSpan.FromSeconds(70)) { Expect = [Critical(("volume", "db"), ("impact", "redundancy"))] },
        new("AzLocalStorageDegraded", "critical", false, "volume db in service (rebalancing) only",
            _ => Healthy().StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "in_service", ("volume", "db")), 3 * Min) { Expect = [] },

        new("AzLocalPhysicalDiskFailed", "critical", true, "an unhealthy capacity disk for 70 s", _ => Disks("unhealthy"), TimeSpan.FromSeconds(70)) { Expect = [Critical(("node", "node-1"), ("media", "ssd"), ("usage", "capacity"))] },
        new("AzLocalPhysicalDiskFailed", "critical", false, "a disk in warning only", _ => Disks("warning"), 3 * Min) { Expect = [] },

        new("AzLocalQuorumAtRisk", "warning", true, "2 of 3 votes present", _ => Healthy().Gauge(Instruments.ClusterVotesPresent, 2), TimeSpan.FromSeconds(40)) { Expect = [Warning()] },
        new("AzLocalQuorumAtRisk", "warning", true, "2-node cluster whose witness failed",
            _ => new Otlp("c1", "node-1").Gauge(Instruments.ClusterQuorum, 1).Gauge(Instruments.ClusterVotesConfigured, 3).Gauge(Instruments.ClusterVotesPresent, 3)
                .StateSet(Instruments.ClusterWitnessState, MetricCatalog.States.Witness, "failed", ("type", "cloud"))
                .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "up", ("node", "node-1"))
                .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "up", ("node", "node-2")), TimeSpan.FromSeconds(40)) { Expect = [Warning()] },
        new("AzLocalQuorumAtRisk", "warning", false, "4 of 5 votes present (one more loss still keeps 3 of 5)",
            _ => Healthy().Gauge(Instruments.ClusterVotesConfigured, 5).Gauge(Instruments.ClusterVotesPresent, 4), 2 * Min) { Expect = [] },

        new("AzLocalRebuildInProgress", "warning", true, "repair 30% done", i => Repair(100 * GB, (30 + i) * GB), TimeSpan.FromSeconds(10)) { Expect = [Warning(("repair_job", "repair-1"))] },
        new("AzLocalRebuildInProgress", "warning", false, "repair job reports everything processed", _ => Repair(100 * GB, 100 * GB), 2 * Min) { Expect = [] },

        new("AzLocalRebuildSlow", "warning", true, "0.1 GB/s with ~900 GB to go (ETA ~2.5 h > 15 min RTO)", i => Repair(1000 * GB, (100 + i) * GB), 7 * Min) { Expect = [Warning(("repair_job", "repair-1"))] },
        new("AzLocalRebuildSlow", "warning", false, "2 GB/s with ~900 GB to go (ETA < 8 min)", i => Repair(2000 * GB, (1100 + (20 * i)) * GB), 7 * Min) { Expect = [] },

        new("AzLocalCpuHigh", "warning", true, "CPU 90% for 16 min", _ => Healthy().Gauge(Instruments.NodeCpuUtilization, 0.9), 16 * Min) { Expect = [Warning(("node", "node-1")).Valued(0.9)] },
        new("AzLocalCpuHigh", "warning", false, "CPU 79% for 20 min", _ => Healthy().Gauge(Instruments.NodeCpuUtilization, 0.79), 20 * Min) { Expect = [] },

        new("AzLocalMemoryHigh", "warning", true, "memory 85% for 16 min", _ => Healthy().Gauge(Instruments.NodeMemoryUtilization, 0.85), 16 * Min) { Expect = [Warning(("node", "node-1")).Valued(0.85)] },
        new("AzLocalMemoryHigh", "warning", false, "memory 85% for 14 min, then 60%", i => Healthy().Gauge(Instruments.NodeMemoryUtilization, i < 84 ? 0.85 : 0.6), 20 * Min) { Expect = [] },

        new("AzLocalVolumeCapacityHigh", "warning", true, "volume 85% full for 6 min", _ => Volume(0.85), 6 * Min) { Expect = [Warning(("volume", "db")).Valued(0.85)] },
        new("AzLocalVolumeCapacityHigh", "warning", false, "volume 79% full", _ => Volume(0.79), 10 * Min) { Expect = [] },
        new("AzLocalVolumeCapacityHigh", "critical", true, "volume 95% full for 6 min", _ => Volume(0.95), 6 * Min) { Expect = [Critical(("volume", "db")).Valued(0.95), Warning(("volume", "db")).Valued(0.95)] },
        new("AzLocalVolumeCapacityHigh", "critical", false, "volume 85% full (warning only)", _ => Volume(0.85), 10 * Min) { Expect = [Warning(("volume", "db")).Valued(0.85)] },

        new("AzLocalReserveCapacityLow", "warning", true, "4 TB free of 24 TB, reserve 3 × 2 TB", _ => Pool(20 * TB), 16 * Min) { Expect = [Warning(("pool", "S2D"))] },
        new("AzLocalReserveCapacityLow", "warning", false, "7 TB free, reserve 6 TB", _ => Pool(17 * TB), 20 * Min) { Expect = [] },

        new("AzLocalNetworkLatencyHigh", "warning", true, "storage network 0.8 ms for 6 min",
            _ => Healthy().Gauge(Instruments.NetworkLatency, 0.0008, ("network", "storage"), ("peer", "node-2")), 6 * Min) { Expect = [Warning(("node", "node-1"), ("network", "storage"), ("peer", "node-2")).Valued(0.0008)] },
        new("AzLocalNetworkLatencyHigh", "warning", false, "management network 0.8 ms (budget 1 ms)",
            _ => Healthy().Gauge(Instruments.NetworkLatency, 0.0008, ("network", "management"), ("peer", "node-2")), 10 * Min) { Expect = [] },

        new("AzLocalStorageLatencyHigh", "warning", true, "writes at 15 ms for 6 min", _ => Healthy().Gauge(Instruments.StorageLatency, 0.015, ("op", "write")), 6 * Min) { Expect = [Warning(("node", "node-1"), ("op", "write")).Valued(0.015)] },
        new("AzLocalStorageLatencyHigh", "warning", false, "writes at 8 ms", _ => Healthy().Gauge(Instruments.StorageLatency, 0.008, ("op", "write")), 10 * Min) { Expect = [] },

        new("AzLocalCacheHitRatioLow", "warning", true, "hybrid node at 60% hits for 31 min", _ => Cache(0.6, "hdd"), 31 * Min) { Expect = [Warning(("node", "node-1")).Valued(0.6)] },
        new("AzLocalCacheHitRatioLow", "warning", false, "all-flash node at 60% hits (not a signal)", _ => Cache(0.6, "ssd"), 40 * Min) { Expect = [] },

        new("AzLocalNodeMaintenance", "info", true, "node-2 paused", _ => NodeStates(Healthy(), paused: "node-2"), TimeSpan.FromSeconds(10))
        {
            // A paused node stays in maintenance until the cluster reports it up again (Resume-ClusterNode).
            Recover = h => h.Ingest(NodeStates(Healthy()).Build()),
            Expect = [Info(("node", "node-2"))],
        },
        new("AzLocalNodeMaintenance", "info", false, "every node up", _ => NodeStates(Healthy()), 2 * Min) { Expect = [] },

        new("AzLocalMaintenanceWindow", "info", true, "a window covering now", _ => Healthy(), TimeSpan.FromSeconds(20))
        {
            Setup = h => h.Schedule.Upsert(Window(h, TimeSpan.Zero, TimeSpan.FromHours(1))),
            Recover = h => h.Schedule.Remove("api:w1"),
            Expect = [Info(("window", "patch-night"))],
        },
        new("AzLocalMaintenanceWindow", "info", false, "a window starting in an hour", _ => Healthy(), 10 * Min)
        {
            Setup = h => h.Schedule.Upsert(Window(h, TimeSpan.FromHours(1), TimeSpan.FromHours(1))),
            Expect = [],
        },

        new("AzLocalCapacityForecast", "warning", true, "memory forecast to cross 80% in 90 days", _ => Healthy(), TimeSpan.FromSeconds(10))
        {
            Setup = h => Forecast(h, TimeSpan.FromDays(90)),
            Recover = h => h.Capacity.ByCluster.Clear(),
            Expect = [Warning(("resource", "memory"))],
        },
        new("AzLocalCapacityForecast", "warning", false, "memory forecast to cross 80% in 200 days (info only)", _ => Healthy(), TimeSpan.FromSeconds(10))
        {
            Setup = h => Forecast(h, TimeSpan.FromDays(200)),
            Expect = [Info(("resource", "memory"))],
        },
        new("AzLocalCapacityForecast", "info", true, "memory forecast to cross 80% in 300 days", _ => Healthy(), TimeSpan.FromSeconds(10))
        {
            Setup = h => Forecast(h, TimeSpan.FromDays(300)),
            Recover = h => h.Capacity.ByCluster.Clear(),
            Expect = [Info(("resource", "memory"))],
        },
        new("AzLocalCapacityForecast", "info", false, "memory forecast to cross 80% in 600 days (beyond 18 months)", _ => Healthy(), TimeSpan.FromSeconds(10))
        {
            Setup = h => Forecast(h, TimeSpan.FromDays(600)),
            Expect = [],
        },

        // Reporting for a minute first: absence alerting starts only once a cluster's reports span `established` (30 s).
        new("AzLocalTelemetryLost", "warning", true, "reported for 1 min, then every node silent for 3 min", _ => Healthy(), Min) { SilenceAfter = 3 * Min, Expect = [Warning()] },
        new("AzLocalTelemetryLost", "warning", false, "silent for 2 min only (30 s silence + 2 min for)", _ => Healthy(), Min) { SilenceAfter = 2 * Min, Expect = [] },
        new("AzLocalTelemetryLost", "warning", false, "one export only, then silent for 3 min (never established)", _ => Healthy(), TimeSpan.FromSeconds(10)) { SilenceAfter = 3 * Min, Expect = [] },

        // Health Service faults: one rule per severity; types another alert already says are left out (no double page).
        new("AzLocalHealthFault", "critical", true, "a disk lost communication (critical fault) for 70 s", _ => Fault("critical", "PhysicalDisk.LostCommunication"), TimeSpan.FromSeconds(70))
        {
            Expect = [Critical(("fault_type", HealthFaultType + "PhysicalDisk.LostCommunication"))],
        },
        new("AzLocalHealthFault", "critical", false, "a server down (critical fault): AzLocalNodeDown says it", _ => Fault("critical", "Server.Down"), 3 * Min) { Expect = [] },
        new("AzLocalHealthFault", "warning", true, "a disk with high average latency (warning fault) for 6 min", _ => Fault("warning", "PhysicalDisk.HighLatency.AverageIO"), 6 * Min)
        {
            Expect = [Warning(("fault_type", HealthFaultType + "PhysicalDisk.HighLatency.AverageIO"))],
        },
        new("AzLocalHealthFault", "warning", false, "a volume 85% full (warning fault): AzLocalVolumeCapacityHigh says it", _ => Fault("warning", "Volume.Capacity"), 10 * Min) { Expect = [] },
        new("AzLocalHealthFault", "info", true, "an informational fault", _ => Fault("info", "PhysicalDisk.FirmwareVersion"), TimeSpan.FromSeconds(10))
        {
            Expect = [Info(("fault_type", HealthFaultType + "PhysicalDisk.FirmwareVersion"))],
        },
        new("AzLocalHealthFault", "info", false, "a fault type reported with count 0 (cleared)", _ => Fault("info", "PhysicalDisk.FirmwareVersion", 0), 2 * Min) { Expect = [] },

        // Witness on every topology: a failed witness on 3+ nodes is its own warning; on 2 nodes it is QuorumAtRisk.
        new("AzLocalWitnessFailed", "warning", true, "3-node cluster whose cloud witness failed, for 70 s", _ => Witness("failed", 3), TimeSpan.FromSeconds(70))
        {
            Expect = [Warning(("witness", "cloud"))],
        },
        new("AzLocalWitnessFailed", "warning", false, "2-node cluster whose witness failed (AzLocalQuorumAtRisk says it)", _ => Witness("failed", 2), 3 * Min) { Expect = [] },

        // Stretched clusters and replication (module: < 5 ms between sites; hospital RPO 1 h).
        new("AzLocalSiteLatencyHigh", "warning", true, "8 ms between the sites for 6 min",
            _ => Healthy().Gauge(Instruments.ClusterSiteLatency, 0.008, ("site", "hq"), ("peer_site", "secondary")), 6 * Min)
        {
            Expect = [Warning(("site", "hq"), ("peer_site", "secondary")).Valued(0.008)],
        },
        new("AzLocalSiteLatencyHigh", "warning", false, "3 ms between the sites",
            _ => Healthy().Gauge(Instruments.ClusterSiteLatency, 0.003, ("site", "hq"), ("peer_site", "secondary")), 10 * Min) { Expect = [] },
        new("AzLocalReplicationUnhealthy", "warning", true, "a group waiting for its destination for 40 s", _ => Replication("waiting_for_destination", "synchronous", 40), TimeSpan.FromSeconds(40))
        {
            Expect = [Warning(("group", "pacs"), ("partner", "hospital-b"), ("mode", "synchronous"))],
        },
        new("AzLocalReplicationUnhealthy", "warning", false, "a group in initial sync", _ => Replication("initial_sync", "synchronous", 0), 3 * Min) { Expect = [] },
        new("AzLocalReplicationLagHigh", "warning", true, "asynchronous replica 75 min behind for 6 min (RPO 1 h)", _ => Replication("in_sync", "asynchronous", 4500), 6 * Min)
        {
            Expect = [Warning(("group", "pacs"), ("partner", "hospital-b")).Valued(4500)],
        },
        new("AzLocalReplicationLagHigh", "warning", false, "asynchronous replica 50 min behind (within the 1 h RPO)", _ => Replication("in_sync", "asynchronous", 3000), 10 * Min) { Expect = [] },

        // Routine operations: info events, never pages.
        new("AzLocalRoutineOperation", "info", true, "node-2 drained within the last hour",
            _ => Healthy().Gauge(Instruments.ClusterOperations, 1, ("operation", "node_drained"), ("subject", "node-2")), TimeSpan.FromSeconds(10))
        {
            Expect = [Info(("operation", "node_drained"), ("subject", "node-2"))],
        },
        new("AzLocalRoutineOperation", "info", true, "volume-1 created within the last hour",
            _ => Healthy().Gauge(Instruments.ClusterOperations, 1, ("operation", "volume_created"), ("subject", "volume-1")), TimeSpan.FromSeconds(10))
        {
            Expect = [Info(("operation", "volume_created"), ("subject", "volume-1"))],
        },
        new("AzLocalRoutineOperation", "info", true, "volume-1 resized within the last hour",
            _ => Healthy().Gauge(Instruments.ClusterOperations, 1, ("operation", "volume_resized"), ("subject", "volume-1")), TimeSpan.FromSeconds(10))
        {
            Expect = [Info(("operation", "volume_resized"), ("subject", "volume-1"))],
        },
        new("AzLocalRoutineOperation", "info", false, "an operation reported with 0 (none)",
            _ => Healthy().Gauge(Instruments.ClusterOperations, 0, ("operation", "storage_job_finished"), ("subject", "repair-1")), 2 * Min) { Expect = [] },
    ];
}
