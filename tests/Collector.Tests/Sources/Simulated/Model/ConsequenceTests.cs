using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Sources.Simulated.Model;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Tests.Sources.Simulated.Model;

/// <summary>Each failure's consequences in the cluster model (the simulator's "fails like S2D" contract).</summary>
public class ConsequenceTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    private static Scenario Preset(string name) =>
        PresetCatalog.TryGet(name, out var preset) ? new Scenario { Topology = preset.Clusters } : throw new ArgumentException(name);

    private static ScenarioEvent At(double seconds, ScenarioAction action, string? node = null) => new(TimeSpan.FromSeconds(seconds), action, node, 1);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void ThreeWayMirror_OneNodeDown_KeepsQuorumDegradesVolumes_AndTheRepairCompletesAtTheConfiguredRate()
    {
        var scenario = Preset("three-node") with { RebuildBytesPerSecond = 1L << 30, RepairQueueDepth = 4 };
        var cluster = new SimulatedCluster(scenario);
        var rate = (1L << 30) * 4 / 8;

        cluster.Apply(At(10, ScenarioAction.NodeDown, "node-2"), T0);
        var down = cluster.Read(S(60)).Cluster!;
        Assert.True(down.HasQuorum);
        Assert.Equal((2, 3), (down.VotesPresent, down.VotesConfigured));
        Assert.All(down.Volumes, v => Assert.Equal((HealthState.Warning, OperationalState.Degraded), (v.Health, v.Operational)));

        cluster.Apply(At(70, ScenarioAction.NodeUp, "node-2"), T0);
        var job = Assert.Single(cluster.Read(S(71)).Cluster!.RepairJobs);
        var expectedSize = (long)(60 * scenario.Clusters[0].Workload.WriteBytesPerSecond);
        Assert.Equal(expectedSize, job.SizeBytes);
        Assert.Equal(rate, job.ProcessedBytes);
        Assert.All(cluster.Read(S(71)).Cluster!.Volumes, v => Assert.Equal(OperationalState.InService, v.Operational));

        var doneAt = 70 + ((double)expectedSize / rate);
        Assert.NotEmpty(cluster.Read(S(doneAt - 0.5)).Cluster!.RepairJobs);
        var healed = cluster.Read(S(doneAt + 0.5)).Cluster!;
        Assert.Empty(healed.RepairJobs);
        Assert.All(healed.Volumes, v => Assert.Equal((HealthState.Healthy, OperationalState.Ok), (v.Health, v.Operational)));
    }

    [Fact]
    public void NodeDown_ItsVmsRestartOnTheSurvivors_AndTheirMemoryPressureRises()
    {
        var cluster = new SimulatedCluster(Preset("three-node"));
        var before = cluster.Read(S(5));

        cluster.Apply(At(10, ScenarioAction.NodeDown, "node-1"), T0);
        var after = cluster.Read(S(11));

        Assert.Equal(24, after.Nodes.Sum(n => n.Metrics?.VmCount ?? 0));
        Assert.Equal([12, 12], after.Nodes.Skip(1).Select(n => n.Metrics!.VmCount!.Value));
        Assert.True(after.Nodes[1].Metrics!.MemoryUtilization > before.Nodes[1].Metrics!.MemoryUtilization + 0.1);
    }

    [Fact]
    public void ThreeNodes_TwoDownWithoutWitness_LosesQuorum()
    {
        var cluster = new SimulatedCluster(Preset("three-node"));
        cluster.Apply(At(1, ScenarioAction.NodeDown, "node-1"), T0);

        var changes = cluster.Apply(At(2, ScenarioAction.NodeDown, "node-3"), T0);

        Assert.Contains(changes, c => c.Kind == StateChangeKind.QuorumLost);
        var facts = cluster.Read(S(3)).Cluster!;
        Assert.Equal((false, 1, 3), (facts.HasQuorum, facts.VotesPresent, facts.VotesConfigured));
        Assert.All(facts.Volumes, v => Assert.Equal(OperationalState.Detached, v.Operational));
        Assert.Equal(0, cluster.Read(S(3)).Nodes.Sum(n => n.Metrics?.VmCount ?? 0));
    }

    [Fact]
    public void TwoNodesWithWitness_SurviveOneNode_ButNotTheWitnessAndOneNode()
    {
        var cluster = new SimulatedCluster(Preset("two-node-witness"));
        Assert.Equal(3, cluster.VotesConfigured);

        cluster.Apply(At(1, ScenarioAction.NodeDown, "node-1"), T0);
        Assert.True(cluster.HasQuorum);
        Assert.Equal(2, cluster.VotesPresent);
        cluster.Apply(At(2, ScenarioAction.NodeUp, "node-1"), T0);

        var witnessLost = cluster.Apply(At(3, ScenarioAction.WitnessFail), T0);
        Assert.Equal([StateChangeKind.WitnessFailed], witnessLost.Select(c => c.Kind));
        Assert.Equal((true, 2), (cluster.HasQuorum, cluster.VotesPresent)); // held, one voter from losing it

        var changes = cluster.Apply(At(4, ScenarioAction.NodeDown, "node-2"), T0);
        Assert.Equal([StateChangeKind.NodeDown, StateChangeKind.QuorumLost], changes.Select(c => c.Kind));
        Assert.Equal(1, cluster.VotesPresent);
    }

    [Theory]
    [InlineData(2, (int)WitnessType.Cloud, 3)]
    [InlineData(3, (int)WitnessType.Cloud, 3)]
    [InlineData(3, (int)WitnessType.None, 3)]
    [InlineData(4, (int)WitnessType.FileShare, 5)]
    [InlineData(4, (int)WitnessType.None, 4)]
    public void DynamicWitness_VotesOnlyWhileTheNodeVotesAreEven(int nodes, int witness, int configured)
    {
        var cluster = new SimulatedCluster(new Scenario { Nodes = nodes, Witness = (WitnessType)witness });

        Assert.Equal(configured, cluster.VotesConfigured);
    }

    [Fact]
    public void DriveFailure_RetiredAfterFifteenMinutes_ThenRebuildsIntoTheReserve()
    {
        // The three-node preset's own repair rate: 4 SSDs × 500 MB/s = 2 GB/s, below its 25 Gbps (3.125 GB/s) link.
        const long rate = 2_000_000_000;
        var cluster = new SimulatedCluster(Preset("three-node"));
        cluster.Apply(At(0, ScenarioAction.DriveFail, "node-2") with { Drive = 2 }, T0);

        var failed = cluster.Read(TimeSpan.FromMinutes(14));
        Assert.Equal(1, Count(failed, "node-2", DiskState.Unhealthy));
        Assert.Empty(failed.Cluster!.RepairJobs);
        Assert.All(failed.Cluster.Volumes, v => Assert.Equal(OperationalState.Degraded, v.Operational));

        var retired = cluster.Read(TimeSpan.FromMinutes(16));
        Assert.Equal((0, 1), (Count(retired, "node-2", DiskState.Unhealthy), Count(retired, "node-2", DiskState.Retired)));
        var job = Assert.Single(retired.Cluster!.RepairJobs);
        Assert.Equal("rebuild-node-2-disk-2", job.Name);
        Assert.Equal(60 * rate, job.ProcessedBytes);
        Assert.Equal(new ClusterSpec { Name = "x" }.RawBytes - 3_840_000_000_000, retired.Cluster.Pools[0].SizeBytes);

        var rebuilt = cluster.Read(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(job.SizeBytes / rate) + TimeSpan.FromSeconds(1));
        Assert.Empty(rebuilt.Cluster!.RepairJobs);
        Assert.All(rebuilt.Cluster.Volumes, v => Assert.Equal(OperationalState.Ok, v.Operational));
    }

    [Fact]
    public void DriveFailure_WithNoReserveLeft_CannotHeal_AndThePoolSaysSo()
    {
        var full = PresetCatalog.Generic("full", 3, WitnessType.None) with
        {
            Volumes = [new VolumeSpec("big", Resiliency.ThreeWayMirror, 14_000_000_000_000)],
        };
        var cluster = new SimulatedCluster(new Scenario { Topology = [full] });
        cluster.Apply(At(0, ScenarioAction.DriveFail, "node-1"), T0);

        var stuck = cluster.Read(TimeSpan.FromHours(5)).Cluster!;

        Assert.Empty(stuck.RepairJobs);
        Assert.All(stuck.Volumes, v => Assert.Equal(OperationalState.Degraded, v.Operational));
        Assert.Equal(HealthState.Warning, stuck.Pools[0].Health);
        Assert.Equal(1, stuck.Faults.Single(f => f.Type.EndsWith("InsufficientReserveCapacity", StringComparison.Ordinal)).Count);

        cluster.Apply(new ScenarioEvent(TimeSpan.FromHours(5), ScenarioAction.DriveReplace, "node-1", 2), T0);
        var replaced = cluster.Read(TimeSpan.FromHours(5) + TimeSpan.FromSeconds(10)).Cluster!;
        Assert.Single(replaced.RepairJobs);
        Assert.Equal(0, replaced.Faults.Single(f => f.Type.EndsWith("InsufficientReserveCapacity", StringComparison.Ordinal)).Count);
    }

    [Fact]
    public void Partition_MinoritySideIsReportedDown_MajorityKeepsQuorum_HealResyncsOnlyChangedData()
    {
        var cluster = new SimulatedCluster(Preset("three-node"));

        var changes = cluster.Apply(At(10, ScenarioAction.Partition) with { Nodes = ["node-3"] }, T0);
        var cut = cluster.Read(S(20));

        Assert.Equal([StateChangeKind.NodeDown], changes.Select(c => c.Kind));
        Assert.Equal(NodeState.Down, cut.Nodes[2].State);
        Assert.Null(cut.Nodes[2].Metrics);
        Assert.True(cut.Cluster!.HasQuorum);
        Assert.Equal(ClusterReading.Empty, cluster.Read(S(20), reporter: "node-3")); // its cluster service stopped

        cluster.Apply(At(70, ScenarioAction.PartitionHeal), T0);
        var job = Assert.Single(cluster.Read(S(70)).Cluster!.RepairJobs);
        Assert.Equal((long)(60 * Preset("three-node").Clusters[0].Workload.WriteBytesPerSecond), job.SizeBytes);
    }

    [Theory]
    [InlineData((int)WitnessType.None, false)]
    [InlineData((int)WitnessType.Cloud, true)]
    public void Partition_TwoAgainstTwo_HoldsQuorumOnlyWithAWitness(int witness, bool holds)
    {
        var cluster = new SimulatedCluster(new Scenario { Nodes = 4, Witness = (WitnessType)witness });

        cluster.Apply(At(1, ScenarioAction.Partition) with { Nodes = ["node-3", "node-4"] }, T0);

        Assert.Equal(holds, cluster.HasQuorum);
    }

    private static int Count(ClusterReading reading, string node, DiskState state) =>
        reading.Nodes.Single(n => n.Name == node).Metrics!.Disks.Where(d => d.Usage == "capacity" && d.State == state).Sum(d => d.Count);
}
