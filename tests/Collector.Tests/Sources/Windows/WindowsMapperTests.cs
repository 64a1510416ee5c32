using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>The Windows mapping layer on fixture files in the shapes Windows returns them.</summary>
public class WindowsMapperTests
{
    private static ClusterReading MapFixtures(string node = "NODE1")
    {
        var mapper = new WindowsMapper(node);
        mapper.Faults.Replace(WindowsFixtures.Load<HealthFaultRecord>("Get-HealthFault"));
        return mapper.Map(WindowsFixtures.Snapshot());
    }

    [Fact]
    public void Nodes_EveryMemberWithItsStateAndDrain_UnknownEnumValuesToUnknownAndNone()
    {
        var reading = MapFixtures();

        Assert.Equal(
        [
            ("NODE1", NodeState.Up, DrainState.None),
            ("NODE2", NodeState.Down, DrainState.None),
            ("NODE3", NodeState.Paused, DrainState.InProgress),
            ("NODE4", NodeState.Unknown, DrainState.None),
        ], reading.Nodes.Select(n => (n.Name, n.State, n.Drain)));
        Assert.Equal(["NODE1"], reading.Nodes.Where(n => n.Metrics is not null).Select(n => n.Name));
    }

    [Fact]
    public void NodeMetrics_FromCountersCimAndHyperV()
    {
        var metrics = MapFixtures("node1.contoso.local").Nodes.Single(n => n.Metrics is not null).Metrics!;

        Assert.Equal(0.375, metrics.CpuUtilization!.Value, 9);
        Assert.Equal(274877906944, metrics.MemorySizeBytes);
        Assert.Equal(68719476736, metrics.MemoryAvailableBytes);
        Assert.Equal(0.75, metrics.MemoryUtilization!.Value, 9);
        Assert.Equal(2, metrics.VmCount);
        Assert.Equal(0.8, metrics.CacheHitRatio!.Value, 9); // (900 + 700) / (900 + 700 + 100 + 300), over both capacity drives
        Assert.Equal(0.0012, metrics.ReadLatencySeconds!.Value, 9);
        Assert.Equal(0.0034, metrics.WriteLatencySeconds!.Value, 9);
        Assert.Equal(0, metrics.ReadOperations);
        Assert.Equal(1610612736, metrics.DegradedBytes);
        Assert.Equal(
        [
            new NetworkThroughput("storage", "rx", 1.25e9), new NetworkThroughput("storage", "tx", 7.5e8),
            new NetworkThroughput("management", "rx", 1e6), new NetworkThroughput("management", "tx", 2e6),
        ], metrics.Throughput);
    }

    [Fact]
    public void Disks_GroupedByMediaUsageState_RetiredAndLostDrivesIncluded()
    {
        var disks = MapFixtures().Nodes[0].Metrics!.Disks;

        Assert.Equal(
        [
            new DiskGroup("hdd", "capacity", DiskState.Healthy, 2),
            new DiskGroup("hdd", "capacity", DiskState.Unhealthy, 1),
            new DiskGroup("hdd", "capacity", DiskState.Retired, 1),
            new DiskGroup("nvme", "cache", DiskState.Healthy, 2),
            new DiskGroup("unknown", "capacity", DiskState.Warning, 1),
        ], disks);
    }

    [Fact]
    public void CounterInstancesThatComeAndGo_OperationsNeverGoBack()
    {
        var mapper = new WindowsMapper("NODE1");
        mapper.Map(WindowsFixtures.Snapshot("Get-Counter-1"));

        // Second sample: 'analytics' is gone, 'testdev' is new, _Total went down; Hyper-V LP and RDMA are absent.
        var metrics = mapper.Map(WindowsFixtures.Snapshot("Get-Counter-2")).Nodes[0].Metrics!;

        Assert.Equal(1000, metrics.ReadOperations);  // volume1 only: 1 001 000 − 1 000 000
        Assert.Equal(300, metrics.WriteOperations);
        Assert.Equal(0.125, metrics.CpuUtilization!.Value, 9); // falls back to Processor(_Total)
        Assert.Null(metrics.CacheHitRatio);  // no reads in the interval: no ratio rather than 0
        Assert.Null(metrics.ReadLatencySeconds);
        Assert.Empty(metrics.Throughput);
    }

    [Fact]
    public void ClusterFacts_QuorumVotesAndFailedCloudWitness()
    {
        var facts = MapFixtures().Cluster!;

        Assert.True(facts.HasQuorum);
        Assert.Equal(5, facts.VotesConfigured);  // four node votes + the witness
        Assert.Equal(2, facts.VotesPresent);     // NODE1 up, NODE3 paused; NODE2 down, NODE4 unknown, witness failed
        Assert.Equal(WitnessType.Cloud, facts.WitnessType);
        Assert.Equal(WitnessState.Failed, facts.WitnessState);
    }

    [Fact]
    public void Pools_PrimordialExcluded_UnknownHealthIsUnknown()
    {
        Assert.Equal(
        [
            new PoolReading("S2D on HCI-CLUSTER01", 46179151298560, 21990232555520, HealthState.Warning),
            new PoolReading("Future pool", 1000, 10, HealthState.Unknown),
        ], MapFixtures().Cluster!.Pools);
    }

