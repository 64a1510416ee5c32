using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Alerting.Conditions;

public class NodeDownConditionTests
{
    private static Otlp SelfReport(string node) => new Otlp("c1", node).Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.3));

    private static Otlp PeerReportsState(string reporter, string subject, string state) =>
        new Otlp("c1", reporter).StateSet(Instruments.NodeState, MetricCatalog.States.Node, state, ("node", subject));

    [Fact]
    public void NodeReportedDownByPeer_FiresAfterThirtySeconds()
    {
        var harness = new AlertingHarness();
        harness.Ingest(PeerReportsState("node-1", "node-2", "down").Build());

        Assert.Equal(AlertState.Pending, harness.Alert("AzLocalNodeDown")!.State);
        harness.Run(TimeSpan.FromSeconds(29));
        harness.Ingest(PeerReportsState("node-1", "node-2", "down").Build());
        Assert.Equal(AlertState.Pending, harness.Alert("AzLocalNodeDown")!.State);
        harness.Run(TimeSpan.FromSeconds(1));

        var alert = harness.Alert("AzLocalNodeDown")!;
        Assert.Equal(AlertState.Firing, alert.State);
        Assert.Equal("node-2", alert.Labels.Get("node"));
        Assert.Contains("Down", alert.Annotations["description"], StringComparison.Ordinal);
    }

    [Fact]
    public void NodePaused_IsNotDown()
    {
        var harness = new AlertingHarness();

        harness.Ingest(PeerReportsState("node-1", "node-2", "paused").Build());
        harness.Run(TimeSpan.FromMinutes(1));

        Assert.Null(harness.Alert("AzLocalNodeDown"));
    }

    [Fact]
    public void NodeSilentWhilePeersReport_FiresForThatNodeOnly()
    {
        var harness = new AlertingHarness(new AlertingOptions { NodeSilenceAfter = TimeSpan.FromSeconds(30) });
        harness.Ingest(SelfReport("node-1").Build());
        harness.Ingest(SelfReport("node-2").Build());

        for (var i = 0; i < 70; i++)
        {
            harness.Run(TimeSpan.FromSeconds(1));
            harness.Ingest(SelfReport("node-1").Build());
        }

        var alert = Assert.Single(harness.Alerts(), a => a.Name == "AzLocalNodeDown");
        Assert.Equal("node-2", alert.Labels.Get("node"));
        Assert.Equal(AlertState.Firing, alert.State);
        Assert.Contains("silent", alert.Annotations["description"], StringComparison.Ordinal);
    }

    [Fact]
    public void WholeClusterSilent_IsNotANodeDownPagePerNode()
    {
        var harness = new AlertingHarness(new AlertingOptions { NodeSilenceAfter = TimeSpan.FromSeconds(30) });
        harness.Ingest(SelfReport("node-1").Build());
        harness.Ingest(SelfReport("node-2").Build());

        harness.Run(TimeSpan.FromMinutes(3));

        Assert.DoesNotContain(harness.Alerts(), a => a.Name == "AzLocalNodeDown");
    }

    [Fact]
    public void SilentNodeThatReturns_Resolves()
    {
        var harness = new AlertingHarness(new AlertingOptions { NodeSilenceAfter = TimeSpan.FromSeconds(10) });
        harness.Ingest(SelfReport("node-2").Build());
        for (var i = 0; i < 50; i++)
        {
            harness.Run(TimeSpan.FromSeconds(1));
            harness.Ingest(SelfReport("node-1").Build());
        }

        Assert.Equal(AlertState.Firing, harness.Alert("AzLocalNodeDown")!.State);
        harness.Ingest(SelfReport("node-2").Build());

        Assert.Equal(AlertState.Inactive, harness.Alert("AzLocalNodeDown")!.State);
    }
}
