using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Alerting;

/// <summary>The pipeline end to end with a fake clock: what reaches the notifier, and when.</summary>
public class RuleEngineTests
{
    private static Otlp Quorum(int value) => new Otlp("c1", "node-1").Gauge(Instruments.ClusterQuorum, value);

    [Fact]
    public void QuorumLoss_IsHandedToTheNotifierOnArrival_NotAtTheNextTick()
    {
        var harness = new AlertingHarness();

        harness.Ingest(Quorum(0).Build());

        var sent = Assert.Single(harness.Notifier.Sent);
        Assert.Equal("AzLocalQuorumLost", sent.Labels["alertname"]);
        Assert.Equal("critical", sent.Labels["severity"]);
        Assert.Equal("c1", sent.Labels["cluster"]);
        Assert.Equal(harness.Time.GetUtcNow(), sent.StartsAt);
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromMinutes(4), sent.EndsAt);
    }

    [Fact]
    public void FiringAlert_IsResentEveryResendDelay_WhileDataKeepsArriving()
    {
        var harness = new AlertingHarness(new AlertingOptions { ResendDelay = TimeSpan.FromSeconds(10) });
        harness.Ingest(Quorum(0).Build());

        for (var i = 0; i < 25; i++)
        {
            harness.Run(TimeSpan.FromSeconds(1));
            harness.Ingest(Quorum(0).Build());
        }

        Assert.Equal(3, harness.Notifier.Named("AzLocalQuorumLost").Count());
    }

    [Fact]
    public void QuorumRegained_SendsResolvedWithEndsAtAtResolution()
    {
        var harness = new AlertingHarness();
        harness.Ingest(Quorum(0).Build());
        harness.Run(TimeSpan.FromSeconds(5));

        harness.Ingest(Quorum(1).Build());

        var resolved = harness.Notifier.Sent.Last();
        Assert.Equal(harness.Time.GetUtcNow(), resolved.EndsAt);
        Assert.Equal(AlertState.Inactive, harness.Alert("AzLocalQuorumLost")!.State);
    }

    [Fact]
    public void StaleQuorumSeries_ResolvesTheAlertOnTheTimer()
    {
        var harness = new AlertingHarness(series: new AzLocalMonitor.Rules.Series.SeriesOptions { StaleAfter = TimeSpan.FromSeconds(20) });
        harness.Ingest(Quorum(0).Build());

        harness.Run(TimeSpan.FromSeconds(19));
        Assert.Equal(AlertState.Firing, harness.Alert("AzLocalQuorumLost")!.State);
        harness.Run(TimeSpan.FromSeconds(3));

        Assert.Equal(AlertState.Inactive, harness.Alert("AzLocalQuorumLost")!.State);
    }

    [Fact]
    public void Clusters_AreEvaluatedIndependently()
    {
        var harness = new AlertingHarness();

        harness.Ingest(new Otlp("c1", "a").Gauge(Instruments.ClusterQuorum, 0).Build());
        harness.Ingest(new Otlp("c2", "b").Gauge(Instruments.ClusterQuorum, 1).Build());

        Assert.NotNull(harness.Alert("AzLocalQuorumLost", "c1"));
        Assert.Null(harness.Alert("AzLocalQuorumLost", "c2"));
    }
}
