namespace AzLocalMonitor.Integration.Tests.Simulator;

/// <summary>partition.yaml: node-3 cut off; the majority keeps quorum and reports it down.</summary>
public sealed class PartitionScenarioTests
{
    [Fact]
    public async Task MinorityCutOff_IsNodeDownOnTheMajoritySide_QuorumAtRisk()
    {
        // The partition starts at 10 s of scenario time (2 s here) and heals at 2 min (24 s here).
        await using var run = await ScenarioRun.StartAsync("partition", "partition-cluster", timeScale: 5);

        await run.WaitForRulesAsync(
        [
            new("AzLocalNodeDown", "critical"),
            new("AzLocalQuorumAtRisk", "warning"),
            new("AzLocalStorageDegraded", "critical", Muted: true),
        ], TimeSpan.FromSeconds(20));
        await run.WaitForAlertmanagerAsync([new("AzLocalNodeDown", "critical"), new("AzLocalQuorumAtRisk", "warning")], TimeSpan.FromSeconds(20));
    }
}
