using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Tests.Alerting.Policy;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Alerting.Conditions;

/// <summary>
/// The situations on-call would meet and the old engine got wrong: a single-node cluster dying, a repair stuck at
/// 0 bytes/s, a 2-node cluster without a witness, a rolling update restarting a paused node. Expectations come
/// from the module and docs/reference/alerts.md (critical = node down; warning = quorum at risk, rebuild; info = maintenance).
/// </summary>
public class OnCallHolesTests
{
    private static readonly string[] Three = ["node-1", "node-2", "node-3"];

    private static Otlp Members(string reporter, IReadOnlyDictionary<string, string> states, string cluster = "c1")
    {
        var otlp = new Otlp(cluster, reporter).Gauge(Instruments.ClusterQuorum, 1).Gauge(Instruments.NodeCpuUtilization, 0.2);
        foreach (var (node, state) in states)
        {
            otlp.StateSet(Instruments.NodeState, MetricCatalog.States.Node, state, ("node", node));
        }

        return otlp;
    }

    [Fact]
    public void SingleNodeCluster_ThatGoesSilent_PagesNodeDown_AndTelemetryLostIsMuted()
    {
        var harness = new AlertingHarness();
        harness.Feed(() => Members("solo", new Dictionary<string, string> { ["solo"] = "up" }, "edge").Build(), TimeSpan.FromMinutes(1));

        harness.Run(TimeSpan.FromMinutes(4)); // the only node stops reporting

        var down = Assert.Single(harness.Alerts("edge"), a => a.Name == "AzLocalNodeDown");
        Assert.Equal(AlertState.Firing, down.State);
        Assert.Equal("solo", down.Labels.Get("node"));
        Assert.Contains("cannot be told from one cut off", down.Annotations["description"], StringComparison.Ordinal);
        Assert.Contains(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalNodeDown" && n.Labels["severity"] == "critical");
        var lost = Assert.Single(harness.Alerts("edge"), a => a.Name == "AzLocalTelemetryLost");
        Assert.NotNull(lost.MutedBy);
        Assert.Empty(harness.Notifier.Named("AzLocalTelemetryLost"));
    }

    [Fact]
    public void SingleNodeCluster_SeenOnce_ThenSilent_DoesNotPage()
    {
        // A made-up cluster name sent in one export (a typo, a probe, an attacker with an ingest token) must not
        // raise a critical page when it never reports again: it was never established (security.md, hostile input).
        var harness = new AlertingHarness();
        harness.Ingest(Members("solo", new Dictionary<string, string> { ["solo"] = "up" }, "made-up").Build());

        harness.Run(TimeSpan.FromMinutes(10));

        Assert.DoesNotContain(harness.Alerts("made-up"), a => a.Name == "AzLocalNodeDown");
        Assert.Empty(harness.Notifier.Named("AzLocalNodeDown"));
    }

    [Fact]
    public void ThreeNodeCluster_AllSilent_IsTelemetryLost_NotThreeNodeDowns()
    {
        var harness = new AlertingHarness();
        var up = Three.ToDictionary(n => n, _ => "up");
        harness.Feed(() =>
        {
            foreach (var node in Three)
            {
                harness.Ingest(Members(node, up).Build());
            }

            return Members("node-1", up).Build();
        }, TimeSpan.FromMinutes(1));

        harness.Run(TimeSpan.FromMinutes(4));

        Assert.DoesNotContain(harness.Alerts(), a => a.Name == "AzLocalNodeDown");
        Assert.Contains(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalTelemetryLost");
    }

    [Fact]
    public void RepairStuckAtZeroBytesPerSecond_TripsRebuildSlow()
    {
        var harness = new AlertingHarness();
        harness.Feed(() => PolicyCases.Healthy()
            .Gauge(Instruments.StorageRepairSize, 100e9, ("job", "UserStorage_1-Repair"))
            .Gauge(Instruments.StorageRepairProcessed, 40e9, ("job", "UserStorage_1-Repair")).Build(), TimeSpan.FromMinutes(12));

        var slow = Assert.Single(harness.Alerts(), a => a.Name == "AzLocalRebuildSlow");
        Assert.Equal(AlertState.Firing, slow.State);
        Assert.Contains("stalled", slow.Annotations["summary"], StringComparison.Ordinal);
    }

    [Fact]
    public void RepairMakingGoodProgress_IsNotSlow()
    {
        var harness = new AlertingHarness();
        var processed = 40e9;
        harness.Feed(() => PolicyCases.Healthy()
            .Gauge(Instruments.StorageRepairSize, 1000e9, ("job", "UserStorage_1-Repair"))
            .Gauge(Instruments.StorageRepairProcessed, processed += 20e9, ("job", "UserStorage_1-Repair")).Build(), TimeSpan.FromMinutes(4)); // 2 GB/s: 960 GB left is 8 min, inside the 15 min RTO

        Assert.DoesNotContain(harness.Alerts(), a => a.Name == "AzLocalRebuildSlow");
    }

    [Fact]
    public void TwoNodeCluster_WithoutAWitness_IsQuorumAtRisk()
    {
        var harness = new AlertingHarness();
        var up = new Dictionary<string, string> { ["node-1"] = "up", ["node-2"] = "up" };
        harness.Feed(() => Members("node-1", up)
            .Gauge(Instruments.ClusterVotesConfigured, 2).Gauge(Instruments.ClusterVotesPresent, 2)
            .StateSet(Instruments.ClusterWitnessState, MetricCatalog.States.Witness, "ok", ("type", "none")).Build(), TimeSpan.FromMinutes(1));

        var risk = Assert.Single(harness.Alerts(), a => a.Name == "AzLocalQuorumAtRisk");
        Assert.Equal(AlertState.Firing, risk.State);
        Assert.Contains("no witness", risk.Annotations["description"], StringComparison.Ordinal);
    }

    [Fact]
    public void TwoNodeCluster_WithACloudWitness_IsNotAtRisk()
    {
        var harness = new AlertingHarness();
        var up = new Dictionary<string, string> { ["node-1"] = "up", ["node-2"] = "up" };
        harness.Feed(() => Members("node-1", up)
            .Gauge(Instruments.ClusterVotesConfigured, 3).Gauge(Instruments.ClusterVotesPresent, 3)
            .StateSet(Instruments.ClusterWitnessState, MetricCatalog.States.Witness, "ok", ("type", "cloud")).Build(), TimeSpan.FromMinutes(1));

        Assert.DoesNotContain(harness.Alerts(), a => a.Name == "AzLocalQuorumAtRisk");
    }

    [Fact]
    public void RollingUpdate_PausedNodeRestarts_IsMaintenance_NotNodeDown_AndItsConsequencesDoNotPage()
    {
        var harness = new AlertingHarness();
        var states = Three.ToDictionary(n => n, _ => "up");
        harness.Feed(() => Members("node-1", states).Build(), TimeSpan.FromMinutes(1));

        states["node-2"] = "paused"; // Suspend-ClusterNode -Drain
        harness.Feed(() => Members("node-1", states).StateSet(Instruments.NodeDrain, MetricCatalog.States.Drain, "completed", ("node", "node-2")).Build(), TimeSpan.FromMinutes(1));
        states["node-2"] = "down"; // the update restarts it: the cluster reports it down while it reboots
        harness.Feed(() => Members("node-1", states)
            .StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "db"))
            .Gauge(Instruments.StorageRepairSize, 100e9, ("job", "db-Repair")).Gauge(Instruments.StorageRepairProcessed, 0, ("job", "db-Repair")).Build(), TimeSpan.FromMinutes(10));

        Assert.DoesNotContain(harness.Alerts(), a => a.Name == "AzLocalNodeDown");
        var maintenance = Assert.Single(harness.Alerts(), a => a.Name == "AzLocalNodeMaintenance");
        Assert.Equal(AlertState.Firing, maintenance.State);
        Assert.DoesNotContain(harness.Notifier.Sent, n => n.Labels["severity"] is "critical" or "warning");
        Assert.Contains(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalNodeMaintenance");

        states["node-2"] = "up"; // Resume-ClusterNode: out of maintenance; a later Down is a failure again
        harness.Feed(() => Members("node-1", states).Build(), TimeSpan.FromMinutes(1));
        states["node-2"] = "down";
        harness.Feed(() => Members("node-1", states).Build(), TimeSpan.FromMinutes(1));
        Assert.Contains(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalNodeDown" && n.Labels["node"] == "node-2");
    }

    [Fact]
    public void AgentSelfMetrics_DoNotMakeAHostAClusterMember()
    {
        var harness = new AlertingHarness();
        harness.Ingest(Members("node-1", Three.ToDictionary(n => n, _ => "up")).Build());
        harness.Ingest(new Otlp("c1", "vm").Gauge("azlm.agent.uptime", 12).Build()); // the simulator process's own metrics

        var members = harness.Store.Find("c1")!.MemberNodes();

        Assert.Equal(Three, members);
    }
}
