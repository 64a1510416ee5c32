using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Sources.Simulated.Model;

namespace AzLocalMonitor.Collector.Tests.Sources.Simulated;

public class ScenarioParserTests
{
    [Fact]
    public void Parse_FullScenario_ReadsShapeAndSortsEvents()
    {
        const string yaml = """
            cluster: demo-cluster
            nodes: 4
            witness: cloud
            seed: 7
            rebuild-rate: 512MiB/s
            time-scale: 10
            events:
              - at: 1m
                node-up: node-2
              - at: 10s
                node-down: node-2
              - at: 20s
                witness: failed
            """;

        var scenario = ScenarioParser.Parse(yaml, "demo.yaml");

        Assert.Equal("demo-cluster", scenario.Cluster);
        Assert.Equal(4, scenario.Nodes);
        Assert.Equal(WitnessType.Cloud, scenario.Witness);
        Assert.Equal(7, scenario.Seed);
        Assert.Equal(512L << 20, scenario.RebuildBytesPerSecond);
        Assert.Equal(10, scenario.TimeScale);
        Assert.Equal(
            [(TimeSpan.FromSeconds(10), ScenarioAction.NodeDown, "node-2"), (TimeSpan.FromSeconds(20), ScenarioAction.WitnessFail, null), (TimeSpan.FromMinutes(1), ScenarioAction.NodeUp, "node-2")],
            scenario.Events.Select(e => (e.At, e.Action, e.Node)));
        Assert.Equal(10, scenario.Events[0].Line);
    }

    [Fact]
    public void Parse_Minimal_UsesDefaults()
    {
        var scenario = ScenarioParser.Parse("nodes: 3\n", "min.yaml");

        Assert.Null(scenario.Cluster);
        Assert.Equal(WitnessType.None, scenario.Witness);
        Assert.Empty(scenario.Events);
        Assert.Equal(["node-1", "node-2", "node-3"], scenario.NodeNames);
    }

