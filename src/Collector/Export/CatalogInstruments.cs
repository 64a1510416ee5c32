using System.Diagnostics.Metrics;
using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Telemetry;
using Tag = System.Collections.Generic.KeyValuePair<string, object?>;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// The catalog's instruments (docs/reference/metrics.md) as observable instruments over the latest reading. Node-scope points
/// carry data-point attribute <c>node</c> naming the subject node; cluster-scope points never do. State sets report
/// 1 for the current state and 0 for the others. A value the reading lacks exports no point.
/// </summary>
internal sealed class CatalogInstruments : IDisposable
{
    public const string MeterName = "AzLocalMonitor.Collector";

    private readonly Meter _meter;
    private readonly Func<ClusterReading> _read;

    /// <param name="read">Called from every instrument callback; should return a cached reading (see <see cref="ReadingCache"/>).</param>
    public CatalogInstruments(Func<ClusterReading> read)
    {
        _read = read;
        // Several instances may live in one process (simulate, tests): MeterCollector listens to this Meter object,
        // not to a name, so they share the name and the scope they export under.
        _meter = new Meter(MeterName, typeof(CatalogInstruments).Assembly.GetName().Version?.ToString());

        Gauge(Instruments.NodeCpuUtilization, r => PerNode(r, m => m.CpuUtilization));
        Gauge(Instruments.NodeMemoryUtilization, r => PerNode(r, m => m.MemoryUtilization));
        Gauge(Instruments.NodeMemorySize, r => PerNode(r, m => m.MemorySizeBytes));
        Gauge(Instruments.NodeMemoryAvailable, r => PerNode(r, m => m.MemoryAvailableBytes));
        Gauge(Instruments.NodeState, r => r.Nodes.SelectMany(n => StateSet(MetricCatalog.States.Node, StateNames.Of(n.State), NodeTag(n))));
        Gauge(Instruments.NodeDrain, r => r.Nodes.SelectMany(n => StateSet(MetricCatalog.States.Drain, StateNames.Of(n.Drain), NodeTag(n))));
        Gauge(Instruments.NodeVmCount, r => PerNode(r, m => (long?)m.VmCount));
        Gauge(Instruments.NetworkLatency, r => PerNodeMany(r, m => m.Latencies, l => l.Seconds, l => [new("network", l.Network), new("peer", l.Peer)]));
        Gauge(Instruments.NetworkThroughput, r => PerNodeMany(r, m => m.Throughput, t => t.BytesPerSecond, t => [new("network", t.Network), new("direction", t.Direction)]));
        Gauge(Instruments.StorageCacheHitRatio, r => PerNode(r, m => m.CacheHitRatio));
        Gauge(Instruments.StorageLatency, r => PerNode(r, m => m.ReadLatencySeconds, new Tag("op", "read"))
            .Concat(PerNode(r, m => m.WriteLatencySeconds, new Tag("op", "write"))));
        Counter(Instruments.StorageOperations, r => PerNode(r, m => m.ReadOperations, new Tag("op", "read"))
            .Concat(PerNode(r, m => m.WriteOperations, new Tag("op", "write"))));
        Gauge(Instruments.StorageDiskCount, r => PerNodeMany(r, m => m.Disks, d => (long)d.Count,
            d => [new("media", d.Media), new("usage", d.Usage), new("state", StateNames.Of(d.State))]));
        Gauge(Instruments.StorageDegraded, r => PerNode(r, m => m.DegradedBytes));

        Gauge(Instruments.ClusterQuorum, r => Cluster<long>(r, c => [new(c.HasQuorum ? 1 : 0)]));
        Gauge(Instruments.ClusterVotesConfigured, r => Cluster<long>(r, c => [new(c.VotesConfigured)]));
        Gauge(Instruments.ClusterVotesPresent, r => Cluster<long>(r, c => [new(c.VotesPresent)]));
        Gauge(Instruments.ClusterWitnessState, r => Cluster(r, c =>
            StateSet(MetricCatalog.States.Witness, StateNames.Of(c.WitnessState), new Tag("type", StateNames.Of(c.WitnessType)))));
        Gauge(Instruments.StoragePoolSize, r => Cluster(r, c => c.Pools.Select(p => new Measurement<long>(p.SizeBytes, new Tag("pool", p.Name)))));
        Gauge(Instruments.StoragePoolAllocated, r => Cluster(r, c => c.Pools.Select(p => new Measurement<long>(p.AllocatedBytes, new Tag("pool", p.Name)))));
        Gauge(Instruments.StoragePoolHealth, r => Cluster(r, c => c.Pools.SelectMany(p =>
            StateSet(MetricCatalog.States.Health, StateNames.Of(p.Health), new Tag("pool", p.Name)))));
        Gauge(Instruments.StorageVolumeSize, r => Cluster(r, c => c.Volumes.Select(v =>
            new Measurement<long>(v.SizeBytes, new Tag("volume", v.Name), new Tag("resiliency", v.Resiliency)))));
        Gauge(Instruments.StorageVolumeUsed, r => Cluster(r, c => c.Volumes.Where(v => v.UsedKnown).Select(v =>
            new Measurement<long>(v.UsedBytes, new Tag("volume", v.Name), new Tag("resiliency", v.Resiliency)))));
        Gauge(Instruments.StorageVolumeHealth, r => Cluster(r, c => c.Volumes.SelectMany(v =>
            StateSet(MetricCatalog.States.Health, StateNames.Of(v.Health), new Tag("volume", v.Name)))));
        Gauge(Instruments.StorageVolumeOperational, r => Cluster(r, c => c.Volumes.SelectMany(v =>
            StateSet(MetricCatalog.States.VolumeOperational, StateNames.Of(v.Operational), new Tag("volume", v.Name)))));
        Gauge(Instruments.StorageRepairSize, r => RepairJobs(r).Select(j => new Measurement<long>(j.SizeBytes, new Tag("job", j.Name), new Tag("state", j.State))));
        Gauge(Instruments.StorageRepairProcessed, r => RepairJobs(r).Select(j => new Measurement<long>(j.ProcessedBytes, new Tag("job", j.Name), new Tag("state", j.State))));
        Gauge(Instruments.HealthFaults, r => Cluster(r, c => c.Faults.Select(f =>
            new Measurement<long>(f.Count, new Tag("severity", f.Severity), new Tag("type", f.Type)))));
        Gauge(Instruments.ClusterWitnessLatency, r => Cluster<double>(r, c => c.WitnessLatencySeconds is { } s
            ? [new Measurement<double>(s, new Tag("type", StateNames.Of(c.WitnessType)))] : []));
        Gauge(Instruments.ClusterSiteLatency, r => Cluster(r, c => c.SiteLatencies.Select(l =>
            new Measurement<double>(l.Seconds, new Tag("site", l.Site), new Tag("peer_site", l.PeerSite)))));
        Gauge(Instruments.ClusterOperations, r => Cluster(r, c => c.Operations.Select(o =>
            new Measurement<long>(1, new Tag("operation", o.Operation), new Tag("subject", o.Subject)))));
        Gauge(Instruments.ReplicationLag, r => Cluster(r, c => c.Replication.Where(g => g.LagSeconds is not null).Select(g => new Measurement<double>(g.LagSeconds!.Value, ReplicationTags(g)))));
        Gauge(Instruments.ReplicationState, r => Cluster(r, c => c.Replication.SelectMany(g =>
            MetricCatalog.States.Replication.Select(s => new Measurement<long>(s == StateNames.Of(g.State) ? 1 : 0, [.. ReplicationTags(g), new Tag("state", s)])))));
    }

