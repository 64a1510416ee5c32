using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Sources.Simulated.Model;

namespace AzLocalMonitor.Collector.Tests.Sources.Simulated;

public class SimulatedClusterTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    private static ScenarioEvent At(int seconds, ScenarioAction action, string? node = "node-2") =>
        new(TimeSpan.FromSeconds(seconds), action, node, Line: 1);

    [Fact]
    public void Read_Steady_AllUpWithQuorumAndHealthyStorage()
    {
        var reading = new SimulatedCluster(new Scenario()).Read(TimeSpan.FromSeconds(5));

        Assert.All(reading.Nodes, n => Assert.Equal(NodeState.Up, n.State));
        Assert.All(reading.Nodes, n => Assert.NotNull(n.Metrics));
        var facts = reading.Cluster!;
        Assert.True(facts.HasQuorum);
        Assert.Equal(3, facts.VotesConfigured);
        Assert.Equal(3, facts.VotesPresent);
        Assert.All(facts.Volumes, v => Assert.Equal((HealthState.Healthy, OperationalState.Ok), (v.Health, v.Operational)));
        Assert.Empty(facts.RepairJobs);
        Assert.Equal(24, reading.Nodes.Sum(n => n.Metrics!.VmCount));
    }

    [Fact]
    public void Apply_NodeDown_PeersReportItDownAndStorageDegrades()
    {
        var cluster = new SimulatedCluster(new Scenario());

        var changes = cluster.Apply(At(10, ScenarioAction.NodeDown), T0);
        var reading = cluster.Read(TimeSpan.FromSeconds(15));

        Assert.Equal([StateChangeKind.NodeDown], changes.Select(c => c.Kind));
        var down = reading.Nodes.Single(n => n.Name == "node-2");
        Assert.Equal(NodeState.Down, down.State);
        Assert.Null(down.Metrics);
        Assert.True(reading.Cluster!.HasQuorum);
        Assert.Equal(2, reading.Cluster.VotesPresent);
        Assert.All(reading.Cluster.Volumes, v => Assert.Equal((HealthState.Warning, OperationalState.Degraded), (v.Health, v.Operational)));
        Assert.Empty(reading.Cluster.RepairJobs); // suspended until node-2 returns: the bytes it misses are degraded
        Assert.All(reading.Nodes.Where(n => n.Metrics is not null), n => Assert.True(n.Metrics!.DegradedBytes > 0));
        Assert.Equal(24, reading.Nodes.Sum(n => n.Metrics?.VmCount ?? 0));
    }

    [Fact]
    public void Apply_SecondNodeDown_LosesQuorumAndDetachesVolumes()
    {
        var cluster = new SimulatedCluster(new Scenario());
        cluster.Apply(At(10, ScenarioAction.NodeDown, "node-2"), T0);

        var changes = cluster.Apply(At(20, ScenarioAction.NodeDown, "node-3"), T0);
        var facts = cluster.Read(TimeSpan.FromSeconds(21)).Cluster!;

        Assert.Equal([StateChangeKind.NodeDown, StateChangeKind.QuorumLost], changes.Select(c => c.Kind));
        Assert.False(facts.HasQuorum);
        Assert.Equal(1, facts.VotesPresent);
        Assert.All(facts.Volumes, v => Assert.Equal(OperationalState.Detached, v.Operational));
    }

    [Fact]
    public void Apply_NodeBackUp_RegainsQuorumAndResyncsUntilHealthy()
    {
        var cluster = new SimulatedCluster(new Scenario { RebuildBytesPerSecond = 1L << 30 });
        cluster.Apply(At(10, ScenarioAction.NodeDown, "node-2"), T0);
        cluster.Apply(At(20, ScenarioAction.NodeDown, "node-3"), T0);

        var changes = cluster.Apply(At(30, ScenarioAction.NodeUp, "node-2"), T0);
        var resyncing = cluster.Read(TimeSpan.FromSeconds(31)).Cluster!;

        Assert.Equal([StateChangeKind.NodeUp, StateChangeKind.QuorumRegained], changes.Select(c => c.Kind));
        Assert.True(resyncing.HasQuorum);
        var job = resyncing.RepairJobs.Single(j => j.Name == "repair-node-2");
        Assert.InRange(job.ProcessedBytes, 1, job.SizeBytes - 1);

        // node-3 is still down, so storage stays degraded; once it returns and resyncs, it is healthy.
        cluster.Apply(At(40, ScenarioAction.NodeUp, "node-3"), T0);
        var healed = cluster.Read(TimeSpan.FromHours(1)).Cluster!;
        Assert.Empty(healed.RepairJobs);
        Assert.All(healed.Volumes, v => Assert.Equal((HealthState.Healthy, OperationalState.Ok), (v.Health, v.Operational)));
    }

    [Fact]
    public void Read_RebuildRateZero_RepairJobStallsAtZeroBytes()
    {
        var cluster = new SimulatedCluster(new Scenario { RebuildBytesPerSecond = 0 });
        cluster.Apply(At(10, ScenarioAction.NodeDown, "node-2"), T0);
        cluster.Apply(At(30, ScenarioAction.NodeUp, "node-2"), T0);

        var later = cluster.Read(TimeSpan.FromHours(1)).Cluster!;

        var job = later.RepairJobs.Single(j => j.Name == "repair-node-2");
        Assert.Equal(0, job.ProcessedBytes);
        Assert.True(job.SizeBytes > 0);
        Assert.All(later.Volumes, v => Assert.Equal((HealthState.Warning, OperationalState.InService), (v.Health, v.Operational)));
    }

    [Fact]
    public void Apply_RepeatedEvent_ReportsNoChange()
    {
        var cluster = new SimulatedCluster(new Scenario());
        cluster.Apply(At(10, ScenarioAction.NodeDown), T0);

        Assert.Empty(cluster.Apply(At(11, ScenarioAction.NodeDown), T0));
        Assert.Empty(cluster.Apply(At(12, ScenarioAction.NodeResume), T0));
    }

    [Fact]
    public void Apply_WitnessKeepsTwoNodeClusterInQuorumUntilItFails()
    {
        var cluster = new SimulatedCluster(new Scenario { Nodes = 2, Witness = WitnessType.Cloud });
        Assert.Equal(3, cluster.VotesConfigured);

        Assert.Equal([StateChangeKind.NodeDown], cluster.Apply(At(5, ScenarioAction.NodeDown, "node-1"), T0).Select(c => c.Kind));
        Assert.True(cluster.HasQuorum);

        var changes = cluster.Apply(At(6, ScenarioAction.WitnessFail, null), T0);
        Assert.Equal([StateChangeKind.WitnessFailed, StateChangeKind.QuorumLost], changes.Select(c => c.Kind));
        Assert.Equal(WitnessState.Failed, cluster.Read(TimeSpan.FromSeconds(7)).Cluster!.WitnessState);
    }

    [Fact]
    public void Apply_NodePause_DrainsItsVmsOneMigrationAtATimeButKeepsItsVote()
    {
        var cluster = new SimulatedCluster(new Scenario());

        cluster.Apply(At(5, ScenarioAction.NodePause, "node-1"), T0);
        var draining = cluster.Read(TimeSpan.FromSeconds(5) + (SimulatedCluster.LiveMigrationTime * 3));
        var drained = cluster.Read(TimeSpan.FromSeconds(5) + (SimulatedCluster.LiveMigrationTime * 8));

        Assert.Equal((NodeState.Paused, DrainState.InProgress, 5), (draining.Nodes[0].State, draining.Nodes[0].Drain, draining.Nodes[0].Metrics!.VmCount));
        Assert.Equal((NodeState.Paused, DrainState.Completed, 0), (drained.Nodes[0].State, drained.Nodes[0].Drain, drained.Nodes[0].Metrics!.VmCount));
        Assert.Equal(3, drained.Cluster!.VotesPresent);
        Assert.Equal(24, draining.Nodes.Sum(n => n.Metrics!.VmCount));
        Assert.Equal(24, drained.Nodes.Sum(n => n.Metrics!.VmCount));
    }

    [Fact]
    public void Read_SameSeedAndTime_GivesSameValues()
    {
        var a = new SimulatedCluster(new Scenario { Seed = 5 }).Read(TimeSpan.FromSeconds(42));
        var b = new SimulatedCluster(new Scenario { Seed = 5 }).Read(TimeSpan.FromSeconds(42));
        var c = new SimulatedCluster(new Scenario { Seed = 6 }).Read(TimeSpan.FromSeconds(42));

        Assert.Equal(a.Nodes.Select(n => n.Metrics!.CpuUtilization), b.Nodes.Select(n => n.Metrics!.CpuUtilization));
        Assert.NotEqual(a.Nodes.Select(n => n.Metrics!.CpuUtilization), c.Nodes.Select(n => n.Metrics!.CpuUtilization));
        Assert.All(a.Nodes, n => Assert.InRange(n.Metrics!.CpuUtilization!.Value, 0, 1));
        Assert.All(a.Nodes, n => Assert.InRange(n.Metrics!.MemoryUtilization!.Value, 0, 1));
    }
}
