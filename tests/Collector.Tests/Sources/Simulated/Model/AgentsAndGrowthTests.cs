using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Sources.Simulated.Model;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Tests.Sources.Simulated.Model;

public class AgentsAndGrowthTests
{
    private static readonly TimeSpan EighteenMonths = TimeSpan.FromDays(548);

    [Fact]
    public void OneAgentPerNode_SameScenarioAndTime_ReportTheSameClusterFacts_EachItsOwnMetrics()
    {
        var scenario = ScenarioParser.Load("node-down");
        var agent1 = new SimulatedCluster(scenario);
        var agent3 = new SimulatedCluster(scenario);
        foreach (var e in scenario.Events.Where(e => e.At <= TimeSpan.FromSeconds(30)))
        {
            agent1.Apply(e, DateTimeOffset.UnixEpoch);
            agent3.Apply(e, DateTimeOffset.UnixEpoch);
        }

        var a = agent1.Read(TimeSpan.FromSeconds(42), reporter: "node-1");
        var b = agent3.Read(TimeSpan.FromSeconds(42), reporter: "node-3");

        Assert.Equal(Facts(a.Cluster!), Facts(b.Cluster!));
        Assert.Equal(a.Nodes.Select(n => n.State), b.Nodes.Select(n => n.State));
        Assert.Equal(["node-1"], a.Nodes.Where(n => n.Metrics is not null).Select(n => n.Name));
        Assert.Equal(["node-3"], b.Nodes.Where(n => n.Metrics is not null).Select(n => n.Name));
        Assert.Equal(ClusterReading.Empty, agent1.Read(TimeSpan.FromSeconds(42), reporter: "node-2")); // down: no agent
    }

    [Fact]
    public void Growth_OverEighteenMonths_StorageVmsAndMemoryGrow_WithTheStepChange()
    {
        var scenario = ScenarioParser.Load("growth");
        var cluster = new SimulatedCluster(scenario);

        var start = cluster.Read(TimeSpan.Zero);
        var beforeStep = cluster.Read(TimeSpan.FromDays(119));
        var afterStep = cluster.Read(TimeSpan.FromDays(121));
        var end = cluster.Read(EighteenMonths);

        long Used(ClusterReading r) => r.Cluster!.Volumes.Sum(v => v.UsedBytes);
        int Vms(ClusterReading r) => r.Nodes.Sum(n => n.Metrics!.VmCount!.Value);
        Assert.True(Used(end) > Used(start) * 1.8, $"storage {Used(start)} → {Used(end)}");
        Assert.InRange(Vms(afterStep) - Vms(beforeStep), 6, 10);
        Assert.True(Vms(end) > Vms(start) * 1.5, $"VMs {Vms(start)} → {Vms(end)}");
        Assert.True(end.Cluster!.Pools[0].AllocatedBytes > start.Cluster!.Pools[0].AllocatedBytes, "thin volumes allocate as data grows");
        Assert.True(end.Nodes.Average(n => n.Metrics!.MemoryUtilization!.Value) > start.Nodes.Average(n => n.Metrics!.MemoryUtilization!.Value) + 0.2);
    }

    [Fact]
    public void Growth_IsReproducibleFromTheSeed()
    {
        var scenario = ScenarioParser.Load("growth");
        var a = new SimulatedCluster(scenario).Read(TimeSpan.FromDays(200));
        var b = new SimulatedCluster(scenario).Read(TimeSpan.FromDays(200));
        var c = new SimulatedCluster(scenario with { Seed = 99 }).Read(TimeSpan.FromDays(200));

        Assert.Equal(a.Nodes.Select(n => n.Metrics!.CpuUtilization), b.Nodes.Select(n => n.Metrics!.CpuUtilization));
        Assert.Equal(a.Cluster!.Volumes.Select(v => v.UsedBytes), b.Cluster!.Volumes.Select(v => v.UsedBytes));
        Assert.NotEqual(a.Nodes.Select(n => n.Metrics!.CpuUtilization), c.Nodes.Select(n => n.Metrics!.CpuUtilization));
    }

    [Fact]
    public void Fleet_RetailRunsTenClustersOfThreeNodes_EventsReachOnlyTheirCluster()
    {
        var scenario = ScenarioParser.Load("retail-fleet");

        Assert.Equal(10, scenario.Clusters.Count);
        Assert.All(scenario.Clusters, c => Assert.Equal(3, c.Nodes));
        Assert.All(scenario.Events, e => Assert.NotNull(e.Cluster));
        Assert.Equal(["rdc-03", "rdc-03", "rdc-07"], scenario.Events.Select(e => e.Cluster).Order(StringComparer.Ordinal));
    }

    private static object Facts(ClusterFacts f) =>
        (f.HasQuorum, f.VotesPresent, f.VotesConfigured,
            string.Join(";", f.Volumes.Select(v => $"{v.Name}:{v.UsedBytes}:{v.Operational}")),
            string.Join(";", f.Pools.Select(p => $"{p.SizeBytes}:{p.AllocatedBytes}:{p.Health}")),
            string.Join(";", f.RepairJobs.Select(j => $"{j.Name}:{j.SizeBytes}:{j.ProcessedBytes}")));
}
