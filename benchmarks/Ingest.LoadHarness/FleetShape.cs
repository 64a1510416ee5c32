using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using AzLocalMonitor.Telemetry.Otlp.Resource;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>
/// The fleet the harness simulates: clusters of nodes whose agents each export, every interval, their own node
/// metrics plus what they see of the cluster (every node's membership state set, quorum, votes, pool, volumes) —
/// the shape of the collector's simulated source (src/Collector/Sources/Simulated) with the catalog's instrument
/// names. A cluster can be faulted: its quorum reads 0 in every node's view (AzLocalQuorumLost, <c>for: 0s</c>);
/// a node can be draining (AzLocalNodeMaintenance, <c>for: 0s</c>).
/// </summary>
public sealed record FleetShape(int Clusters, int Nodes, int Volumes)
{
    /// <summary>A data-point time no real export carries: the harness finds it in the encoded body and overwrites it per send.</summary>
    public const ulong SentinelNanos = 1_777_777_777_123_000_000UL;

    public int NodeCount => Clusters * Nodes;

    public static string ClusterName(int cluster) => $"cluster-{cluster:D5}";

    public static string NodeName(int node) => $"node-{node + 1}";

    /// <summary>One node's export request at the sentinel time.</summary>
    public ExportMetricsServiceRequest Request(int cluster, int node, bool quorumLost, bool draining)
    {
        // Per-node values fixed by a seed: the same request each round, as a steady fleet sends.
        var random = new Random((cluster * 64) + node);
        var metrics = new List<Metric>();
        void Add(string name, string unit, params (double Value, (string, string)[] Attributes)[] values)
        {
            var gauge = new Gauge();
            foreach (var (value, attributes) in values)
            {
                var point = new NumberDataPoint { AsDouble = value, TimeUnixNano = SentinelNanos };
                foreach (var (k, v) in attributes)
                {
                    point.Attributes.Add(new KeyValue { Key = k, Value = new AnyValue { StringValue = v } });
                }

                gauge.DataPoints.Add(point);
            }

            metrics.Add(new Metric { Name = name, Unit = unit, Gauge = gauge });
        }

        (double, (string, string)[])[] StateSet(IReadOnlyList<string> states, string current, params (string, string)[] attributes) =>
            [.. states.Select(s => (s == current ? 1.0 : 0.0, attributes.Append(("state", s)).ToArray()))];

        var self = NodeName(node);
        Add(Instruments.NodeCpuUtilization, "1", (0.3 + (random.NextDouble() * 0.2), []));
        Add(Instruments.NodeMemoryUtilization, "1", (0.5 + (random.NextDouble() * 0.1), []));
        Add(Instruments.NodeMemorySize, "By", (512e9, []));
        Add(Instruments.NodeMemoryAvailable, "By", (200e9, []));
        Add(Instruments.NodeVmCount, "{vm}", (20, []));
        Add(Instruments.StorageCacheHitRatio, "1", (0.93, []));
        Add(Instruments.StorageLatency, "s", (0.001, [("op", "read")]), (0.002, [("op", "write")]));
        Add(Instruments.StorageDegraded, "By", (0, []));
        var peers = Enumerable.Range(0, Nodes).Where(p => p != node).Select(NodeName).ToList();
        Add(Instruments.NetworkLatency, "s", [.. peers.SelectMany(p => new[] { (0.0002, new[] { ("network", "storage"), ("peer", p) }), (0.0004, new[] { ("network", "management"), ("peer", p) }) })]);
        Add(Instruments.NetworkThroughput, "By/s", (1e9, [("network", "storage"), ("direction", "rx")]), (1e9, [("network", "storage"), ("direction", "tx")]));
        Add(Instruments.StorageDiskCount, "{disk}", (2, [("media", "nvme"), ("usage", "cache"), ("state", "healthy")]), (4, [("media", "ssd"), ("usage", "capacity"), ("state", "healthy")]));
        Add(Instruments.NodeState, string.Empty, [.. Enumerable.Range(0, Nodes).SelectMany(i => StateSet(MetricCatalog.States.Node, "up", ("node", NodeName(i))))]);
        Add(Instruments.NodeDrain, string.Empty, StateSet(MetricCatalog.States.Drain, draining ? "in_progress" : "none"));
        Add(Instruments.ClusterQuorum, string.Empty, (quorumLost ? 0 : 1, []));
        Add(Instruments.ClusterVotesConfigured, "{vote}", (Nodes, []));
        Add(Instruments.ClusterVotesPresent, "{vote}", (Nodes, []));
        Add(Instruments.StoragePoolSize, "By", (Nodes * 8e12, [("pool", "S2D")]));
        Add(Instruments.StoragePoolAllocated, "By", (Nodes * 4e12, [("pool", "S2D")]));
        Add(Instruments.StoragePoolHealth, string.Empty, StateSet(MetricCatalog.States.Health, "healthy", ("pool", "S2D")));
        for (var v = 0; v < Volumes; v++)
        {
            var volume = $"vol-{v:D2}";
            Add(Instruments.StorageVolumeSize, "By", (2e12, [("volume", volume), ("resiliency", "three_way_mirror")]));
            Add(Instruments.StorageVolumeUsed, "By", (1e12, [("volume", volume), ("resiliency", "three_way_mirror")]));
            Add(Instruments.StorageVolumeHealth, string.Empty, StateSet(MetricCatalog.States.Health, "healthy", ("volume", volume)));
            Add(Instruments.StorageVolumeOperational, string.Empty, StateSet(MetricCatalog.States.VolumeOperational, "ok", ("volume", volume)));
        }

        var resource = new Resource
        {
            Attributes =
            {
                new KeyValue { Key = ResourceAttributes.Cluster, Value = new AnyValue { StringValue = ClusterName(cluster) } },
                new KeyValue { Key = ResourceAttributes.HostName, Value = new AnyValue { StringValue = self } },
            },
        };
        return new ExportMetricsServiceRequest { ResourceMetrics = { new ResourceMetrics { Resource = resource, ScopeMetrics = { new ScopeMetrics { Metrics = { metrics } } } } } };
    }
}
