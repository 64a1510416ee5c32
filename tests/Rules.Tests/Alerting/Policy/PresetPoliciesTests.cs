using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Alerting.Policy;

/// <summary>
/// The presets' objectives (deploy/rules/presets/*.yaml) load over the shipped policy and carry the module's figures:
/// manufacturing RTO 30 minutes, bank RTO 5 minutes (Customer Scenarios 1 and 2), hospital RPO 1 hour (Scenario 3);
/// every other cluster keeps the defaults (RTO 15 minutes: the module's single node failure, 5–15 min).
/// </summary>
public class PresetPoliciesTests
{
    private static AlertPolicy Load() =>
        new PolicyLoader(ConditionCatalog.Default).LoadFiles(
            [DefaultPolicy.FilePath, .. Directory.GetFiles(Path.Combine(RepoRoot.Path, "deploy", "rules", "presets"), "*.yaml").Order(StringComparer.Ordinal)]);

    private static AlertRuleDefinition Rule(AlertPolicy policy, string name) => policy.Rules.Single(r => r.Definition.Name == name).Definition;

    [Theory]
    [InlineData("manufacturing-hq", 30)]
    [InlineData("bank", 5)]
    [InlineData("three-node-cluster", 15)]
    public void RebuildSlow_UsesEachPresetsRto(string cluster, int minutes)
    {
        var rto = Rule(Load(), "AzLocalRebuildSlow").SettingsFor(cluster).Duration("rto", TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromMinutes(minutes), rto);
    }

    [Fact]
    public void ReplicationLagHigh_UsesTheHospitalsOneHourRpo()
    {
        Assert.Equal(TimeSpan.FromHours(1), Rule(Load(), "AzLocalReplicationLagHigh").SettingsFor("hospital-a").Duration("rpo", TimeSpan.Zero));
    }

    [Fact]
    public void RebuildSlow_SaysWhatItCompares()
    {
        var description = Rule(Load(), "AzLocalRebuildSlow").Description;

        Assert.Contains("ETA", description, StringComparison.Ordinal);
        Assert.Contains("VMs to restart", description, StringComparison.Ordinal);
    }
}
