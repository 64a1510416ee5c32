using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Alerting.Conditions;

public class QuorumLostConditionTests
{
    [Fact]
    public void QuorumZero_FiresWithVotesInDescription()
    {
        var harness = new AlertingHarness();

        harness.Ingest(new Otlp("c1", "node-1")
            .Gauge(Instruments.ClusterQuorum, 0)
            .Gauge(Instruments.ClusterVotesPresent, 1)
            .Gauge(Instruments.ClusterVotesConfigured, 3)
            .Build());

        var alert = harness.Alert("AzLocalQuorumLost")!;
        Assert.Contains("1 of 3 votes present", alert.Annotations["description"], StringComparison.Ordinal);
        Assert.Equal("c1", alert.Labels.Get("cluster"));
        Assert.Null(alert.Labels.Get("node"));
    }

    [Fact]
    public void QuorumHeld_DoesNotFire_EvenWithFewVotes()
    {
        var harness = new AlertingHarness();

        harness.Ingest(new Otlp("c1", "node-1").Gauge(Instruments.ClusterQuorum, 1).Gauge(Instruments.ClusterVotesPresent, 1).Build());

        Assert.Null(harness.Alert("AzLocalQuorumLost"));
    }

    [Fact]
    public void LatestReportWins_AnOlderReportFromAnotherNodeDoesNotOverrideIt()
    {
        var harness = new AlertingHarness();
        harness.IngestAsIs(new Otlp("c1", "node-1").Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(0, 1_795_000_010_000)).Build());

        var result = harness.IngestAsIs(new Otlp("c1", "node-2").Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, 1_795_000_000_000)).Build());

        Assert.Equal(1, result.Rejected(Rules.Diagnostics.RejectReason.OutOfOrder));
        Assert.Equal(Rules.Alerting.AlertState.Firing, harness.Alert("AzLocalQuorumLost")!.State);
    }

    [Fact]
    public void WindowsNodesThatCanNoLongerQueryTheCluster_AfterTheLastVerdict_AreQuorumLost()
    {
        // On Windows the cluster service stops without quorum: the surviving node reports it cannot query, not "quorum 0".
        var harness = new AlertingHarness();
        harness.Ingest(new Otlp("c1", "node-1").Gauge(Instruments.ClusterQuorum, 1).Gauge("azlm.agent.cluster.queryable", 1).Build());
        harness.Run(TimeSpan.FromSeconds(10));

        harness.Ingest(new Otlp("c1", "node-1").Gauge("azlm.agent.cluster.queryable", 0).Build());

        var alert = harness.Alert("AzLocalQuorumLost")!;
        Assert.Equal(Rules.Alerting.AlertState.Firing, alert.State);
        Assert.Contains("can no longer query", alert.Annotations["description"], StringComparison.Ordinal);
    }

    [Fact]
    public void OneNodeThatCannotQuery_WhileAPeerReportsQuorum_IsNotQuorumLost()
    {
        var harness = new AlertingHarness();
        foreach (var node in new[] { "node-1", "node-2" })
        {
            harness.Ingest(new Otlp("c1", node).Gauge(Instruments.ClusterQuorum, 1).Gauge("azlm.agent.cluster.queryable", 1).Build());
        }

        harness.Run(TimeSpan.FromSeconds(10));
        harness.Ingest(new Otlp("c1", "node-1").Gauge("azlm.agent.cluster.queryable", 0).Build()); // its own cluster service failed
        harness.Ingest(new Otlp("c1", "node-2").Gauge(Instruments.ClusterQuorum, 1).Gauge("azlm.agent.cluster.queryable", 1).Build());
        harness.Run(TimeSpan.FromSeconds(30));

        Assert.Null(harness.Alert("AzLocalQuorumLost"));
        Assert.Empty(harness.Notifier.Named("AzLocalQuorumLost"));
    }
}