    [Fact]
    public void Volumes_ResiliencyHealthAndWorstOperationalState()
    {
        Assert.Equal(
        [
            new VolumeReading("Volume1", "three_way_mirror", 2198754820096, 1099377410048, HealthState.Healthy, OperationalState.Ok),
            new VolumeReading("Analytics", "two_way_mirror", 1099243192320, 1000000000000, HealthState.Warning, OperationalState.Degraded),
            new VolumeReading("Backup", "dual_parity", 4398046511104, 1099511627776, HealthState.Unhealthy, OperationalState.Detached),
            new VolumeReading("TestDev", "mirror_accelerated_parity", 2198754820096, 100000000000, HealthState.Unknown, OperationalState.Degraded),
            new VolumeReading("Scratch", "simple", 107374182400, 107374182400, HealthState.Healthy, OperationalState.Incomplete),
        ], MapFixtures().Cluster!.Volumes);
    }

    [Fact]
    public void RepairJobs_RunningRepairAndRegeneration_BytesFromPercentWhenBytesProcessedIsMissing()
    {
        Assert.Equal(
        [
            new RepairJob("Regeneration", 107374182400, 53687091200),
            new RepairJob("Repair", 10737418240, 4294967296),
        ], MapFixtures().Cluster!.RepairJobs);
    }

    [Fact]
    public void Faults_DeduplicatedByFaultId_EventsCreateUpdateAndRemove()
    {
        var mapper = new WindowsMapper("NODE1");
        mapper.Faults.Replace(WindowsFixtures.Load<HealthFaultRecord>("Get-HealthFault"));
        Assert.Equal(
        [
            new FaultCount("critical", "Microsoft.Health.FaultType.PhysicalDisk.FailedMedia", 1),
            new FaultCount("critical", "Microsoft.Health.FaultType.Server.Down", 1),
            new FaultCount("info", "Microsoft.Health.FaultType.VirtualDisks.NeedsRepair", 1),
            new FaultCount("warning", "Microsoft.Health.FaultType.Volume.Capacity", 1),
        ], mapper.Map(WindowsFixtures.Snapshot()).Cluster!.Faults);

        foreach (var change in WindowsFixtures.Load<HealthFaultRecord>("MSFT_StorageFaultEvent"))
        {
            mapper.Faults.Apply(change);
        }

        Assert.Equal(
        [
            new FaultCount("critical", "Microsoft.Health.FaultType.ClusterQuorumWitness.Error", 1),
            new FaultCount("critical", "Microsoft.Health.FaultType.Future.Thing", 1),
            new FaultCount("critical", "Microsoft.Health.FaultType.PhysicalDisk.FailedMedia", 1),
            new FaultCount("critical", "Microsoft.Health.FaultType.Server.Down", 1),
            new FaultCount("warning", "Microsoft.Health.FaultType.Volume.Capacity", 1),
        ], mapper.Map(WindowsFixtures.Snapshot()).Cluster!.Faults);
    }

    [Fact]
    public void NotTheCoreGroupOwner_ReportsMembershipButNoClusterFacts()
    {
        var reading = MapFixtures("NODE3");

        Assert.Null(reading.Cluster);
        Assert.Equal(4, reading.Nodes.Count);
        Assert.Equal(["NODE3"], reading.Nodes.Where(n => n.Metrics is not null).Select(n => n.Name));
    }

    [Fact]
    public void OwnerWhoseClusterStopsAnswering_ReportsQuorumLost_AndItselfUnknown()
    {
        var mapper = new WindowsMapper("NODE1");
        var before = mapper.Map(WindowsFixtures.Snapshot());

        var after = mapper.Map(WindowsFixtures.Snapshot() with { ClusterReachable = false, Cluster = null, Nodes = [], Groups = [], WitnessResources = [] });

        Assert.False(after.Cluster!.HasQuorum);
        Assert.Equal(5, after.Cluster.VotesConfigured);
        Assert.Equal(0, after.Cluster.VotesPresent);
        Assert.Equal(NodeState.Unknown, Assert.Single(after.Nodes).State);
        Assert.Contains(StateChanges.Between(before, after, DateTimeOffset.UnixEpoch), c => c.Kind == StateChangeKind.QuorumLost);
    }

    [Fact]
    public void StateChanges_NodeDownAndPausedBetweenReadings()
    {
        var mapper = new WindowsMapper("NODE1");
        var snapshot = WindowsFixtures.Snapshot();
        var allUp = snapshot with { Nodes = [.. snapshot.Nodes.Select(n => n with { State = 0, NodeDrainStatus = 0 })] };
        var before = mapper.Map(allUp);

        var changes = StateChanges.Between(before, mapper.Map(snapshot), DateTimeOffset.UnixEpoch);

        // NODE4 went to an unknown state: not a change worth an immediate export on its own.
        Assert.Equal([(StateChangeKind.NodeDown, "NODE2"), (StateChangeKind.NodePaused, "NODE3")], changes.Select(c => (c.Kind, c.Subject)));
    }

    [Theory]
    [InlineData(@"\\node1\cluster csvfs(_total)\avg. sec/read", "cluster csvfs", "_total", "avg. sec/read")]
    [InlineData(@"\\node1\memory\available bytes", "memory", "", "available bytes")]
    [InlineData(@"\Network Adapter(Intel[R] Ethernet 10G 2P X710)\Bytes Sent/sec", "Network Adapter", "Intel[R] Ethernet 10G 2P X710", "Bytes Sent/sec")]
    public void PerfCounterPath_SetInstanceCounter(string path, string set, string instance, string counter)
    {
        var sample = PerfCounterPath.Parse(path, 1, 2)!;

        Assert.Equal((set, instance, counter), (sample.Set, sample.Instance, sample.Counter));
    }
}
