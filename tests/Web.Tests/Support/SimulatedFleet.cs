using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Metrics;

namespace AzLocalMonitor.Web.Tests.Support;

/// <summary>
/// The OTLP reports of a small simulated fleet, one request per reporting node per tick, the way collectors
/// send them (docs/reference/metrics.md): a 3-node cluster with a node down and a degraded volume under repair, a healthy
/// 2-node cluster, and a cluster that lost quorum. Values move with the tick so charts have shape.
/// </summary>
public static class SimulatedFleet
{
    public static readonly SimulatedCluster Hq = new("hq-3node", ["hq-node-1", "hq-node-2", "hq-node-3"], ["hq-node-3"], true, "cloud", "vm-volume-01");
    public static readonly SimulatedCluster Edge = new("edge-2node", ["edge-node-1", "edge-node-2"], [], true, "fileshare", null);
    public static readonly SimulatedCluster Retail = new("retail-07", ["retail-07-a", "retail-07-b", "retail-07-c"], ["retail-07-b", "retail-07-c"], false, "none", null);

    public static IReadOnlyList<SimulatedCluster> Clusters { get; } = [Hq, Edge, Retail];

    private const double GiB = 1024.0 * 1024 * 1024;
    private static readonly string[] NodeStates = ["up", "down", "paused", "joining", "unknown"];
    private static readonly string[] HealthStates = ["healthy", "warning", "unhealthy", "unknown"];
    private static readonly string[] OperationalStates = ["ok", "degraded", "incomplete", "in_service", "detached", "no_redundancy"];
    private static readonly string[] WitnessStates = ["ok", "failed"];
    private static readonly string[] Volumes = ["vm-volume-01", "vm-volume-02", "infra-volume"];

    /// <summary>Every request of one tick, with points at <paramref name="timeMs"/>.</summary>
    public static IEnumerable<ExportMetricsServiceRequest> Tick(int tick, long timeMs)
    {
        foreach (var cluster in Clusters)
        {
            var up = cluster.Nodes.Except(cluster.DownNodes).ToList();
            for (var i = 0; i < up.Count; i++)
            {
                var otlp = new Otlp(cluster.Name, up[i]);
                NodeMetrics(otlp, cluster, up[i], Array.IndexOf(cluster.Nodes, up[i]), tick, timeMs);
                if (i == 0)
                {
                    ClusterMetrics(otlp, cluster, tick, timeMs);
                }

                yield return otlp.Build();
            }
        }
    }

