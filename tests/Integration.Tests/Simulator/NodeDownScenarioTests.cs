namespace AzLocalMonitor.Integration.Tests.Simulator;

/// <summary>node-down.yaml on a 3-node cluster: one page (NodeDown), the quorum warning, and the storage consequences muted.</summary>
public sealed class NodeDownScenarioTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task NodeDown_PagesNodeDownAndQuorumAtRisk_StorageConsequencesMuted()
    {
        // node-2 fails at 20 s of scenario time (4 s here) and returns at 80 s (16 s here).
        await using var run = await ScenarioRun.StartAsync("node-down", "node-down-cluster", timeScale: 5);

        await run.WaitForRulesAsync(
        [
            new("AzLocalNodeDown", "critical"),
            new("AzLocalQuorumAtRisk", "warning"),
            new("AzLocalStorageDegraded", "critical", Muted: true),
        ], Timeout);
        await run.WaitForAlertmanagerAsync([new("AzLocalNodeDown", "critical"), new("AzLocalQuorumAtRisk", "warning")], Timeout);
    }
}
