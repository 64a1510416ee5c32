using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>
/// One cluster's topology: identical nodes (cores, memory, a cache and a capacity drive tier), a witness, volumes,
/// VMs, a workload and networks. Nodes are named node-1..node-N.
/// </summary>
internal sealed record ClusterSpec
{
    public const int MaxNodes = 16;

    private readonly int _nodes = 3;
    private string[] _nodeNames = Names(3);

    public required string Name { get; init; }

    /// <summary>1..16 nodes.</summary>
    public int Nodes
    {
        get => _nodes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxNodes);
            _nodes = value;
            _nodeNames = Names(value);
        }
    }

    public int CoresPerNode { get; init; } = 32;

    public long MemoryPerNodeBytes { get; init; } = 384L << 30;

    /// <summary>Memory the host OS and S2D keep on each node.</summary>
    public long HostMemoryBytes { get; init; } = 24L << 30;

    /// <summary>Cache tier per node; null for a single-tier (all-flash, no cache) node.</summary>
    public DriveSpec? Cache { get; init; } = new("nvme", 2, 1_600_000_000_000);

    /// <summary>Capacity tier per node (the pool is made of these).</summary>
    public DriveSpec Capacity { get; init; } = new("ssd", 4, 3_840_000_000_000);

    public WitnessType Witness { get; init; }

    public IReadOnlyList<VolumeSpec> Volumes { get; init; } = [];

    public VmSpec Vms { get; init; } = new(24, 16L << 30);

    public WorkloadSpec Workload { get; init; } = new();

    public NetworkSpec Networks { get; init; } = new();

    /// <summary>Site or role, for describe (e.g. "Hospital A, primary").</summary>
    public string? Site { get; init; }

    /// <summary>
    /// Stretched cluster: the site of each node (node-1 first); null for one site. The first site is where the
    /// volumes are active (the replication source); the others hold replicas.
    /// </summary>
    public IReadOnlyList<string>? NodeSites { get; init; }

    /// <summary>Replication this cluster is the source of; null for none.</summary>
    public ReplicationSpec? Replication { get; init; }

    /// <summary>Distinct sites (1 unless stretched).</summary>
    public int SiteCount => NodeSites?.Distinct(StringComparer.Ordinal).Count() ?? 1;

    /// <summary>The site of node <paramref name="index"/> (0-based); null for a one-site cluster.</summary>
    public string? SiteOf(int index) => NodeSites?[index];

    /// <summary>True when node <paramref name="index"/> is in the first (active) site, or the cluster has one site.</summary>
    public bool InPrimarySite(int index) => NodeSites is null || NodeSites[index] == NodeSites[0];

    /// <summary>True unless the capacity tier is HDD (hybrid).</summary>
    public bool AllFlash => Capacity.Media != "hdd";

    public IReadOnlyList<string> NodeNames => _nodeNames;

    /// <summary>Capacity drives in the cluster.</summary>
    public int CapacityDrives => Nodes * Capacity.Count;

    public long RawBytes => CapacityDrives * Capacity.SizeBytes;

    /// <summary>One capacity drive per node, up to four, kept unallocated for repair.</summary>
    public long ReserveBytes => Math.Min(Nodes, 4) * Capacity.SizeBytes;

    private static string[] Names(int nodes) => [.. Enumerable.Range(1, nodes).Select(i => $"node-{i}")];
}
