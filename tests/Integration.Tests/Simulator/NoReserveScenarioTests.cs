namespace AzLocalMonitor.Integration.Tests.Simulator;

/// <summary>drive-failure-no-reserve.yaml: volumes into the reserve; a retired drive cannot be rebuilt and the pool says so.</summary>
public sealed class NoReserveScenarioTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DriveFailureWithoutReserve_NeverRebuilds_AndReportsInsufficientReserve()
    {
        // Fails at 10 s of scenario time (2.5 s here), retired 1 min later (17.5 s here). StorageDegraded's 4 s `for`
        // plus an evaluation must fit, with Alertmanager's copy, before the retirement ends the disk page: at a time
        // scale of 10 that window was ~2 s and a loaded CI machine missed it.
        await using var run = await ScenarioRun.StartAsync("drive-failure-no-reserve", "no-reserve-cluster", timeScale: 4);

        FiringAlert[] failed = [new("AzLocalReserveCapacityLow", "warning"), new("AzLocalPhysicalDiskFailed", "critical"), new("AzLocalStorageDegraded", "critical")];
        await run.WaitForRulesAsync(failed, Timeout);
        await run.WaitForAlertmanagerAsync(failed, Timeout);

        // Retired (a routine operation, info), with nowhere to rebuild: no repair job, storage stays degraded.
        FiringAlert[] stuck = [new("AzLocalReserveCapacityLow", "warning"), new("AzLocalStorageDegraded", "critical"), new("AzLocalRoutineOperation", "info")];
        await run.WaitForRulesAsync(stuck, Timeout);
        await run.WaitForAlertmanagerAsync(stuck, Timeout);
        var faults = await run.MetricLinesAsync("InsufficientReserveCapacity");
        Assert.Contains(faults, l => l.StartsWith("azlocal_health_faults", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(await run.RulesFiringAsync(), a => a.Name == "AzLocalRebuildInProgress");
    }
}
