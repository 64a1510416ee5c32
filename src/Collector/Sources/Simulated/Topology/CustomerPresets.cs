using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>The module's five customer scenarios as presets (its "Customer Scenarios" section).</summary>
internal static class CustomerPresets
{
    private const long TB = 1_000_000_000_000;
    private const long GiB = 1L << 30;

    /// <summary>Scenario 1: 3 nodes × 4 × 800 GB SSD + 1 TB NVMe cache; DB 2 TB three-way, analytics 1 TB two-way, test/dev 2 TB parity.</summary>
    public static Preset Manufacturing { get; } = new(
        "manufacturing",
        "3 nodes × 4 × 800 GB SSD: three-way DB 2 TB, two-way analytics 1 TB, parity test/dev 2 TB (thin), RTO 30 min",
        [
            new ClusterSpec
            {
                Name = "manufacturing-hq",
                Site = "Headquarters (facility 1)",
                Nodes = 3,
                CoresPerNode = 48,
                MemoryPerNodeBytes = 512 * GiB,
                Witness = WitnessType.Cloud,
                Cache = new DriveSpec("nvme", 2, TB / 2),
                Capacity = new DriveSpec("ssd", 4, 800_000_000_000), // module: SSD 800 GB–2 TB per drive, at least 4 drives
                Volumes =
                [
                    new VolumeSpec("critical-db", Resiliency.ThreeWayMirror, 2 * TB, 0.30, Thin: true),
                    new VolumeSpec("analytics", Resiliency.TwoWayMirror, 1 * TB, 0.40, Thin: true),
                    new VolumeSpec("test-dev", Resiliency.SingleParity, 2 * TB, 0.25, Thin: true),
                ],
                Vms = new VmSpec(12, 32 * GiB, 8),
                Workload = new WorkloadSpec(25_000, 10_000),
            },
        ],
        [
            "Module: 3-node cluster at HQ; production planning (2 VMs, HA), Kubernetes analytics, SQL Server 2022 VMs.",
            "Drives at the module's minimums (SSD capacity drives of 800 GB–2 TB, at least 4 per node): 3.2 TB per node, raw "
                + "9.6 TB; three-way mirror 9.6 TB ÷ 3 = 3.2 TB, 2.4 TB after the rebuild reserve. (The module's own capacity "
                + "example, 3 nodes × 2 TB, cannot be built from 4 drives of 800 GB or more.)",
            "RTO 30 minutes for critical workloads (the module's requirement): deploy/rules/presets/manufacturing.yaml.",
            "The module's 'parity' on 3 nodes can only be single parity (66.7%): dual parity needs 4 nodes.",
            "Its layout, 5 TB of volumes, has a footprint of 2×3 + 1×2 + 2×1.5 = 11 TB by the efficiency table, not the "
                + "'~3.3 TB usable' it states, and does not fit a 9.6 TB pool fixed-provisioned; the preset thin-provisions "
                + "the volumes, so the pool holds only the footprint of the data written (growth eats into the reserve).",
        ]);

    /// <summary>Scenario 2: one stretched cluster, 2 sites × 2 nodes, cloud witness, two-way mirror per site, synchronous replication.</summary>
    public static Preset Bank { get; } = new(
        "bank",
        "stretched cluster: 2 sites × 2 nodes + cloud witness, two-way mirror per site, synchronous replication (< 5 ms)",
        [
            new ClusterSpec
            {
                Name = "bank",
                Site = "HQ (active) and secondary site (passive), one stretched cluster",
                Nodes = 4,
                NodeSites = ["hq", "hq", "secondary", "secondary"],
                CoresPerNode = 48,
                MemoryPerNodeBytes = 512 * GiB,
                Witness = WitnessType.Cloud,
                Capacity = new DriveSpec("ssd", 4, 1_920_000_000_000),
                Volumes = [new VolumeSpec("trading", Resiliency.TwoWayMirror, 2 * TB), new VolumeSpec("database", Resiliency.TwoWayMirror, 3 * TB)],
                Vms = new VmSpec(10, 32 * GiB, 8),
                Workload = new WorkloadSpec(40_000, 20_000, 8 << 10),
                Networks = new NetworkSpec(SiteLatencySeconds: 0.002),
                Replication = new ReplicationSpec("secondary", ReplicationMode.Synchronous, ["trading", "database"]),
            },
        ],
        [
            "Module: 2-node active site at HQ and 2-node standby at the secondary site, real-time synchronous replication "
                + "(cross-site latency < 5 ms, zero RPO), cloud witness in Azure Storage, two-way mirror on both sites, 5-minute RTO.",
            "Modelled as one stretched cluster (4 votes + the cloud witness = 5): cutting the inter-site link leaves HQ "
                + "with the witness (3 of 5, quorum held) and the secondary site's nodes out of the cluster.",
        ]);

