using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>
/// Plausible per-node values for one instant of a <see cref="SimulatedCluster"/>: CPU and memory follow the VMs a
/// node runs (so they rise on the survivors when a peer fails), latency doubles while storage is degraded, and a
/// little seeded noise keeps the lines alive.
/// </summary>
internal sealed class SimulatedMeasurements
{
    private const int VmsPerNode = 8;
    private const long MemoryBytes = 384L << 30;
    private const long HostMemoryBytes = 24L << 30;
    private const long VmMemoryBytes = 16L << 30;

    private readonly int _seed;
    private readonly IReadOnlyList<string> _names;
    private readonly IReadOnlyList<NodeState> _states;
    private readonly bool _storageDegraded;
    private readonly int[] _vms;

    public SimulatedMeasurements(int seed, IReadOnlyList<string> names, IReadOnlyList<NodeState> states, bool hasQuorum, bool storageDegraded)
    {
        _seed = seed;
        _names = names;
        _states = states;
        _storageDegraded = storageDegraded;
        _vms = PlaceVms(states, hasQuorum);
    }

    /// <param name="index">The subject node.</param>
    /// <param name="resyncRemainingBytes">Bytes the cluster still has to resync, shared among running nodes.</param>
    public NodeMetrics For(int index, TimeSpan now, long resyncRemainingBytes)
    {
        double N(int metric) => Noise.At(_seed, index, metric, now);
        var vms = _vms[index];
        var wave = Math.Sin(2 * Math.PI * ((now.TotalSeconds / 300) + ((double)index / _names.Count)));
        var latencyFactor = _storageDegraded ? 2.0 : 1.0;
        var running = _states.Count(s => s != NodeState.Down);

        return new NodeMetrics
        {
            CpuUtilization = Math.Clamp(0.08 + (0.035 * vms) + (0.03 * wave) + (0.02 * N(1)), 0.01, 0.99),
            MemorySizeBytes = MemoryBytes,
            MemoryAvailableBytes = Math.Max(0, MemoryBytes - HostMemoryBytes - (vms * VmMemoryBytes) - (long)((1L << 30) * (1 + N(2)))),
            VmCount = vms,
            CacheHitRatio = 0.9 + (0.04 * N(3)),
            ReadLatencySeconds = (0.0006 + (0.0002 * N(4))) * latencyFactor,
            WriteLatencySeconds = (0.0011 + (0.0003 * N(5))) * latencyFactor,
            ReadOperations = (long)(15_000 * now.TotalSeconds),
            WriteOperations = (long)(6_000 * now.TotalSeconds),
            DegradedBytes = running == 0 ? 0 : resyncRemainingBytes / running,
            Disks =
            [
                .. Disks("nvme", "cache", 2),
                .. Disks("ssd", "capacity", 4),
            ],
            Latencies = [.. Peers(index).SelectMany(p => new[]
            {
                new PeerLatency("storage", _names[p], 0.00015 + (0.00005 * N(10 + p))),
                new PeerLatency("management", _names[p], 0.0004 + (0.0001 * N(30 + p))),
            })],
            Throughput =
            [
                new NetworkThroughput("storage", "rx", 400e6 * (1 + (0.2 * N(6)))),
                new NetworkThroughput("storage", "tx", 400e6 * (1 + (0.2 * N(7)))),
                new NetworkThroughput("management", "rx", 2e6 * (1 + (0.2 * N(8)))),
                new NetworkThroughput("management", "tx", 2e6 * (1 + (0.2 * N(9)))),
            ],
        };
    }

    private static IEnumerable<DiskGroup> Disks(string media, string usage, int healthy) =>
        Enum.GetValues<DiskState>().Select(s => new DiskGroup(media, usage, s, s == DiskState.Healthy ? healthy : 0));

    private IEnumerable<int> Peers(int index) =>
        Enumerable.Range(0, _names.Count).Where(p => p != index && _states[p] != NodeState.Down);

    // VMs run on Up nodes only (paused nodes are drained); without quorum the cluster stops and so do they.
    private static int[] PlaceVms(IReadOnlyList<NodeState> states, bool hasQuorum)
    {
        var vms = new int[states.Count];
        var hosts = Enumerable.Range(0, states.Count).Where(i => states[i] == NodeState.Up).ToArray();
        if (!hasQuorum || hosts.Length == 0)
        {
            return vms;
        }

        var total = VmsPerNode * states.Count;
        for (var k = 0; k < hosts.Length; k++)
        {
            vms[hosts[k]] = (total / hosts.Length) + (k < total % hosts.Length ? 1 : 0);
        }

        return vms;
    }
}
