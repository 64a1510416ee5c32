using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public class StoragePlannerTests
{
    [Fact]
    public void Manufacturing_ParityOnThreeNodesIsSingleParity_FootprintIs11Tb()
    {
        var plan = StoragePlanner.Plan(ModuleExamples.ThreeNodeExample, ModuleExamples.ManufacturingVolumes);

        var testDev = plan.Volumes.Single(v => v.Volume.Name == "test-dev");
        Assert.Equal(Resiliency.SingleParity, testDev.Resiliency!.Effective);
        Assert.Equal(3 * Units.TB, testDev.FootprintBytes, 0);
        Assert.Equal(6 * Units.TB, plan.Volumes.Single(v => v.Volume.Name == "database").FootprintBytes, 0);
        Assert.Equal(2 * Units.TB, plan.Volumes.Single(v => v.Volume.Name == "analytics").FootprintBytes, 0);
        Assert.Equal(5 * Units.TB, plan.DataBytes, 0);
        Assert.Equal(11 * Units.TB, plan.FootprintBytes, 0);
        Assert.False(plan.Fits);
        Assert.Contains(plan.Notes, n => n.Contains("single parity", StringComparison.Ordinal));
    }

    [Fact]
    public void Manufacturing_TheModules3Point3TbIsNotWhatTheTableGives()
    {
        var plan = StoragePlanner.Plan(ModuleExamples.ThreeNodeExample, ModuleExamples.ManufacturingVolumes);

        // 3.3 TB is 5 TB × 66.7%: one efficiency for every volume. Per volume, 5 TB of data needs 11 TB of raw pool.
        Assert.Equal(3.3, plan.DataBytes * 2 / 3 / Units.TB, 1);
        Assert.NotEqual(ModuleExamples.ManufacturingStatedUsableBytes / Units.TB, plan.FootprintBytes / Units.TB, 1);
        var why = ModuleExamples.ExplainManufacturing(plan);
        Assert.Contains("11.00 TB", why, StringComparison.Ordinal);
        Assert.Contains("only single parity (66.7%)", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ThatFits_HasNoShortfall()
    {
        var plan = StoragePlanner.Plan(new ClusterLayout(4, 4, 4 * Units.TB),
            [new VolumeSpec("v1", 10 * Units.TB, Resiliency.ThreeWayMirror), new VolumeSpec("v2", 10 * Units.TB, Resiliency.DualParity)]);

        Assert.Equal(50 * Units.TB, plan.FootprintBytes, 0);
        Assert.Equal(48 * Units.TB, plan.AvailableBytes, 0);
        Assert.False(plan.Fits);

        var smaller = StoragePlanner.Plan(new ClusterLayout(4, 4, 4 * Units.TB), [new VolumeSpec("v1", 10 * Units.TB, Resiliency.ThreeWayMirror)]);
        Assert.True(smaller.Fits);
        Assert.Empty(smaller.Notes);
    }
}
