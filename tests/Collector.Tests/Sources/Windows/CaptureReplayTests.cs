using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>
/// Each capture folder replayed through the Windows reader and mapper, and the catalog values it exports. Expected
/// values are worked out by hand from the capture's values (Captures/README.md) and the documented meaning of each
/// CIM property, not taken from a run.
/// </summary>
public class CaptureReplayTests
{
    private const long GiB = 1L << 30;
    private const long MiB = 1L << 20;

    [Fact]
    public void AllFlashHealthy_QuorumVotesPoolVolumesDisksAndNetworks()
    {
        var reading = Captures.Replay(Captures.AllFlashHealthy);
        var points = CatalogPoint.Of(reading);

        Assert.Equal(1, points.Value(Instruments.ClusterQuorum));
        // Dynamic quorum: three node votes (DynamicWeight 1 each); the witness does not vote while the node votes are odd.
        Assert.Equal(3, points.Value(Instruments.ClusterVotesConfigured));
        Assert.Equal(3, points.Value(Instruments.ClusterVotesPresent));
        Assert.Equal("ok", points.State(Instruments.ClusterWitnessState, ("type", "fileshare")));
        Assert.Equal(30720354880061, points.Value(Instruments.StoragePoolSize, ("pool", "S2D_Pool")));     // 27.94 TB
        Assert.Equal(1968125813719, points.Value(Instruments.StoragePoolAllocated, ("pool", "S2D_Pool"))); // 1.79 TB
        Assert.DoesNotContain(points, p => p.Has(("pool", "Primordial")));

        // CSVFS volumes by label; ClusterPerformanceHistory is not a workload volume; C: is not a CSV.
        Assert.Equal(["Infrastructure_1", "UserStorage_1"], reading.Cluster!.Volumes.Select(v => v.Name));
        Assert.Equal(268167020544, points.Value(Instruments.StorageVolumeSize, ("volume", "Infrastructure_1"), ("resiliency", "three_way_mirror")));
        Assert.Equal(268167020544 - 253134372864, points.Value(Instruments.StorageVolumeUsed, ("volume", "Infrastructure_1")));
        Assert.Equal(8795019280384 - 6052536156160, points.Value(Instruments.StorageVolumeUsed, ("volume", "UserStorage_1")));
        Assert.Equal("ok", points.State(Instruments.StorageVolumeOperational, ("volume", "UserStorage_1")));
        Assert.DoesNotContain(points, p => p.Instrument == Instruments.StorageRepairSize);

        // contoso-n01's four NVMe drives; not the BOSS boot disk, not the eight drives of n02/n03 it also sees.
        Assert.Equal(4, points.Value(Instruments.StorageDiskCount, ("node", "contoso-n01"), ("media", "nvme"), ("usage", "capacity"), ("state", "healthy")));
        Assert.Single(points, p => p.Instrument == Instruments.StorageDiskCount);

        // Management: the host vNIC only (the SET members' Intel pNICs carry the same bytes and are not counted).
        // Storage: the two SMB pNICs (cluster-only networks, RDMA capable) plus their RDMA bytes.
        Assert.Equal(1250000, points.Value(Instruments.NetworkThroughput, ("network", "management"), ("direction", "rx")));
        Assert.Equal(2500000, points.Value(Instruments.NetworkThroughput, ("network", "management"), ("direction", "tx")));
        Assert.Equal(40000 + 20000 + 600e6 + 400e6, points.Value(Instruments.NetworkThroughput, ("network", "storage"), ("direction", "rx")));
        Assert.Equal(30000 + 10000 + 500e6 + 300e6, points.Value(Instruments.NetworkThroughput, ("network", "storage"), ("direction", "tx")));

        Assert.Equal(0.235, points.Value(Instruments.NodeCpuUtilization), 9);
        Assert.Equal(2, points.Value(Instruments.NodeVmCount));  // two running VMs; the host and the stopped VM are not
        Assert.Equal(0.00041, points.Value(Instruments.StorageLatency, ("op", "read")), 9);
        Assert.DoesNotContain(points, p => p.Instrument == Instruments.HealthFaults);
    }

