using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Probes;

namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>Everything the readers returned for one reading, raw.</summary>
internal sealed record WindowsSnapshot
{
    public IReadOnlyList<PerfSample> Counters { get; init; } = [];

    /// <summary>Win32_ComputerSystem.TotalPhysicalMemory.</summary>
    public long? TotalPhysicalMemory { get; init; }

    /// <summary>False when root\MSCluster did not answer (the cluster service is down on this node, or lost quorum).</summary>
    public bool ClusterReachable { get; init; } = true;

    public ClusterRecord? Cluster { get; init; }

    public IReadOnlyList<ClusterNodeRecord> Nodes { get; init; } = [];

    public IReadOnlyList<ClusterResourceRecord> WitnessResources { get; init; } = [];

    public IReadOnlyList<ResourceGroupRecord> Groups { get; init; } = [];

    public IReadOnlyList<ClusterNetworkRecord> Networks { get; init; } = [];

    public IReadOnlyList<NetworkInterfaceRecord> NetworkInterfaces { get; init; } = [];

    public IReadOnlyList<NetAdapterRecord> NetAdapters { get; init; } = [];

    public IReadOnlyList<StorageJobRecord> Jobs { get; init; } = [];

    /// <summary>Storage Replica groups; empty where Storage Replica is not installed (its namespace does not exist).</summary>
    public IReadOnlyList<ReplicationGroupRecord> ReplicationGroups { get; init; } = [];

    public IReadOnlyList<PartnershipRecord> Partnerships { get; init; } = [];

    public IReadOnlyList<VirtualDiskRecord> VirtualDisks { get; init; } = [];

    public IReadOnlyList<VolumeRecord> Volumes { get; init; } = [];

    public IReadOnlyList<StoragePoolRecord> Pools { get; init; } = [];

    public IReadOnlyList<PhysicalDiskRecord> PhysicalDisks { get; init; } = [];

    public IReadOnlyList<VirtualMachineRecord> VirtualMachines { get; init; } = [];

    /// <summary>Round trips to the configured peers (--peer), measured by the same prober as on Linux: Windows has no counter for it.</summary>
    public IReadOnlyList<PeerLatency> PeerLatencies { get; init; } = [];

    /// <summary>
    /// Round trips (seconds) to the targets the cluster names (<see cref="ProbeReadings.Targets"/>): nodes of the other
    /// sites and the witness's endpoint. A target that did not answer is absent.
    /// </summary>
    public IReadOnlyDictionary<ProbeTarget, double> Probes { get; init; } = new Dictionary<ProbeTarget, double>();
}
