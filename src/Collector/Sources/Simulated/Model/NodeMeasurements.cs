using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// A running node's own measurements as consequences of the cluster's state: CPU and memory follow the VMs it runs
/// (so they rise on the survivors when a peer fails), storage latency follows the cache and capacity tiers and rises
/// while data is repaired or degraded, network round trips go to the peers it can reach, and a little seeded noise
/// keeps the lines alive. O(nodes) per node.
/// </summary>
internal sealed class NodeMeasurements
{
    private readonly ClusterSpec _spec;
    private readonly int _seed;
    private readonly int _cluster;
    private readonly double _cacheReadLatency;
    private readonly double _capacityReadLatency;
    private readonly double _writeLatency;

    private readonly long _repairRate;
    private readonly Impairments _impairments;

    public NodeMeasurements(ClusterSpec spec, int seed, int clusterIndex, long repairBytesPerSecond, Impairments impairments)
    {
        _spec = spec;
        _impairments = impairments;
        _repairRate = repairBytesPerSecond;
        _seed = seed;
        _cluster = clusterIndex;
        _capacityReadLatency = spec.Capacity.Media switch { "hdd" => 0.008, "ssd" => 0.0006, _ => 0.0002 };
        _cacheReadLatency = spec.Cache?.Media == "nvme" ? 0.00015 : 0.0003;

        // Writes land in the cache tier (or the capacity SSDs) and must reach every copy over the storage network.
        _writeLatency = (spec.Cache is null ? _capacityReadLatency : _cacheReadLatency) * 2 + (2 * spec.Networks.StorageLatencySeconds);
    }

    public NodeMetrics For(int index, TimeSpan now, in ClusterMoment m)
    {
        double N(int metric) => Noise.At(_seed, (_cluster * ClusterSpec.MaxNodes) + index, metric, now);
        var storage = m.Storage;
        var vms = m.Vms[index];
        var daily = Math.Sin(2 * Math.PI * ((now.TotalSeconds / 86400) + ((double)index / _spec.Nodes)));
        var vmCpu = vms * _spec.Vms.Vcpus * _spec.Vms.CpuLoad / (_spec.CoresPerNode * 2.0);
        var repairCpu = storage.Repairing ? 0.04 : 0;
        var cpu = Math.Clamp((0.05 + vmCpu) * m.Load * (1 + (0.05 * daily)) + repairCpu + (0.015 * N(1)), 0.01, 0.99);

        var memoryUsed = _spec.HostMemoryBytes + (vms * m.VmMemoryBytes) + (long)((1L << 30) * (1 + N(2)));
        var available = Math.Max(0, _spec.MemoryPerNodeBytes - memoryUsed);

        var hit = _spec.Cache is null ? 0 : Math.Clamp(_spec.Workload.CacheHitRatio + (0.02 * N(3)), 0, 1) * _impairments.CacheBound(index);
        var pressure = (storage.Repairing ? 1.6 : 1.0) * (storage.Degraded ? 1.2 : 1.0) * Math.Max(0.5, m.Load);

        // A slow capacity drive serves its share of the node's missed reads and of the writes destaged to it.
        var slow = (_impairments.SlowDiskSeconds[index] ?? 0) / _spec.Capacity.Count;
        var read = (((hit * _cacheReadLatency) + ((1 - hit) * _capacityReadLatency)) * pressure * (1 + (0.15 * N(4)))) + ((1 - hit) * slow);
        var write = (_writeLatency * pressure * (1 + (0.15 * N(5)))) + slow;

        var members = 0;
        foreach (var member in m.Member)
        {
            members += member ? 1 : 0;
        }

        var perNodeIops = (_spec.Workload.ReadIops + _spec.Workload.WriteIops) / _spec.Nodes;
        var repairShare = storage.Repairing && members > 0 ? (double)_repairRate / members : 0;
        var storageBytes = (perNodeIops * _spec.Workload.IoSizeBytes * m.Load) + repairShare;

        return new NodeMetrics
        {
            CpuUtilization = cpu,
            MemorySizeBytes = _spec.MemoryPerNodeBytes,
            MemoryAvailableBytes = available,
            VmCount = vms,
            CacheHitRatio = _spec.Cache is null ? null : hit,
            ReadLatencySeconds = read,
            WriteLatencySeconds = write,
            ReadOperations = (long)(_spec.Workload.ReadIops / _spec.Nodes * m.LoadIntegral),
            WriteOperations = (long)(_spec.Workload.WriteIops / _spec.Nodes * m.LoadIntegral),
            DegradedBytes = members == 0 ? 0 : storage.RemainingRepairBytes / members,
            Disks = WithFailedCache(storage.DisksByNode[index], _impairments.FailedCacheDrives[index]),
            Latencies = Latencies(index, m.Member, storage.Repairing, now),
            Throughput =
            [
                new NetworkThroughput("storage", "rx", storageBytes * (1 + (0.1 * N(6)))),
                new NetworkThroughput("storage", "tx", storageBytes * (1 + (0.1 * N(7)))),
                new NetworkThroughput("management", "rx", 2e6 * (1 + (0.2 * N(8)))),
                new NetworkThroughput("management", "tx", 2e6 * (1 + (0.2 * N(9)))),
                new NetworkThroughput("cluster", "rx", 12e6 * (1 + (0.2 * N(10)))),
                new NetworkThroughput("cluster", "tx", 12e6 * (1 + (0.2 * N(11)))),
            ],
        };
    }

    // Peers in the same site only: the round trip between the sites of a stretched cluster is
    // azlocal.cluster.site.latency (its own budget and alert), not a per-peer segment latency.
    private List<PeerLatency> Latencies(int index, bool[] member, bool repairing, TimeSpan now)
    {
        var result = new List<PeerLatency>(member.Length * 3);
        var networks = _spec.Networks;
        var storage = _impairments.NetworkSeconds("storage", networks.StorageLatencySeconds);
        var management = _impairments.NetworkSeconds("management", networks.ManagementLatencySeconds);
        var cluster = _impairments.NetworkSeconds("cluster", networks.ClusterLatencySeconds);
        for (var p = 0; p < member.Length; p++)
        {
            if (p == index || !member[p] || _spec.SiteOf(p) != _spec.SiteOf(index))
            {
                continue;
            }

            var n = Noise.At(_seed, (_cluster * ClusterSpec.MaxNodes) + index, 20 + p, now);
            var name = _spec.NodeNames[p];
            result.Add(new PeerLatency("storage", name, storage * (repairing ? 1.4 : 1) * (1 + (0.3 * n))));
            result.Add(new PeerLatency("management", name, management * (1 + (0.25 * n))));
            result.Add(new PeerLatency("cluster", name, cluster * (1 + (0.25 * n))));
        }

        return result;
    }

    private IReadOnlyList<DiskGroup> WithFailedCache(IReadOnlyList<DiskGroup> disks, int failed) =>
        failed == 0 ? disks : [.. disks.Select(d => d.Usage != "cache" ? d
            : d.State == DiskState.Healthy ? d with { Count = d.Count - failed }
            : d.State == DiskState.Unhealthy ? d with { Count = d.Count + failed }
            : d)];
}
