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

    public NodeMeasurements(ClusterSpec spec, int seed, int clusterIndex, long repairBytesPerSecond)
    {
        _spec = spec;
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

        var hit = _spec.Cache is null ? 0 : Math.Clamp(_spec.Workload.CacheHitRatio + (0.02 * N(3)), 0, 1);
        var pressure = (storage.Repairing ? 1.6 : 1.0) * (storage.Degraded ? 1.2 : 1.0) * Math.Max(0.5, m.Load);
        var read = ((hit * _cacheReadLatency) + ((1 - hit) * _capacityReadLatency)) * pressure * (1 + (0.15 * N(4)));
        var write = _writeLatency * pressure * (1 + (0.15 * N(5)));

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
            Disks = storage.DisksByNode[index],
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

    private PeerLatency[] Latencies(int index, bool[] member, bool repairing, TimeSpan now)
    {
        var peers = 0;
        for (var p = 0; p < member.Length; p++)
        {
            peers += p != index && member[p] ? 1 : 0;
        }

        var result = new PeerLatency[peers * 3];
        var k = 0;
        var networks = _spec.Networks;
        for (var p = 0; p < member.Length; p++)
        {
            if (p == index || !member[p])
            {
                continue;
            }

            var n = Noise.At(_seed, (_cluster * ClusterSpec.MaxNodes) + index, 20 + p, now);
            var name = _spec.NodeNames[p];
            result[k++] = new PeerLatency("storage", name, networks.StorageLatencySeconds * (repairing ? 1.4 : 1) * (1 + (0.3 * n)));
            result[k++] = new PeerLatency("management", name, networks.ManagementLatencySeconds * (1 + (0.25 * n)));
            result[k++] = new PeerLatency("cluster", name, networks.ClusterLatencySeconds * (1 + (0.25 * n)));
        }

        return result;
    }
}
