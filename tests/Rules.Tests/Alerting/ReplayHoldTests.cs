using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Alerting;

/// <summary>
/// An HA replica that was down receives the agent's backlog (history): it evaluates it but sends nothing until the
/// replay is over, then sends what is true at that point. Without this, a replica coming back re-pages an incident
/// its peer resolved while it was away (seen in ScaleOut/HaPairTests before the hold existed).
/// </summary>
public class ReplayHoldTests
{
    private static Otlp Quorum(int value) => new Otlp("c1", "node-1").Gauge(Instruments.ClusterQuorum, value);

    private static void Replay(AlertingHarness harness, int quorum)
    {
        harness.Pipeline.Ingest(Quorum(quorum).Build(), replay: true);
        harness.Outbox.Drain();
    }

    [Fact]
    public void IncidentReplayedFromThePast_AndOver_SendsNothing()
    {
        var harness = new AlertingHarness();

        Replay(harness, 0);
        harness.Run(TimeSpan.FromSeconds(1));
        Replay(harness, 1);
        harness.Run(TimeSpan.FromSeconds(10));
        harness.Ingest(Quorum(1).Build()); // live again

        Assert.Empty(harness.Notifier.Sent);
    }

    [Fact]
    public void IncidentStillOnWhenTheReplayEnds_IsSentThen()
    {
        var harness = new AlertingHarness();

        Replay(harness, 0);
        harness.Run(TimeSpan.FromSeconds(1));
        Assert.Empty(harness.Notifier.Sent);

        harness.Run(TimeSpan.FromSeconds(3)); // the hold ends with no further replayed batch
        var sent = Assert.Single(harness.Notifier.Named("AzLocalQuorumLost"));
        Assert.True(sent.EndsAt > sent.StartsAt);
    }

    [Fact]
    public void ReplayThatNeverEnds_HoldsAtMostTwoMinutes()
    {
        var harness = new AlertingHarness();

        for (var second = 0; second < 150 && !harness.Notifier.Sent.Any(); second++)
        {
            Replay(harness, 0);
            harness.Run(TimeSpan.FromSeconds(1));
        }

        Assert.NotEmpty(harness.Notifier.Named("AzLocalQuorumLost"));
    }
}
