using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>
/// The module's deployment patterns and customer scenarios (src/Collector/README.md; the Azure Local architecture module,
/// "Deployment Patterns" and "Customer Scenarios"). Sizes the module leaves open are typical values from its hardware
/// section (48–64 cores, 256 GB–1 TB, 800 GB–2 TB SSD or 2–10 TB HDD per drive, at least 4 drives per node).
/// </summary>
internal static class PresetCatalog
{
    private const long TB = 1_000_000_000_000;
    private const long GiB = 1L << 30;

    private static readonly Preset[] All =
    [
        new("single-node", "1 node, all-flash, no HA (POC, edge)", [SingleNode("single-node")],
            ["Module: single server, minimum 256 GB RAM and 8 cores; storage resilience limited to backup/restore (simple volume)."]),
        new("two-node-witness", "2 nodes + cloud witness, two-way mirror", [TwoNode("two-node-cluster")],
            ["Module: 2-node cluster, file share or cloud witness for quorum, survives 1 node failure, 2-way mirror."]),
        new("three-node", "3 nodes, three-way mirror (production standard)", [ThreeNode("three-node-cluster")],
            ["Module: 3-node production standard, node majority (no witness needed), 3-way mirror: it keeps quorum after one "
                + "node failure without a witness (2 of 3 votes)."]),
        new("four-node", "4 nodes hybrid (NVMe cache + HDD), mirror + dual parity, cloud witness", [FourNode("four-node-cluster")],
            ["Module: 4+ nodes, multiple failures survivable; hybrid media so the cache hit ratio matters."]),
        CustomerPresets.Manufacturing,
        CustomerPresets.Bank,
        CustomerPresets.Hospital,
        CustomerPresets.Research,
        CustomerPresets.Retail,
    ];

    public static IReadOnlyList<Preset> Presets => All;

    public static bool TryGet(string name, out Preset preset)
    {
        preset = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return preset is not null;
    }

    public static IEnumerable<string> Names => All.Select(p => p.Name);

    /// <summary>
    /// The cluster of a scenario that gives only <c>nodes</c> and <c>witness</c>: the three-node preset's hardware with
    /// the resiliency the node count allows, one 2 TiB volume and 8 VMs per node.
    /// </summary>
    public static ClusterSpec Generic(string name, int nodes, WitnessType witness)
    {
        var resiliency = nodes switch { >= 3 => Resiliency.ThreeWayMirror, 2 => Resiliency.TwoWayMirror, _ => Resiliency.Simple };
        return new ClusterSpec
        {
            Name = name,
            Nodes = nodes,
            Witness = witness,
            Volumes = [.. Enumerable.Range(1, nodes).Select(i => new VolumeSpec($"volume-{i}", resiliency, 2L << 40))],
            Vms = new VmSpec(8 * nodes, 16 * GiB),
        };
    }

    private static ClusterSpec SingleNode(string name) => new()
    {
        Name = name,
        Nodes = 1,
        CoresPerNode = 16,
        MemoryPerNodeBytes = 256 * GiB,
        Cache = null,
        Capacity = new DriveSpec("ssd", 4, 1_920_000_000_000),
        Volumes = [new VolumeSpec("volume-1", Resiliency.Simple, 4 * TB)],
        Vms = new VmSpec(8, 16 * GiB),
        Workload = new WorkloadSpec(12_000, 5_000),
    };

    private static ClusterSpec TwoNode(string name) => new()
    {
        Name = name,
        Nodes = 2,
        Witness = WitnessType.Cloud,
        Volumes = [new VolumeSpec("volume-1", Resiliency.TwoWayMirror, 5 * TB), new VolumeSpec("volume-2", Resiliency.TwoWayMirror, 5 * TB)],
        Vms = new VmSpec(16, 16 * GiB),
        Workload = new WorkloadSpec(30_000, 12_000),
    };

    private static ClusterSpec ThreeNode(string name) => Generic(name, 3, WitnessType.None);

    private static ClusterSpec FourNode(string name) => new()
    {
        Name = name,
        Nodes = 4,
        CoresPerNode = 48,
        MemoryPerNodeBytes = 512 * GiB,
        Witness = WitnessType.Cloud,
        Cache = new DriveSpec("nvme", 2, 1_600_000_000_000),
        Capacity = new DriveSpec("hdd", 6, 8 * TB),
        Volumes = [new VolumeSpec("vm-mirror", Resiliency.ThreeWayMirror, 10 * TB), new VolumeSpec("archive", Resiliency.DualParity, 40 * TB, 0.5)],
        Vms = new VmSpec(32, 24 * GiB),
        Workload = new WorkloadSpec(60_000, 20_000, CacheHitRatio: 0.9),
        Networks = new NetworkSpec(StorageLinkBytesPerSecond: 100e9 / 8), // module: 4+ nodes, 100 Gbps storage network
    };
}
