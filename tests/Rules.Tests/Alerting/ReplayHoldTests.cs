using AzLocalMonitor.Rules.Alerting;
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
        harness.Pipeline.Ingest(Quorum(quorum).Build(), replay: ReplayMark.OldBatch);
        harness.Outbox.Drain();
    }

    private static void Report(AlertingHarness harness, int quorum, ReplayMark mark)
    {
        harness.Pipeline.Ingest(Quorum(quorum).Build(), replay: mark);
        harness.Outbox.Drain();
    }

    /// <summary>
    /// Seen on a loaded CI machine (HaPairTests): the replica came back shortly after its peer resolved, the tail of the
    /// backlog was younger than Ingest:ReplayAfter, and Rules took longer than the old 3 s hold per batch: the hold
    /// lapsed with the incident still on in the replica's view, and Alertmanager paged again. The agent now says how
    /// many batches follow; the hold lasts until it says none.
    /// </summary>
    [Fact]
    public void SlowReplay_WithAYoungTail_HoldsUntilTheAgentSaysItsSpoolIsEmpty()
    {
        var harness = new AlertingHarness();

        Report(harness, 0, new ReplayMark("node-1", Old: true, Backlog: 3));
        harness.Run(TimeSpan.FromSeconds(5));
        Report(harness, 0, new ReplayMark("node-1", Old: false, Backlog: 2)); // young, but still the backlog
        harness.Run(TimeSpan.FromSeconds(5));
        Report(harness, 0, new ReplayMark("node-1", Old: false, Backlog: 1));
        harness.Run(TimeSpan.FromSeconds(5));
        Assert.Empty(harness.Notifier.Sent);

        Report(harness, 1, new ReplayMark("node-1", Old: false, Backlog: 0)); // the present: quorum is back
        harness.Run(TimeSpan.FromSeconds(10));
        Assert.Empty(harness.Notifier.Sent);
    }

    [Fact]
    public void ReplayEndingWithTheIncidentStillOn_SendsItWithTheLastBatch()
    {
        var harness = new AlertingHarness();

        Report(harness, 0, new ReplayMark("node-1", Old: true, Backlog: 1));
        Assert.Empty(harness.Notifier.Sent);
        Report(harness, 0, new ReplayMark("node-1", Old: false, Backlog: 0));

        var sent = Assert.Single(harness.Notifier.Named("AzLocalQuorumLost")); // at once, not after a timeout
        Assert.True(sent.EndsAt > sent.StartsAt);
    }

    [Fact]
    public void OneAgentCaughtUp_AnotherStillReplaying_StillHolds()
    {
        var harness = new AlertingHarness();

        Report(harness, 0, new ReplayMark("node-1", Old: true, Backlog: 5));
        Report(harness, 0, new ReplayMark("node-2", Old: true, Backlog: 1));
        Report(harness, 0, new ReplayMark("node-2", Old: false, Backlog: 0)); // node-2 is done; node-1 is not
        harness.Run(TimeSpan.FromSeconds(5));
        Assert.Empty(harness.Notifier.Sent);

        Report(harness, 1, new ReplayMark("node-1", Old: false, Backlog: 0));
        harness.Run(TimeSpan.FromSeconds(5));
        Assert.Empty(harness.Notifier.Sent);
    }

    [Fact]
    public void AgentThatStopsMidReplay_HoldsOnlyUntilTheStallTimeout()
    {
        var harness = new AlertingHarness();

        Report(harness, 0, new ReplayMark("node-1", Old: true, Backlog: 40));
        harness.Run(RuleEngine.ReplayStall - TimeSpan.FromSeconds(2));
        Assert.Empty(harness.Notifier.Sent);

        harness.Run(TimeSpan.FromSeconds(4));
        Assert.Single(harness.Notifier.Named("AzLocalQuorumLost"));
    }

    [Fact]
    public void LiveBatchWithABatchBehindIt_DoesNotHoldAPage()
    {
        var harness = new AlertingHarness();

        // An immediate export posted while the periodic one waits: young, one behind it, no replay under way.
        Report(harness, 0, new ReplayMark("node-1", Old: false, Backlog: 1));

        Assert.Single(harness.Notifier.Named("AzLocalQuorumLost"));
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