    [Fact]
    public void NodeDown_DownNodeSuspendedRepairsDegradedVolumesAndEverySeverity()
    {
        var reading = Captures.Replay(Captures.NodeDown);
        var points = CatalogPoint.Of(reading);

        Assert.Equal("down", points.State(Instruments.NodeState, ("node", "contoso-n03")));
        Assert.Equal(1, points.Value(Instruments.ClusterQuorum));
        // n03's dynamic vote is gone (1 + 1 + 0); two node votes are even, so the witness votes (WitnessDynamicWeight 1).
        Assert.Equal(3, points.Value(Instruments.ClusterVotesConfigured));
        Assert.Equal(3, points.Value(Instruments.ClusterVotesPresent));
        Assert.Equal("warning", points.State(Instruments.StoragePoolHealth, ("pool", "S2D_Pool")));
        Assert.Equal("degraded", points.State(Instruments.StorageVolumeOperational, ("volume", "UserStorage_1")));
        Assert.Equal("warning", points.State(Instruments.StorageVolumeHealth, ("volume", "Infrastructure_1")));

        // Get-AzsSupportStorageJob's published output: three <Volume>-Repair jobs, Suspended, nothing processed yet.
        Assert.Equal(
            [
                new RepairJob("ClusterPerformanceHistory-Repair", 1 * GiB, 0, "suspended"),
                new RepairJob("Infrastructure_1-Repair", 9 * GiB, 0, "suspended"),
                new RepairJob("UserStorage_1-Repair", 768 * MiB, 0, "suspended"),
            ],
            reading.Cluster!.RepairJobs);
        Assert.Equal(9 * GiB, points.Value(Instruments.StorageRepairSize, ("job", "Infrastructure_1-Repair"), ("state", "suspended")));
        Assert.Equal(0, points.Value(Instruments.StorageRepairProcessed, ("job", "UserStorage_1-Repair"), ("state", "suspended")));

        // PerceivedSeverity 2 → info; 3, 4, 5 → warning; 6, 7 → critical.
        Assert.Equal(
            [
                ("critical", "Microsoft.Health.FaultType.Server.Down"),
                ("critical", "Microsoft.Health.FaultType.VirtualDisks.Detached"),
                ("info", "Microsoft.Health.FaultType.VirtualDisks.NeedsRepair"),
                ("warning", "Microsoft.Health.FaultType.PhysicalDisk.LostCommunication"),
                ("warning", "Microsoft.Health.FaultType.VirtualDisk.NoRedundancy"),
                ("warning", "Microsoft.Health.FaultType.Volume.Capacity"),
            ],
            points.Where(p => p.Instrument == Instruments.HealthFaults && p.Value == 1)
                .Select(p => (p.Tags["severity"]!, p.Tags["type"]!)).Order());

        // The reporting node's own drives are fine; the lost ones are n03's.
        Assert.Equal(4, points.Value(Instruments.StorageDiskCount, ("node", "contoso-n01"), ("state", "healthy")));
    }

    [Fact]
    public void UnknownStates_Uint32MinusOneReadsUnknown_AndDiagnose59000ExportsNoFaults()
    {
        var source = Captures.Source(Captures.UnknownStates);
        var reading = source.Read();
        var points = CatalogPoint.Of(reading);

        Assert.Equal("unknown", points.State(Instruments.NodeState, ("node", "contoso-n03")));
        // The witness resource's State is −1 (Unknown), not 2 (Online): not a witness the cluster can count on.
        Assert.Equal("failed", points.State(Instruments.ClusterWitnessState, ("type", "fileshare")));
        Assert.Equal(3, points.Value(Instruments.ClusterVotesConfigured));
        Assert.Equal(2, points.Value(Instruments.ClusterVotesPresent));
        Assert.NotNull(reading.Cluster); // QuorumTypeValue −1 (4294967295) did not throw
        Assert.DoesNotContain(points, p => p.Instrument == Instruments.HealthFaults);
        Assert.Empty(source.Failures);
    }

