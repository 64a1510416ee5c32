namespace AzLocalMonitor.Integration.Tests.Simulator;

/// <summary>quorum-loss.yaml: 2 of 3 nodes down, quorum lost 4 s in; QuorumLost is the only page.</summary>
public sealed class QuorumLossScenarioTests
{
    [Fact]
    public async Task QuorumLoss_PagesOnlyQuorumLost_EverythingElseMuted()
    {
        await using var run = await ScenarioRun.StartAsync("quorum-loss", "quorum-loss-cluster", timeScale: 1);

        await run.WaitForRulesAsync(
        [
            new("AzLocalQuorumLost", "critical"),
            new("AzLocalNodeDown", "critical", Muted: true),
            new("AzLocalStorageDegraded", "critical", Muted: true),
        ], TimeSpan.FromSeconds(40));
        await run.WaitForAlertmanagerAsync([new("AzLocalQuorumLost", "critical")], TimeSpan.FromSeconds(30));
    }
}