    /// <summary>The meter to collect (by reference: every instance is named <see cref="MeterName"/>).</summary>
    public Meter Meter => _meter;

    public void Dispose() => _meter.Dispose();

    private void Gauge<T>(string name, Func<ClusterReading, IEnumerable<Measurement<T>>> points)
        where T : struct
    {
        var definition = Definition(name);
        _meter.CreateObservableGauge(name, () => points(_read()), UnitOf(definition), definition.Help);
    }

    private void Counter<T>(string name, Func<ClusterReading, IEnumerable<Measurement<T>>> points)
        where T : struct
    {
        var definition = Definition(name);
        _meter.CreateObservableCounter(name, () => points(_read()), UnitOf(definition), definition.Help);
    }

    private static MetricDefinition Definition(string name) =>
        MetricCatalog.TryGet(name, out var definition) ? definition : throw new InvalidOperationException($"{name} is not in the metric catalog.");

    // State sets have no unit; the export writes an empty string anyway, null keeps the intent explicit.
    private static string? UnitOf(MetricDefinition definition) => definition.Unit.Length == 0 ? null : definition.Unit;

    private static Tag NodeTag(NodeReading node) => new(ResourceAttributes.NodeLabel, node.Name);

    private static IEnumerable<Measurement<T>> PerNode<T>(ClusterReading reading, Func<NodeMetrics, T?> value, params Tag[] extra)
        where T : struct
    {
        foreach (var node in reading.Nodes)
        {
            if (node.Metrics is { } metrics && value(metrics) is { } v)
            {
                yield return new Measurement<T>(v, [NodeTag(node), .. extra]);
            }
        }
    }

    private static IEnumerable<Measurement<T>> PerNodeMany<TItem, T>(
        ClusterReading reading, Func<NodeMetrics, IEnumerable<TItem>> items, Func<TItem, T> value, Func<TItem, Tag[]> tags)
        where T : struct
    {
        foreach (var node in reading.Nodes)
        {
            if (node.Metrics is { } metrics)
            {
                foreach (var item in items(metrics))
                {
                    yield return new Measurement<T>(value(item), [NodeTag(node), .. tags(item)]);
                }
            }
        }
    }

    private static IEnumerable<Measurement<T>> Cluster<T>(ClusterReading reading, Func<ClusterFacts, IEnumerable<Measurement<T>>> points)
        where T : struct =>
        reading.Cluster is { } facts ? points(facts) : [];

    // Cluster-scope: the cluster's repair jobs, plus rebuilds a node runs on its own disks (md RAID), without node.
    private static IEnumerable<RepairJob> RepairJobs(ClusterReading reading) =>
        (reading.Cluster?.RepairJobs ?? []).Concat(reading.Nodes.SelectMany(n => n.Metrics?.LocalRepairJobs ?? []));

    private static Tag[] ReplicationTags(ReplicationReading g) =>
        [new("group", g.Group), new("partner", g.Partner), new("mode", StateNames.Of(g.Mode))];

    private static IEnumerable<Measurement<long>> StateSet(IReadOnlyList<string> states, string current, Tag subject) =>
        states.Select(s => new Measurement<long>(s == current ? 1 : 0, subject, new Tag("state", s)));
}