    [Fact]
    public void ClusterUnreachable_NoClusterFactsAtAll_NeverQuorumLost()
    {
        var reading = Captures.Replay(Captures.ClusterUnreachable);
        var points = CatalogPoint.Of(reading);

        Assert.False(reading.ClusterQueryable);
        Assert.Null(reading.Cluster);
        Assert.DoesNotContain(points, p => p.Instrument == Instruments.ClusterQuorum);
        Assert.DoesNotContain(points, p => p.Instrument == Instruments.ClusterVotesPresent);
        Assert.Equal("unknown", points.State(Instruments.NodeState, ("node", "contoso-n03")));
        Assert.Equal(0.235, points.Value(Instruments.NodeCpuUtilization), 9); // it still reports itself
    }

    [Fact]
    public void Hybrid_CacheRatioOverCapacityDrives_TieredVolumeAndFailedWitness()
    {
        var reading = Captures.Replay(Captures.HybridWitnessFailed);
        var points = CatalogPoint.Of(reading);

        // Hybrid Disks instances 7:3, 11, 12 (one per capacity drive), _total left out: 2000 hits / 3000 reads.
        Assert.Equal(2000.0 / 3000.0, points.Value(Instruments.StorageCacheHitRatio), 9);
        Assert.Equal("failed", points.State(Instruments.ClusterWitnessState, ("type", "cloud")));
        // S2D-2 holds no dynamic vote and the failed witness none: one vote configured, one present.
        Assert.Equal(1, points.Value(Instruments.ClusterVotesConfigured));
        Assert.Equal(1, points.Value(Instruments.ClusterVotesPresent));
        Assert.Equal(1, points.Value(Instruments.HealthFaults, ("severity", "critical"), ("type", "Microsoft.Health.FaultType.ClusterQuorumWitness.Error")));

        // userdata01 has a blank ResiliencySettingName; its tier is a two-copy mirror.
        Assert.Equal(53687091200, points.Value(Instruments.StorageVolumeSize, ("volume", "userdata01"), ("resiliency", "two_way_mirror")));
        Assert.Equal(53687091200 - 42949672960, points.Value(Instruments.StorageVolumeUsed, ("volume", "userdata01")));
        Assert.Equal(405863672053, points.Value(Instruments.StoragePoolSize, ("pool", "S2D on S2DclusterNew"))); // 377.99 GB

        // S2D-1: three 64 GB HDDs and two cache SSDs; not the OS disk 0 nor the temporary disk 1 it also shows.
        Assert.Equal(3, points.Value(Instruments.StorageDiskCount, ("node", "S2D-1"), ("media", "hdd"), ("usage", "capacity")));
        Assert.Equal(2, points.Value(Instruments.StorageDiskCount, ("node", "S2D-1"), ("media", "ssd"), ("usage", "cache")));
        Assert.Equal(2, points.Count(p => p.Instrument == Instruments.StorageDiskCount));
        Assert.Equal(0.125, points.Value(Instruments.NodeCpuUtilization), 9); // no Hyper-V LP counter: Processor(_Total)
    }

    [Fact]
    public void EveryCapture_ReplaysWithoutARefusedQuery_ExceptTheUnreachableCluster()
    {
        foreach (var name in new[] { Captures.AllFlashHealthy, Captures.HybridWitnessFailed, Captures.NodeDown, Captures.UnknownStates })
        {
            var source = Captures.Source(name);
            source.Read();
            Assert.True(source.Failures.Count == 0, name + ": " + string.Join("; ", source.Failures));
        }

        var unreachable = Captures.Source(Captures.ClusterUnreachable);
        unreachable.Read();
        Assert.All(unreachable.Failures, f => Assert.Contains("MSCluster", f, StringComparison.Ordinal));
    }
}
