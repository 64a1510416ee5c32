namespace AzLocalMonitor.Integration.Tests.Simulator;

/// <summary>two-node-witness-loss.yaml: the witness fails (quorum at risk), then a node (quorum lost).</summary>
public sealed class TwoNodeWitnessScenarioTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WitnessThenNodeLost_WarnsQuorumAtRisk_ThenPagesQuorumLost()
    {
        // Witness fails at 10 s of scenario time (~3.3 s here), node-1 at 60 s (20 s here).
        await using var run = await ScenarioRun.StartAsync("two-node-witness-loss", "two-node-witness-cluster", timeScale: 3);

        await run.WaitForRulesAsync([new("AzLocalQuorumAtRisk", "warning")], Timeout);
        await run.WaitForAlertmanagerAsync([new("AzLocalQuorumAtRisk", "warning")], Timeout);

        await run.WaitForRulesAsync(
        [
            new("AzLocalQuorumLost", "critical"),
            new("AzLocalNodeDown", "critical", Muted: true),
            new("AzLocalStorageDegraded", "critical", Muted: true),
        ], Timeout);
        await run.WaitForAlertmanagerAsync([new("AzLocalQuorumLost", "critical")], Timeout);
    }
}
