using AzLocalMonitor.Integration.Tests.Oracle;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.ScaleOut;

/// <summary>
/// HA pair, the Prometheus way (issue 13 item 1): two Rules replicas evaluate the same stream and both send to every
/// member of a meshed Alertmanager cluster, which deduplicates. The shipped quorum-loss-recovery scenario (quorum lost
/// at 4 s, back at 60 s) must page exactly once, and resolve, whichever single part dies in the middle of the incident.
/// The expectation comes from the alerting oracle's row for that scenario (one incident, one page: QuorumLost) and from
/// Alertmanager's HA contract, not from Rules.
/// </summary>
public sealed class HaPairTests
{
    private const string Scenario = "quorum-loss-recovery";
    private const string Cluster = "quorum-loss-recovery-cluster";
    private const string QuorumLost = "AzLocalQuorumLost";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task RulesReplicaKilledMidIncident_StillOnePage_ResolveArrives_AndTheReplicaCatchesUpOnEveryBatch()
    {
        await using var stack = await HaStack.StartAsync();
        stack.StartAgent(Scenario);
        await WaitForPageAsync(stack);

        // Both replicas hold the same alert: identical labels (no replica label) and the same start, in data time.
        var a = Assert.Single(await stack.AlertsAsync(0, QuorumLost));
        var b = Assert.Single(await stack.AlertsAsync(1, QuorumLost));
        Assert.Equal(a.GetProperty("labels").GetRawText(), b.GetProperty("labels").GetRawText());
        Assert.Equal(a.GetProperty("firedAt").GetDateTimeOffset(), b.GetProperty("firedAt").GetDateTimeOffset());

        await stack.KillRulesAsync(0);
        var acknowledged = stack.Cursor(0); // exact: the cursor moves only on a 2xx from replica 0, which is dead
        Assert.True(NotResolvedYet(stack), "quorum came back before the kill: the machine was too slow for this test to mean anything\n" + stack.Diagnostics());

        // Replica 1 carries on alone: the agent is not held back by the dead replica, and the resolve gets through.
        await WaitForResolveAsync(stack);
        var atResolve = await stack.SequencesAsync(1, Cluster);
        Assert.True(atResolve[^1] > acknowledged, "replica 1 got no batch while replica 0 was down");

        // Replica 0 comes back on the same port and state: the agent replays, from its cursor on, everything it missed.
        await stack.StartRulesAsync(0);
        var caughtUp = await Poll.UntilAsync(
            async () => await stack.SequencesAsync(0, Cluster) is { Count: > 0 } s && s[^1] >= atResolve[^1] ? s : null,
            Patience, "replica 0 to catch up with replica 1", stack.Diagnostics);
        Assert.True(caughtUp[0] <= acknowledged + 1, $"replica 0 restarted at batch {caughtUp[0]}, but had acknowledged only up to {acknowledged}: batches lost");
        for (var i = 1; i < caughtUp.Count; i++)
        {
            Assert.True(caughtUp[i] == caughtUp[i - 1] + 1, $"replica 0: batch {caughtUp[i - 1]} followed by {caughtUp[i]} (a gap or a step back)");
        }

        // The returning replica replayed the incident from the past: it must not page again.
        await Poll.UntilAsync(async () => (await stack.AlertsAsync(0, QuorumLost)).Count == 0 ? "resolved at replica 0" : null, Patience, "replica 0 to resolve the replayed incident", stack.Diagnostics);
        await SettleAsync(stack);
        AssertOnePageAndResolved(stack);
    }

    [Fact]
    public async Task AlertmanagerKilledMidIncident_StillOnePage_AndTheResolveArrives()
    {
        await using var stack = await HaStack.StartAsync();
        stack.StartAgent(Scenario);
        await WaitForPageAsync(stack);

        // Give the member that paged a moment to gossip its notification log. Alertmanager's HA is at-least-once: a
        // member killed between sending and gossiping leaves the other to send again after its peer timeout (seen
        // here with a kill 0.1 s after the page; docs/scale-out.md).
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stack.Alertmanagers[0].KillAsync();
        Assert.True(NotResolvedYet(stack), "quorum came back before the kill: the machine was too slow for this test to mean anything\n" + stack.Diagnostics());

        await WaitForResolveAsync(stack);
        await SettleAsync(stack);
        AssertOnePageAndResolved(stack);
    }

    private static Task WaitForPageAsync(HaStack stack) =>
        Poll.UntilAsync(() => Task.FromResult(Firing(stack).Count > 0 ? "paged" : null), Patience, "the page for " + QuorumLost, stack.Diagnostics);

    private static Task WaitForResolveAsync(HaStack stack) =>
        Poll.UntilAsync(() => Task.FromResult(NotResolvedYet(stack) ? null : "resolved"), Patience, "the resolve of " + QuorumLost, stack.Diagnostics);

    /// <summary>A resend or a re-page would show within a group_interval (shortened to 10 s): wait two, plus the peer timeout of the second member.</summary>
    private static Task SettleAsync(HaStack stack) => Task.Delay(TimeSpan.FromSeconds(2 * 10 + 15));

    private static List<WebhookNotification> Firing(HaStack stack) =>
        [.. stack.Sink.Received.Where(n => n.Receiver == "pager" && n.Alerts.Any(a => a.Name == QuorumLost && a.IsFiring))];

    private static bool NotResolvedYet(HaStack stack) =>
        !stack.Sink.Received.Any(n => n.Receiver == "pager" && n.Alerts.Any(a => a.Name == QuorumLost && !a.IsFiring));

    private static void AssertOnePageAndResolved(HaStack stack)
    {
        var pager = stack.Sink.Received.Where(n => n.Receiver == "pager").ToList();
        var detail = string.Join('\n', stack.Sink.Received);
        Assert.True(pager.Count(n => n.Alerts.Any(a => a.IsFiring)) == 1, "expected exactly one page, got:\n" + detail);
        Assert.All(pager.SelectMany(n => n.Alerts), a => Assert.Equal(QuorumLost, a.Name));
        Assert.All(pager.SelectMany(n => n.Alerts), a => Assert.Equal(Cluster, a.Cluster));
        Assert.True(pager[^1].Status == "resolved", "the last word at the pager is not the resolve:\n" + detail);
    }
}
