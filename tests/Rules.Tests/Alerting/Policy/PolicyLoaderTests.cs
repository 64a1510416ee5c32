using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;

namespace AzLocalMonitor.Rules.Tests.Alerting.Policy;

public class PolicyLoaderTests
{
    private static readonly PolicyLoader Loader = new(ConditionCatalog.Default);

    private static string DefaultText => File.ReadAllText(DefaultPolicy.FilePath);

    private static PolicyException Fails(string yaml) =>
        Assert.Throws<PolicyException>(() => Loader.Load([("default.yaml", DefaultText), ("mine.yaml", yaml)]));

    [Fact]
    public void UserFile_OverridesOnlyTheFieldsItGives()
    {
        var policy = Loader.Load([("default.yaml", DefaultText), ("mine.yaml", "alerts:\n  - alert: AzLocalCpuHigh\n    threshold: 0.9\n")]);

        var cpu = Assert.Single(policy.Rules, r => r.Definition.Name == "AzLocalCpuHigh").Definition;
        Assert.Equal(0.9, cpu.Settings.Threshold);
        Assert.Equal(TimeSpan.FromMinutes(15), cpu.Settings.For);
        Assert.Equal("warning", cpu.Severity);
    }

    [Fact]
    public void AlertWithSeveralSeverities_IsMatchedBySeverity_AndKeyedByIt()
    {
        var policy = Loader.Load([("default.yaml", DefaultText), ("mine.yaml", "alerts:\n  - alert: AzLocalVolumeCapacityHigh\n    severity: critical\n    threshold: 0.95\n")]);

        var volume = policy.Rules.Where(r => r.Definition.Name == "AzLocalVolumeCapacityHigh").ToDictionary(r => r.Definition.Severity, r => r.Definition);
        Assert.Equal(0.8, volume["warning"].Settings.Threshold);
        Assert.Equal(0.95, volume["critical"].Settings.Threshold);
        Assert.Equal("AzLocalVolumeCapacityHigh:critical", volume["critical"].Key);
    }

    [Fact]
    public void ClusterOverride_AppliesToThatClusterOnly()
    {
        var policy = Loader.Load([("default.yaml", DefaultText), ("mine.yaml", """
            clusters:
              bank-a:
                AzLocalCpuHigh: { threshold: 0.95, for: 30m }
                AzLocalCacheHitRatioLow: { enabled: false }
            """)]);

        var cpu = policy.Rules.Single(r => r.Definition.Name == "AzLocalCpuHigh").Definition;
        Assert.Equal(0.95, cpu.SettingsFor("bank-a").Threshold);
        Assert.Equal(TimeSpan.FromMinutes(30), cpu.SettingsFor("bank-a").For);
        Assert.Equal(0.8, cpu.SettingsFor("other").Threshold);
        Assert.False(policy.Rules.Single(r => r.Definition.Name == "AzLocalCacheHitRatioLow").Definition.SettingsFor("bank-a").Enabled);
    }