    [Theory]
    [InlineData("nodes: 3\nevents:\n  - at: 10s\n    node-down: node-7\n", 4, "unknown node 'node-7'")]
    [InlineData("nodes: 3\nevents:\n  - at: soon\n    node-down: node-2\n", 3, "'soon' is not a duration")]
    [InlineData("nodes: 3\nevents:\n  - node-down: node-2\n", 3, "no 'at' time")]
    [InlineData("nodes: 3\nevents:\n  - at: 1s\n    node-down: node-2\n    node-up: node-1\n", 5, "exactly one action")]
    [InlineData("nodes: 3\nevents:\n  - at: 1s\n    node-explode: node-2\n", 4, "unknown event key 'node-explode'")]
    [InlineData("nodes: 3\nnodez: 4\n", 2, "unknown key 'nodez'")]
    [InlineData("nodes: 40\n", 1, "not a whole number from 1 to 16")]
    [InlineData("witness: disk\n", 1, "expected none, cloud or fileshare")]
    [InlineData("nodes: 3\nevents:\n  - at: 1s\n    witness: failed\n", 4, "needs 'witness: cloud'")]
    [InlineData("nodes: 3\nevents:\n  - at: 10s\n   node-down: node-2\n", 4, "malformed YAML")]
    [InlineData("nodes: [3\n", 2, "malformed YAML")]
    [InlineData("nodes: 3\nevents:\n  - at: 60s\n    drive-fail: {node: node-1\n  - at: 90s\n    witness: failed\n", 4, "malformed YAML")] // fuzz: was InvalidOperationException
    [InlineData("nodes: 3\nbase: &b {at: 1s}\nevents:\n  - : 1s\n    <<: *b\n", 6, "malformed YAML")] // fuzz: was ArgumentException; YamlDotNet notices at the end
    [InlineData("- just\n- a list\n", 1, "a scenario is a mapping")]
    [InlineData("preset: castle\n", 1, "unknown preset 'castle'")]
    [InlineData("preset: retail\nnodes: 4\n", 2, "cannot change the fleet preset")]
    [InlineData("preset: retail\nevents:\n  - at: 1s\n    node-down: node-2\n", 3, "say which with 'cluster:'")]
    [InlineData("preset: retail\nevents:\n  - at: 1s\n    cluster: rdc-99\n    node-down: node-2\n", 4, "unknown cluster 'rdc-99'")]
    [InlineData("preset: three-node\nnodes: 2\n", 2, "needs at least 3 nodes")]
    [InlineData("nodes: 2\nvolumes:\n  - {name: a, resiliency: three-way-mirror, size: 1TB}\n", 3, "three_way_mirror needs at least 3 nodes")]
    [InlineData("nodes: 3\nvolumes:\n  - {name: a, resiliency: three-way-mirror, size: 20TB}\n", 3, "exceeds the pool")]
    [InlineData("nodes: 3\nvolumes:\n  - {name: a, resiliency: triple, size: 1TB}\n", 3, "resiliency 'triple'")]
    [InlineData("nodes: 3\nvolumes:\n  - {name: a, size: 1TB}\n", 3, "needs name, resiliency and size")]
    [InlineData("repair-queue-depth: 32\n", 1, "from 1 to 16")]
    [InlineData("nodes: 3\nevents:\n  - at: 1s\n    partition: [node-1, node-2, node-3]\n", 4, "not none or all 3")]
    [InlineData("nodes: 3\nevents:\n  - at: 1s\n    drive-fail: {node: node-1, drive: 9}\n", 4, "from 1 to 4")]
    [InlineData("preset: three-node\nevents:\n  - at: 1s\n    volume-resize: volume-9\n", 4, "unknown volume 'volume-9'")]
    [InlineData("growth:\n  weekly: 200%\n", 2, "is not a share")]
    [InlineData("growth:\n  steps:\n    - vms: 3\n", 3, "no 'at' time")]
    public void Parse_Invalid_ErrorNamesFileAndLine(string yaml, int line, string message)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(yaml, "bad.yaml"));

        Assert.StartsWith($"bad.yaml:{line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysNotFound()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioParser.Load("/nonexistent/dir/none.yaml"));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("steady")]
    [InlineData("node-down")]
    [InlineData("quorum-loss")]
    [InlineData("maintenance")]
    [InlineData("demo")]
    [InlineData("two-node-witness-loss")]
    [InlineData("drive-failure")]
    [InlineData("drive-failure-no-reserve")]
    [InlineData("partition")]
    [InlineData("maintenance-drain")]
    [InlineData("growth")]
    [InlineData("retail-fleet")]
    [InlineData("quorum-loss-recovery")]
    [InlineData("rolling-update")]
    [InlineData("maintenance-window")]
    [InlineData("single-node-death")]
    [InlineData("two-node-no-witness")]
    [InlineData("stalled-rebuild")]
    [InlineData("drive-failure-node-outage")]
    [InlineData("capacity-forecast")]
    [InlineData("bank-site-link-cut")]
    [InlineData("bank-site-latency")]
    [InlineData("hospital-replication-lag")]
    [InlineData("witness-failure")]
    [InlineData("slow-disk")]
    [InlineData("cache-drive-failure")]
    [InlineData("network-latency")]
    [InlineData("health-fault")]
    [InlineData("busy-cluster")]
    [InlineData("volume-full")]
    [InlineData("capacity-forecast-far")]
    [InlineData("maintenance-reboot")]
    public void Load_ShippedScenarioByName_Parses(string name)
    {
        var scenario = ScenarioParser.Load(name);

        Assert.NotEmpty(scenario.Clusters);
        Assert.All(scenario.Clusters, c => Assert.False(string.IsNullOrEmpty(c.Name)));
    }

    [Fact]
    public void Load_QuorumLoss_LosesQuorumWithinFiveSeconds()
    {
        var scenario = ScenarioParser.Load("quorum-loss");
        var cluster = new SimulatedCluster(scenario);

        var lostAt = scenario.Events
            .Select(e => (e.At, Changes: cluster.Apply(e, DateTimeOffset.UnixEpoch)))
            .First(x => x.Changes.Any(c => c.Kind == Collector.Sources.StateChangeKind.QuorumLost)).At;

        Assert.InRange(lostAt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Parse_PresetWithOverridesAndNewEvents_ReadsThem()
    {
        const string yaml = """
            preset: four-node
            cluster: lab
            repair-queue-depth: 16
            retire-after: 5m
            vms: {count: 40, memory: 8GiB}
            growth:
              storage-per-month: 4%
              steps:
                - {at: 90d, vms: 5, storage: 1TB}
            events:
              - at: 10s
                drive-fail: {node: node-4, drive: 2}
              - at: 20s
                partition: [node-1, node-2]
              - at: 30s
                partition: heal
            """;

        var scenario = ScenarioParser.Parse(yaml, "lab.yaml");

        var cluster = Assert.Single(scenario.Clusters);
        Assert.Equal(("lab", 4, 40, 8L << 30), (cluster.Name, cluster.Nodes, cluster.Vms.Count, cluster.Vms.MemoryBytes));
        Assert.Equal((16, TimeSpan.FromMinutes(5), 0.04), (scenario.RepairQueueDepth, scenario.RetireAfter, scenario.Growth.StoragePerMonth));
        Assert.Null(scenario.RebuildBytesPerSecond); // derived: 6 HDDs × 200 MB/s = 1.2 GB/s (below 100 Gbps), × 16/8 queue depth
        Assert.Equal(2_400_000_000, scenario.RepairBytesPerSecondFor(cluster));
        Assert.Equal((TimeSpan.FromDays(90), 5, 1_000_000_000_000L), (scenario.Growth.Steps[0].At, scenario.Growth.Steps[0].Vms, scenario.Growth.Steps[0].StorageBytes));
        Assert.Equal([ScenarioAction.DriveFail, ScenarioAction.Partition, ScenarioAction.PartitionHeal], scenario.Events.Select(e => e.Action));
        Assert.Equal(("node-4", 2), (scenario.Events[0].Node, scenario.Events[0].Drive));
        Assert.Equal(["node-1", "node-2"], scenario.Events[1].Nodes);
    }
}