    private static void NodeMetrics(Otlp otlp, SimulatedCluster cluster, string node, int index, int tick, long t)
    {
        var wave = Math.Sin((tick / 3.0) + index);
        otlp.Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.42 + (0.18 * wave) + (0.05 * index), t));
        otlp.Gauge(Instruments.NodeMemoryUtilization, "1", Otlp.Point(0.61 + (0.04 * Math.Cos(tick / 4.0)) + (0.03 * index), t));
        otlp.Gauge(Instruments.NodeMemorySize, "By", Otlp.Point(512 * GiB, t));
        otlp.Gauge(Instruments.NodeMemoryAvailable, "By", Otlp.Point(512 * GiB * (0.39 - (0.03 * index)), t));
        otlp.Gauge(Instruments.NodeVmCount, "{vm}", Otlp.Point(cluster.DownNodes.Length > 0 ? 18 + index : 12 + index, t));
        otlp.Gauge(Instruments.StorageCacheHitRatio, "1", Otlp.Point(0.93 - (0.02 * wave), t));
        otlp.Gauge(Instruments.StorageDegraded, "By", Otlp.Point(cluster.DegradedVolume is null ? 0 : Math.Max(0, 120 - (tick * 2)) * GiB, t));
        otlp.Gauge(
            Instruments.StorageLatency,
            "s",
            Otlp.Point(0.0011 + (0.0004 * wave), t, ("op", "read")),
            Otlp.Point(0.0023 + (0.0006 * Math.Cos(tick / 2.0)), t, ("op", "write")));
        var peers = cluster.Nodes.Where(p => p != node).Select((peer, k) => Otlp.Point(0.00018 + (0.00004 * Math.Sin((tick / 2.0) + k)), t, ("network", "storage"), ("peer", peer)));
        var management = cluster.Nodes.Where(p => p != node).Select(peer => Otlp.Point(0.0004, t, ("network", "management"), ("peer", peer)));
        otlp.Gauge(Instruments.NetworkLatency, "s", [.. peers, .. management]);
        otlp.Gauge(
            Instruments.StorageDiskCount,
            "{disk}",
            Otlp.Point(2, t, ("media", "nvme"), ("usage", "cache"), ("state", "healthy")),
            Otlp.Point(4, t, ("media", "ssd"), ("usage", "capacity"), ("state", "healthy")));
        otlp.Gauge(Instruments.NodeDrain, string.Empty, [.. States(["none", "in_progress", "completed", "failed"], "none", t, ("node", node))]);
    }

    private static void ClusterMetrics(Otlp otlp, SimulatedCluster cluster, int tick, long t)
    {
        var points = cluster.Nodes.SelectMany(n => States(NodeStates, cluster.DownNodes.Contains(n) ? "down" : "up", t, ("node", n)));
        otlp.Gauge(Instruments.NodeState, string.Empty, [.. points]);
        otlp.Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(cluster.Quorum ? 1 : 0, t));
        var witnessVote = cluster.Witness == "none" ? 0 : 1;
        otlp.Gauge(Instruments.ClusterVotesConfigured, "{vote}", Otlp.Point(cluster.Nodes.Length + witnessVote, t));
        otlp.Gauge(Instruments.ClusterVotesPresent, "{vote}", Otlp.Point(cluster.Nodes.Length - cluster.DownNodes.Length + witnessVote, t));
        if (cluster.Witness != "none")
        {
            otlp.Gauge(Instruments.ClusterWitnessState, string.Empty, [.. States(WitnessStates, "ok", t, ("type", cluster.Witness))]);
        }

        otlp.Gauge(Instruments.StoragePoolSize, "By", Otlp.Point(cluster.Nodes.Length * 8 * 1024 * GiB, t, ("pool", "S2D on " + cluster.Name)));
        otlp.Gauge(Instruments.StoragePoolAllocated, "By", Otlp.Point(cluster.Nodes.Length * 5.1 * 1024 * GiB, t, ("pool", "S2D on " + cluster.Name)));
        otlp.Gauge(Instruments.StoragePoolHealth, string.Empty, [.. States(HealthStates, cluster.DegradedVolume is null ? "healthy" : "warning", t, ("pool", "S2D on " + cluster.Name))]);
        for (var v = 0; v < Volumes.Length; v++)
        {
            var volume = Volumes[v];
            var degraded = volume == cluster.DegradedVolume;
            var resiliency = v == 2 ? "two_way_mirror" : "three_way_mirror";
            var size = (v == 2 ? 1 : 4) * 1024 * GiB;
            var used = size * (v switch { 0 => 0.73, 1 => 0.56, _ => 0.31 }); // below the 80% volume policy: a healthy cluster stays green
            otlp.Gauge(Instruments.StorageVolumeSize, "By", Otlp.Point(size, t, ("volume", volume), ("resiliency", resiliency)));
            otlp.Gauge(Instruments.StorageVolumeUsed, "By", Otlp.Point(used, t, ("volume", volume), ("resiliency", resiliency)));
            otlp.Gauge(Instruments.StorageVolumeHealth, string.Empty, [.. States(HealthStates, degraded ? "warning" : "healthy", t, ("volume", volume))]);
            otlp.Gauge(Instruments.StorageVolumeOperational, string.Empty, [.. States(OperationalStates, degraded ? "degraded" : "ok", t, ("volume", volume))]);
        }

        if (cluster.DegradedVolume is not null)
        {
            otlp.Gauge(Instruments.StorageRepairSize, "By", Otlp.Point(400 * GiB, t, ("job", "Repair " + cluster.DegradedVolume)));
            otlp.Gauge(Instruments.StorageRepairProcessed, "By", Otlp.Point(Math.Min(400, 150 + (tick * 3)) * GiB, t, ("job", "Repair " + cluster.DegradedVolume)));
        }
    }

    /// <summary>A state set: 1 for the current state, 0 for the others.</summary>
    private static IEnumerable<NumberDataPoint> States(string[] states, string current, long t, params (string Key, string Value)[] attributes) =>
        states.Select(s => Otlp.Point(s == current ? 1 : 0, t, [.. attributes, ("state", s)]));
}
