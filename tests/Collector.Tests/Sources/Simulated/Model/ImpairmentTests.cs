using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Sources.Simulated.Model;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Tests.Sources.Simulated.Model;

/// <summary>
/// The degradations the issue 15 scenario actions add, against the module's figures: a stretched bank (2 sites × 2
/// nodes, cloud witness, synchronous replication, cross-site &lt; 5 ms), the hospital's asynchronous replication
/// (1-hour RPO), witness, network, disk and cache degradations.
/// </summary>
public class ImpairmentTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    private static Scenario Preset(string name) =>
        PresetCatalog.TryGet(name, out var preset) ? new Scenario { Topology = preset.Clusters } : throw new ArgumentException(name);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static ScenarioEvent At(double seconds, ScenarioAction action, string? node = null) => new(S(seconds), action, node, 1);

    [Fact]
    public void Bank_IsOneStretchedClusterOfTwoSitesOfTwoNodes()
    {
        Assert.True(PresetCatalog.TryGet("bank", out var bank));

        var spec = Assert.Single(bank.Clusters);
        Assert.Equal(4, spec.Nodes);
        Assert.Equal(2, spec.SiteCount);
        Assert.Equal(["hq", "hq", "secondary", "secondary"], spec.NodeSites);
        Assert.Equal(ReplicationMode.Synchronous, spec.Replication!.Mode);
        Assert.Equal(WitnessType.Cloud, spec.Witness);
    }

    [Fact]
    public void Bank_SiteLinkCut_HqKeepsQuorumWithTheWitness_SecondaryLeaves_ReplicationWaits_NoDataOffline()
    {
        var cluster = new SimulatedCluster(Preset("bank"));
        var healthy = cluster.Read(S(5)).Cluster!;
        Assert.Equal((5, 5), (healthy.VotesPresent, healthy.VotesConfigured)); // 4 nodes + the witness (even node votes)
        Assert.All(healthy.Replication, r => Assert.Equal((ReplicationState.InSync, (double?)0.0), (r.State, r.LagSeconds)));

        var changes = cluster.Apply(At(10, ScenarioAction.SiteLinkCut), T0);
        var cut = cluster.Read(S(11));

        // Visible at the next read after the cut (1 s of scenario time): NodeDown's 30 s `for` then fires well within a minute.
        Assert.Equal(["node-3", "node-4"], changes.Where(c => c.Kind == StateChangeKind.NodeDown).Select(c => c.Subject));
        Assert.Equal([NodeState.Up, NodeState.Up, NodeState.Down, NodeState.Down], cut.Nodes.Select(n => n.State));
        var facts = cut.Cluster!;
        Assert.True(facts.HasQuorum);
        Assert.Equal(3, facts.VotesPresent); // 2 HQ nodes + the witness, of 5
        Assert.Empty(facts.SiteLatencies);
        Assert.All(facts.Replication, r => Assert.Equal(ReplicationState.WaitingForDestination, r.State));
        Assert.All(facts.Volumes, v => Assert.Equal(HealthState.Healthy, v.Health)); // HQ keeps both copies of its two-way mirror

        cluster.Apply(At(130, ScenarioAction.SiteLinkRestore), T0);
        var back = cluster.Read(S(131)).Cluster!;
        Assert.Equal(5, back.VotesPresent);
        Assert.All(back.Replication, r => Assert.Equal(ReplicationState.InSync, r.State));
    }

    [Fact]
    public void Bank_SiteLinkLatency_IsReportedBetweenTheSites()
    {
        var cluster = new SimulatedCluster(Preset("bank"));

        cluster.Apply(At(10, ScenarioAction.SiteLinkLatency) with { Seconds = 0.008 }, T0);

        var site = Assert.Single(cluster.Read(S(11)).Cluster!.SiteLatencies);
        Assert.Equal(("hq", "secondary", 0.008), (site.Site, site.PeerSite, site.Seconds));
    }

    [Fact]
    public void Hospital_ReplicationLag_IsTheEventsLag_AndTheNormalOneWithinTheRpo()
    {
        var scenario = Preset("hospital");
        var cluster = new SimulatedCluster(scenario, scenario.Clusters[0], 0);
        Assert.All(cluster.Read(S(5)).Cluster!.Replication, r => Assert.True(r.LagSeconds < 3600));

        cluster.Apply(At(10, ScenarioAction.ReplicationLag) with { Seconds = 4500 }, T0);

        var groups = cluster.Read(S(11)).Cluster!.Replication;
        Assert.Equal(["pacs", "ehr"], groups.Select(g => g.Group));
        Assert.All(groups, g => Assert.Equal(("hospital-b", ReplicationMode.Asynchronous, 4500.0), (g.Partner, g.Mode, g.LagSeconds)));
    }

    [Fact]
    public void Witness_LatencyIsReported_UntilItFails()
    {
        var cluster = new SimulatedCluster(Preset("two-node-witness"));
        Assert.Equal(0.035, cluster.Read(S(1)).Cluster!.WitnessLatencySeconds);

        cluster.Apply(At(2, ScenarioAction.WitnessLatency) with { Seconds = 0.9 }, T0);
        Assert.Equal(0.9, cluster.Read(S(3)).Cluster!.WitnessLatencySeconds);

        cluster.Apply(At(4, ScenarioAction.WitnessFail), T0);
        Assert.Null(cluster.Read(S(5)).Cluster!.WitnessLatencySeconds);
    }

    [Fact]
    public void NetworkLatency_SlowsEveryPeerOnThatSegmentOnly()
    {
        var cluster = new SimulatedCluster(Preset("three-node"));

        cluster.Apply(At(1, ScenarioAction.NetworkLatency) with { Network = "storage", Seconds = 0.002 }, T0);

        var latencies = cluster.Read(S(2)).Nodes.SelectMany(n => n.Metrics!.Latencies).ToList();
        Assert.All(latencies.Where(l => l.Network == "storage"), l => Assert.True(l.Seconds > 0.0005 * 2));
        Assert.All(latencies.Where(l => l.Network == "management"), l => Assert.True(l.Seconds < 0.001));
    }

    [Fact]
    public void SlowDisk_RaisesThatNodesLatencyAboveTenMilliseconds_AndAHighLatencyFault()
    {
        var cluster = new SimulatedCluster(Preset("three-node"));

        cluster.Apply(At(1, ScenarioAction.SlowDisk, "node-2") with { Seconds = 0.060 }, T0);

        var reading = cluster.Read(S(2));
        Assert.True(reading.Nodes[1].Metrics!.WriteLatencySeconds > 0.010);
        Assert.True(reading.Nodes[0].Metrics!.WriteLatencySeconds < 0.010);
        Assert.Contains(reading.Cluster!.Faults, f => f.Type == "Microsoft.Health.FaultType.PhysicalDisk.HighLatency.AverageIO" && f.Count == 1);
    }

    [Fact]
    public void CacheDriveFailure_UnhealthyCacheDisk_AndTheHitRatioFallsBelowPolicy()
    {
        var cluster = new SimulatedCluster(Preset("four-node"));
        Assert.True(cluster.Read(S(1)).Nodes[1].Metrics!.CacheHitRatio > 0.8);

        cluster.Apply(At(2, ScenarioAction.CacheDriveFail, "node-2"), T0);

        var node = cluster.Read(S(3)).Nodes[1].Metrics!;
        Assert.True(node.CacheHitRatio < 0.8); // half its HDDs unbound from the cache
        Assert.Contains(node.Disks, d => d is { Usage: "cache", State: DiskState.Unhealthy, Count: 1 });
        Assert.Contains(node.Disks, d => d is { Usage: "cache", State: DiskState.Healthy, Count: 1 });
    }

    [Theory]
    [InlineData("three-node", 2e9)]    // 25 Gbps link (3.125 GB/s) > 4 SSDs × 500 MB/s: the drives limit
    [InlineData("four-node", 1.2e9)]   // 100 Gbps link (12.5 GB/s) > 6 HDDs × 200 MB/s: the drives limit
    [InlineData("hospital", 1.6e9)]    // 100 Gbps, 8 HDDs × 200 MB/s
    public void RepairRate_IsTheSlowerOfTheStorageLinkAndTheCapacityDrives(string preset, double expected)
    {
        Assert.True(PresetCatalog.TryGet(preset, out var p));

        Assert.Equal((long)expected, new Scenario().RepairBytesPerSecondFor(p.Clusters[0]));
    }

    [Fact]
    public void RepairRate_ASlowLinkLimitsIt_AndTheLinkSpeedNowMatters()
    {
        Assert.True(PresetCatalog.TryGet("four-node", out var p));
        var slow = p.Clusters[0] with { Networks = new NetworkSpec(StorageLinkBytesPerSecond: 10e9 / 8), Capacity = new DriveSpec("nvme", 6, 4_000_000_000_000) };

        Assert.Equal((long)(10e9 / 8), new Scenario().RepairBytesPerSecondFor(slow)); // 1.25 GB/s link < 6 NVMe × 2 GB/s
        Assert.Equal(2L << 30, new Scenario { RebuildBytesPerSecond = 2L << 30 }.RepairBytesPerSecondFor(slow)); // rebuild-rate still wins
    }

    [Fact]
    public void NodeReboot_InMaintenance_GoesDownAndRejoinsStillPaused()
    {
        var scenario = ScenarioParser.Parse("""
            nodes: 3
            events:
              - at: 5s
                node-pause: node-2
              - at: 60s
                node-reboot: {node: node-2, for: 90s}
            """, "reboot.yaml");
        Assert.Equal([ScenarioAction.NodePause, ScenarioAction.NodeDown, ScenarioAction.NodeRebooted], scenario.Events.Select(e => e.Action));
        Assert.Equal(S(150), scenario.Events[2].At);
        var cluster = new SimulatedCluster(scenario);

        foreach (var e in scenario.Events)
        {
            cluster.Apply(e, T0);
            var state = cluster.Read(e.At + S(1)).Nodes[1].State;
            Assert.Equal(e.Action == ScenarioAction.NodeDown ? NodeState.Down : NodeState.Paused, state);
        }
    }

    [Fact]
    public void RoutineOperations_DrainResumeAndRetirement_AreReportedForAnHour()
    {
        var cluster = new SimulatedCluster(Preset("three-node") with { RetireAfter = TimeSpan.FromMinutes(1) });

        cluster.Apply(At(10, ScenarioAction.NodePause, "node-2"), T0);
        cluster.Apply(At(100, ScenarioAction.NodeResume, "node-2"), T0);
        cluster.Apply(At(200, ScenarioAction.DriveFail, "node-3"), T0);

        Assert.Equal([("node_drained", "node-2")], cluster.Read(S(20)).Cluster!.Operations);
        Assert.Equal([("node_drained", "node-2"), ("node_resumed", "node-2")], cluster.Read(S(150)).Cluster!.Operations);
        Assert.Contains(("drive_retired", "node-3/capacity-1"), cluster.Read(S(261)).Cluster!.Operations);
        Assert.DoesNotContain(cluster.Read(S(3611)).Cluster!.Operations, o => o.Operation == "node_drained"); // an hour later
    }

    [Fact]
    public void RoutineOperations_VolumeCreatedAndResized_AreReportedForAnHour_WithoutChangingTheVolume()
    {
        // The catalog's operations include volume_created and volume_resized (MetricCatalog.States.Operations).
        var scenario = ScenarioParser.Parse("""
            preset: three-node
            events:
              - at: 30s
                volume-create: volume-2
              - at: 90s
                volume-resize: volume-1
            """, "volumes.yaml");
        Assert.Equal([ScenarioAction.VolumeCreated, ScenarioAction.VolumeResized], scenario.Events.Select(e => e.Action));
        var cluster = new SimulatedCluster(scenario);
        var before = cluster.Read(S(1)).Cluster!.Volumes.Single(v => v.Name == "volume-1").SizeBytes;

        foreach (var e in scenario.Events)
        {
            cluster.Apply(e, T0);
        }

        Assert.Equal([("volume_created", "volume-2")], cluster.Read(S(60)).Cluster!.Operations);
        Assert.Equal([("volume_created", "volume-2"), ("volume_resized", "volume-1")], cluster.Read(S(120)).Cluster!.Operations);
        Assert.Equal([("volume_resized", "volume-1")], cluster.Read(S(3650)).Cluster!.Operations); // the creation is an hour old
        Assert.Empty(cluster.Read(S(3700)).Cluster!.Operations);
        Assert.Equal(before, cluster.Read(S(120)).Cluster!.Volumes.Single(v => v.Name == "volume-1").SizeBytes);
    }
}