    [Fact]
    public void Errors_AreAllReported_WithFileAndLine()
    {
        var ex = Fails("""
            alerts:
              - alert: AzLocalCpuHigh
                treshold: 0.9
              - alert: AzLocalNew
                severity: urgent
                condition: nope
                for: soon
            clusters:
              c1:
                AzLocalMissing: { threshold: 1 }
            maintenance:
              - name: bad
                cluster: c1
                cron: "every tuesday"
                duration: 4h
            """);

        var messages = ex.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.StartsWith("mine.yaml:3:", StringComparison.Ordinal) && m.Contains("unknown key 'treshold'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("mine.yaml:5:", StringComparison.Ordinal) && m.Contains("severity 'urgent'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("unknown condition 'nope'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("mine.yaml:7:", StringComparison.Ordinal) && m.Contains("'for' must be a duration", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'summary' is required", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("mine.yaml:10:", StringComparison.Ordinal) && m.Contains("no alert 'AzLocalMissing'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("mine.yaml:12:", StringComparison.Ordinal) && m.Contains("cron 'every tuesday'", StringComparison.Ordinal));
    }

    [Fact]
    public void ThresholdOutOfRange_IsRejected()
    {
        var ex = Fails("alerts:\n  - alert: AzLocalCpuHigh\n    threshold: 80\n");

        Assert.Contains(ex.Errors, e => e.Message.Contains("threshold 80 is outside 0..1", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenYaml_SaysWhere()
    {
        var ex = Fails("alerts:\n  - alert: [unclosed\n");

        var error = Assert.Single(ex.Errors);
        Assert.Equal("mine.yaml", error.File);
        Assert.InRange(error.Line, 2, 3); // YamlDotNet reports where it noticed: the unclosed list's end
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("base: &b { severit\nalerts:\n  - alert: AzLocalCpuHigh\n    <<: *b\n    threshold: 0.8")]
    [InlineData("alerts:\n  - alert: {\n    severity: warning\n")]
    [InlineData("base: &b { severity: warning, for: 5m }\nalerts:\n  - : AzLocalCpuHigh\n    <<: *b\n    threshold: 0.8")]
    public void YamlThatYamlDotNetChokesOn_IsAPolicyError(string yaml)
    {
        // Found by the fuzz harness (docs/fuzzing.md): YamlDotNet threw InvalidOperationException or ArgumentException,
        // so a policy reload with this file was a 500 and start-up crashed instead of listing the error.
        var ex = Fails(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Equal("mine.yaml", error.File);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaintenanceWindows_FromTheFile_AreLoaded()
    {
        var policy = Loader.Load([("default.yaml", DefaultText), ("mine.yaml", """
            maintenance:
              - name: patch-tuesday
                cluster: bank-a
                node: node-2
                cron: "0 22 * * TUE"
                duration: 4h
                timezone: Europe/Berlin
            """)]);

        var window = Assert.Single(policy.MaintenanceWindows);
        Assert.Equal("config:patch-tuesday", window.Id);
        Assert.Equal(TimeSpan.FromHours(4), window.Duration);
        Assert.Equal("node-2", window.Node);
    }

    [Fact]
    public void DefaultPolicy_HoldsFewerCopies_WhileTheRepairRuns_UnlessItIsSlow()
    {
        var policy = Loader.Load([("default.yaml", DefaultText)]);

        var hold = Assert.Single(policy.RecoveryHolds);
        Assert.Equal(["AzLocalStorageDegraded"], hold.Targets);
        Assert.Equal("AzLocalRebuildInProgress", hold.While);
        Assert.Equal(["AzLocalRebuildSlow"], hold.Unless);
        Assert.Equal("impact=\"redundancy\"", Assert.Single(hold.TargetMatchers).ToString());
    }

    [Fact]
    public void RecoveryHold_NamingAnUnknownAlert_OrNoTargets_OrItself_IsRejected()
    {
        var unknown = Fails("recovery_holds:\n  - targets: [AzLocalStorageDegraded]\n    while: AzLocalRepairRunning\n");
        Assert.Contains(unknown.Errors, e => e.Message.Contains("unknown alert 'AzLocalRepairRunning'", StringComparison.Ordinal));

        var noTargets = Fails("recovery_holds:\n  - while: AzLocalRebuildInProgress\n");
        Assert.Contains(noTargets.Errors, e => e.Message.Contains("'targets' is required", StringComparison.Ordinal));

        var itself = Fails("recovery_holds:\n  - targets: [AzLocalRebuildInProgress]\n    while: AzLocalRebuildInProgress\n");
        Assert.Contains(itself.Errors, e => e.Message.Contains("cannot hold itself", StringComparison.Ordinal));

        var badKey = Fails("recovery_holds:\n  - targets: [AzLocalStorageDegraded]\n    while: AzLocalRebuildInProgress\n    until: 5m\n");
        Assert.Contains(badKey.Errors, e => e.Message.Contains("until", StringComparison.Ordinal));
    }
}
