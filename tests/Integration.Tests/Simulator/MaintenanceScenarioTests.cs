namespace AzLocalMonitor.Integration.Tests.Simulator;

/// <summary>maintenance-drain.yaml: a paused, draining node is info only (its maintenance, and the drain as a routine operation); nobody is paged.</summary>
public sealed class MaintenanceScenarioTests
{
    [Fact]
    public async Task PauseAndDrain_IsNodeMaintenanceInfo_NoPage()
    {
        // node-1 is paused at 10 s of scenario time (2 s here) and resumed at 5 min (60 s here).
        await using var run = await ScenarioRun.StartAsync("maintenance-drain", "maintenance-drain-cluster", timeScale: 5);

        FiringAlert[] info = [new("AzLocalNodeMaintenance", "info"), new("AzLocalRoutineOperation", "info")];
        await run.WaitForRulesAsync(info, TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.True((await run.RulesFiringAsync()).SetEquals(info));
    }
}
