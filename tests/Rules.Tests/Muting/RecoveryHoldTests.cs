using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Tests.Muting;

/// <summary>When a recovery hold applies: the matching is Alertmanager's (equal labels, target matchers), the rest its own.</summary>
public class RecoveryHoldTests
{
    private static readonly RecoveryHold Hold = new(["StorageDegraded"], "RebuildInProgress", ["RebuildSlow"], ["cluster"])
    {
        TargetMatchers = [LabelMatcher.Parse("impact=\"redundancy\"")],
    };

    private static LabelSet Alert(string name, string cluster = "c1", string? impact = null) =>
        impact is null ? LabelSet.Of("alertname", name, "cluster", cluster) : LabelSet.Of("alertname", name, "cluster", cluster, "impact", impact);

    [Fact]
    public void Applies_WhileTheRecoveryRunsInTheSameCluster()
    {
        var target = Alert("StorageDegraded", impact: "redundancy");

        Assert.True(Hold.Applies(target, [target, Alert("RebuildInProgress")]));
        Assert.False(Hold.Applies(target, [target])); // nothing recovering
        Assert.False(Hold.Applies(target, [target, Alert("RebuildInProgress", cluster: "c2")])); // another cluster's repair
    }

    [Fact]
    public void DoesNotApply_ToDataOffline_OtherAlerts_OrWhenTheRecoveryIsSlow()
    {
        var active = new[] { Alert("RebuildInProgress") };

        Assert.False(Hold.Applies(Alert("StorageDegraded", impact: "data_offline"), active));
        Assert.False(Hold.Applies(Alert("NodeDown"), active));
        Assert.False(Hold.Applies(Alert("StorageDegraded", impact: "redundancy"), [.. active, Alert("RebuildSlow")]));
        Assert.True(Hold.Applies(Alert("StorageDegraded", impact: "redundancy"), [.. active, Alert("RebuildSlow", cluster: "c2")]));
    }

    [Fact]
    public void Holding_ReturnsTheFirstHoldThatApplies()
    {
        var other = Hold with { Targets = ["NodeDown"] };

        Assert.Same(Hold, RecoveryHold.Holding([other, Hold], Alert("StorageDegraded", impact: "redundancy"), [Alert("RebuildInProgress")]));
        Assert.Null(RecoveryHold.Holding([other], Alert("StorageDegraded", impact: "redundancy"), [Alert("RebuildInProgress")]));
    }
}