    /// <summary>Scenario 3: 4-node primary (PACS 10 TB, EHR 5 TB three-way; backup 20 TB parity) and a 3-node second site.</summary>
    public static Preset Hospital { get; } = new(
        "hospital",
        "4-node site (PACS 10 TB, EHR 5 TB three-way, 20 TB parity backup) + 3-node second site",
        [
            HospitalSite("hospital-a", "Hospital A, primary", 4, 40,
            [
                new VolumeSpec("pacs", Resiliency.ThreeWayMirror, 10 * TB, 0.55),
                new VolumeSpec("ehr", Resiliency.ThreeWayMirror, 5 * TB, 0.5),
                new VolumeSpec("backup", Resiliency.DualParity, 20 * TB, 0.6),
            ]) with
            {
                // Asynchronous over the 1 Gbps circuit: a few minutes behind while healthy, against a 1-hour RPO.
                Replication = new ReplicationSpec("hospital-b", ReplicationMode.Asynchronous, ["pacs", "ehr"], LagSeconds: 240),
            },
            HospitalSite("hospital-b", "Hospital B, secondary (asynchronous replicas, 1 h RPO)", 3, 20,
            [
                new VolumeSpec("pacs-replica", Resiliency.ThreeWayMirror, 10 * TB, 0.55),
                new VolumeSpec("ehr-replica", Resiliency.ThreeWayMirror, 5 * TB, 0.5),
                new VolumeSpec("backup", Resiliency.SingleParity, 10 * TB, 0.5),
            ]),
        ],
        [
            "Module: 4-node cluster in Hospital A, 3-node cluster in Hospital B, asynchronous replication with 1-hour RPO.",
            "Hybrid nodes (NVMe cache, 8 × 4 TB HDD) for the imaging archive; the 3-node site's parity is single parity.",
        ]);

    /// <summary>Scenario 4: a single node with 48 cores, 512 GB and 4 TB SSD.</summary>
    public static Preset Research { get; } = new(
        "research",
        "1 node: 48 cores, 512 GB, 4 TB SSD (POC)",
        [
            new ClusterSpec
            {
                Name = "research-poc",
                Site = "University research centre",
                Nodes = 1,
                CoresPerNode = 48,
                MemoryPerNodeBytes = 512 * GiB,
                Cache = null,
                Capacity = new DriveSpec("ssd", 4, TB),
                Volumes = [new VolumeSpec("research-data", Resiliency.Simple, 2_500_000_000_000, 0.4)],
                Vms = new VmSpec(6, 64 * GiB, 8, 0.55),
                Workload = new WorkloadSpec(15_000, 6_000, 64 << 10),
            },
        ],
        ["Module: single-node POC, Kubernetes and Jupyter on Hyper-V, local backup to external storage (no HA)."]);

    /// <summary>Scenario 5: 10 regional distribution centres × 3 nodes.</summary>
    public static Preset Retail { get; } = new(
        "retail",
        "fleet: 10 regional distribution centres × 3 nodes, three-way mirror",
        [.. Enumerable.Range(1, 10).Select(i => RetailCentre($"rdc-{i:00}"))],
        ["Module: 3-node clusters at 10 regional distribution centres, each serving 25 stores (POS, inventory SQL, analytics)."]);

    private static ClusterSpec HospitalSite(string name, string site, int nodes, int vms, IReadOnlyList<VolumeSpec> volumes) => new()
    {
        Name = name,
        Site = site,
        Nodes = nodes,
        CoresPerNode = 64,
        MemoryPerNodeBytes = 1024 * GiB,
        Witness = WitnessType.Cloud,
        Cache = new DriveSpec("nvme", 4, 3_200_000_000_000),
        Capacity = new DriveSpec("hdd", 8, 4 * TB),
        Volumes = volumes,
        Vms = new VmSpec(vms, 48 * GiB, 8),
        Workload = new WorkloadSpec(50_000, 15_000, 64 << 10, 0.88),
        Networks = new NetworkSpec(StorageLinkBytesPerSecond: 100e9 / 8), // module: 4+ nodes, 100 Gbps storage network
    };

    private static ClusterSpec RetailCentre(string name) => new()
    {
        Name = name,
        Site = "Regional distribution centre",
        Nodes = 3,
        MemoryPerNodeBytes = 256 * GiB,
        Witness = WitnessType.Cloud,
        Cache = new DriveSpec("nvme", 2, 800_000_000_000),
        Capacity = new DriveSpec("ssd", 4, 1_920_000_000_000),
        Volumes =
        [
            new VolumeSpec("pos", Resiliency.ThreeWayMirror, 1 * TB),
            new VolumeSpec("inventory", Resiliency.ThreeWayMirror, 2 * TB),
            new VolumeSpec("analytics", Resiliency.TwoWayMirror, 1_500_000_000_000),
        ],
        Vms = new VmSpec(12, 12 * GiB),
        Workload = new WorkloadSpec(20_000, 9_000),
    };
}
