using AzLocalMonitor.Rules.Alerting;

namespace AzLocalMonitor.Rules.Tests.Alerting.Policy;

/// <summary>
/// The policy linter (after Ceph's mixin lint): every alert has a valid severity, the three annotations, and at
/// least one case where it fires and one near miss where it must not.
/// </summary>
public class PolicyLinterTests
{
    private static readonly string[] ContractAlerts =
    [
        "AzLocalQuorumLost", "AzLocalNodeDown", "AzLocalStorageDegraded", "AzLocalPhysicalDiskFailed", "AzLocalQuorumAtRisk",
        "AzLocalRebuildInProgress", "AzLocalRebuildSlow", "AzLocalCpuHigh", "AzLocalMemoryHigh", "AzLocalVolumeCapacityHigh",
        "AzLocalReserveCapacityLow", "AzLocalNetworkLatencyHigh", "AzLocalStorageLatencyHigh", "AzLocalCacheHitRatioLow",
        "AzLocalNodeMaintenance", "AzLocalMaintenanceWindow", "AzLocalTelemetryLost",
    ];

    [Fact]
    public void DefaultPolicy_HasEveryContractAlert()
    {
        var names = DefaultPolicy.Load().Rules.Select(r => r.Definition.Name).ToHashSet();

        Assert.All(ContractAlerts, name => Assert.Contains(name, names));
    }

    [Fact]
    public void EveryAlert_HasAValidSeverityAndTheThreeAnnotations()
    {
        foreach (var rule in DefaultPolicy.Load().Rules.Select(r => r.Definition))
        {
            Assert.Contains(rule.Severity, new[] { "critical", "warning", "info" });
            Assert.False(string.IsNullOrWhiteSpace(rule.Summary), $"{rule.Name}: summary");
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), $"{rule.Name}: description");
            Assert.Contains("1 Collect", rule.Runbook, StringComparison.Ordinal);
            Assert.Contains("2 Isolate", rule.Runbook, StringComparison.Ordinal);
            Assert.Contains("3 Apply", rule.Runbook, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryAlert_HasAFiringCaseAndANearMiss()
    {
        foreach (var rule in DefaultPolicy.Load().Rules.Select(r => r.Definition))
        {
            var cases = PolicyCases.All.Where(c => c.Alert == rule.Name && c.Severity == rule.Severity).ToList();
            Assert.True(cases.Any(c => c.Fires), $"{rule.Name} ({rule.Severity}) has no case where it fires");
            Assert.True(cases.Any(c => !c.Fires), $"{rule.Name} ({rule.Severity}) has no near miss");
        }
    }

    [Fact]
    public void ModulesSeverities_CriticalWarningInfo_AsTheModuleAssigns()
    {
        var bySeverity = DefaultPolicy.Load().Rules.GroupBy(r => r.Definition.Severity).ToDictionary(g => g.Key, g => g.Select(r => r.Definition.Name).ToHashSet());

        Assert.Subset(bySeverity["critical"], new HashSet<string> { "AzLocalQuorumLost", "AzLocalNodeDown", "AzLocalStorageDegraded" });
        Assert.Subset(bySeverity["warning"], new HashSet<string> { "AzLocalCpuHigh", "AzLocalMemoryHigh", "AzLocalRebuildInProgress" });
        Assert.Subset(bySeverity["info"], new HashSet<string> { "AzLocalMaintenanceWindow", "AzLocalNodeMaintenance" });
    }
}
