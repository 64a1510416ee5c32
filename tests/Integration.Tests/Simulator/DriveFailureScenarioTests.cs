namespace AzLocalMonitor.Integration.Tests.Simulator;

/// <summary>drive-failure.yaml: a failed drive pages, then after retirement rebuilds into the reserve.</summary>
public sealed class DriveFailureScenarioTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DriveFailure_PagesDiskAndStorage_ThenRebuildsIntoTheReserve()
    {
        // Fails at 10 s of scenario time (~1.7 s here), retired 2 min later (~22 s here), then rebuilds for ~25 min
        // (~250 s here). The failed window (both pages, in Rules and Alertmanager) is ~15 s wide, room for a loaded machine.
        await using var run = await ScenarioRun.StartAsync("drive-failure", "drive-failure-cluster", timeScale: 6);

        await run.WaitForRulesAsync([new("AzLocalPhysicalDiskFailed", "critical"), new("AzLocalStorageDegraded", "critical")], Timeout);
        await run.WaitForAlertmanagerAsync([new("AzLocalPhysicalDiskFailed", "critical"), new("AzLocalStorageDegraded", "critical")], Timeout);

        // Retired: the retirement is a routine operation (info), the rebuild a warning.
        FiringAlert[] rebuilding = [new("AzLocalStorageDegraded", "critical"), new("AzLocalRebuildInProgress", "warning"), new("AzLocalRoutineOperation", "info")];
        await run.WaitForRulesAsync(rebuilding, Timeout);
        await run.WaitForAlertmanagerAsync(rebuilding, Timeout);
    }
}
