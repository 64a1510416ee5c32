using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using AzLocalMonitor.Telemetry.Otlp.Resource;
using Google.Protobuf;

namespace AzLocalMonitor.Ingest.Benchmarks;

/// <summary>
/// Pre-serialized OTLP export requests of a fleet, as each node's agent sends them every interval: its own node
/// metrics plus what it sees of the cluster (membership of every node, quorum, votes, pool, volumes, disks).
/// </summary>
public static class FleetBatches
{
    /// <summary>Rounds × clusters × nodes request bodies, and the number of data points in each round.</summary>
    public static (List<byte[]> Bodies, long PointsPerRound) Build(int clusters, int nodes, int volumes, int rounds, DateTimeOffset start, TimeSpan interval)
    {
        var bodies = new List<byte[]>();
        long pointsPerRound = 0;
        var random = new Random(42);
        for (var round = 0; round < rounds; round++)
        {
            var time = (ulong)(start + (interval * round)).ToUnixTimeMilliseconds() * 1_000_000UL;
            for (var c = 0; c < clusters; c++)
            {
                for (var n = 0; n < nodes; n++)
                {
                    var request = Node($"cluster-{c:D4}", $"node-{n + 1}", nodes, volumes, time, random, out var points);
                    bodies.Add(request.ToByteArray());
                    if (round == 0)
                    {
                        pointsPerRound += points;
                    }
                }
            }
        }

        return (bodies, pointsPerRound);
    }

    private static ExportMetricsServiceRequest Node(string cluster, string node, int nodes, int volumes, ulong time, Random random, out int points)
    {
        var metrics = new List<Metric>();
        var count = 0;
        void Add(string name, string unit, params (double Value, (string, string)[] Attributes)[] values)
        {
            var gauge = new Gauge();
            foreach (var (value, attributes) in values)
            {
                var point = new NumberDataPoint { AsDouble = value, TimeUnixNano = time };
                foreach (var (k, v) in attributes)
                {
                    point.Attributes.Add(new KeyValue { Key = k, Value = new AnyValue { StringValue = v } });
                }

                gauge.DataPoints.Add(point);
                count++;
            }

            metrics.Add(new Metric { Name = name, Unit = unit, Gauge = gauge });
        }

        (double, (string, string)[])[] StateSet(IReadOnlyList<string> states, string current, params (string, string)[] attributes) =>
            [.. states.Select(s => (s == current ? 1.0 : 0.0, (attributes.Append(("state", s)).ToArray())))];

        Add(Instruments.NodeCpuUtilization, "1", (0.3 + (random.NextDouble() * 0.2), []));
        Add(Instruments.NodeMemoryUtilization, "1", (0.5 + (random.NextDouble() * 0.1), []));
        Add(Instruments.NodeMemorySize, "By", (512e9, []));
        Add(Instruments.NodeMemoryAvailable, "By", (200e9, []));
        Add(Instruments.NodeVmCount, "{vm}", (20, []));
        Add(Instruments.StorageCacheHitRatio, "1", (0.93, []));
        Add(Instruments.StorageLatency, "s", (0.001, [("op", "read")]), (0.002, [("op", "write")]));
        Add(Instruments.StorageDegraded, "By", (0, []));
        var peers = Enumerable.Range(1, nodes).Select(i => $"node-{i}").Where(p => p != node).ToList();
        Add(Instruments.NetworkLatency, "s", [.. peers.SelectMany(p => new[] { (0.0002, new[] { ("network", "storage"), ("peer", p) }), (0.0004, new[] { ("network", "management"), ("peer", p) }) })]);
        Add(Instruments.NetworkThroughput, "By/s", (1e9, [("network", "storage"), ("direction", "rx")]), (1e9, [("network", "storage"), ("direction", "tx")]));
        Add(Instruments.StorageDiskCount, "{disk}", (2, [("media", "nvme"), ("usage", "cache"), ("state", "healthy")]), (4, [("media", "ssd"), ("usage", "capacity"), ("state", "healthy")]));
        Add(Instruments.NodeState, string.Empty, [.. Enumerable.Range(1, nodes).SelectMany(i => StateSet(MetricCatalog.States.Node, "up", ("node", $"node-{i}")))]);
        Add(Instruments.NodeDrain, string.Empty, StateSet(MetricCatalog.States.Drain, "none"));
        Add(Instruments.ClusterQuorum, string.Empty, (1, []));
        Add(Instruments.ClusterVotesConfigured, "{vote}", (nodes, []));
        Add(Instruments.ClusterVotesPresent, "{vote}", (nodes, []));
        Add(Instruments.StoragePoolSize, "By", (nodes * 8e12, [("pool", "S2D")]));
        Add(Instruments.StoragePoolAllocated, "By", (nodes * 4e12, [("pool", "S2D")]));
        Add(Instruments.StoragePoolHealth, string.Empty, StateSet(MetricCatalog.States.Health, "healthy", ("pool", "S2D")));
        for (var v = 0; v < volumes; v++)
        {
            var volume = $"vol-{v:D2}";
            Add(Instruments.StorageVolumeSize, "By", (2e12, [("volume", volume), ("resiliency", "three_way_mirror")]));
            Add(Instruments.StorageVolumeUsed, "By", (1e12, [("volume", volume), ("resiliency", "three_way_mirror")]));
            Add(Instruments.StorageVolumeHealth, string.Empty, StateSet(MetricCatalog.States.Health, "healthy", ("volume", volume)));
            Add(Instruments.StorageVolumeOperational, string.Empty, StateSet(MetricCatalog.States.VolumeOperational, "ok", ("volume", volume)));
        }

        points = count;
        var resource = new Resource
        {
            Attributes =
            {
                new KeyValue { Key = "azlocal.cluster", Value = new AnyValue { StringValue = cluster } },
                new KeyValue { Key = "host.name", Value = new AnyValue { StringValue = node } },
            },
        };
        return new ExportMetricsServiceRequest { ResourceMetrics = { new ResourceMetrics { Resource = resource, ScopeMetrics = { new ScopeMetrics { Metrics = { metrics } } } } } };
    }
}
