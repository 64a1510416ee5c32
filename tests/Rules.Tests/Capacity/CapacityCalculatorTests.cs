using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public class CapacityCalculatorTests
{
    [Fact]
    public void ModuleExample_ThreeByTwoTb_ThreeWayMirror_TwoTbUsable_1Point8ForVms()
    {
        // "Raw storage: 3 nodes × 2 TB = 6 TB; With 3-way mirror: 6 TB ÷ 3 = 2 TB usable; Available for VMs: ~1.8 TB"
        var usable = CapacityCalculator.Usable(ModuleExamples.ThreeNodeExample, Resiliency.ThreeWayMirror, keepReserve: false);

        Assert.Equal(6 * Units.TB, usable.RawBytes, 0);
        Assert.Equal(2 * Units.TB, usable.UsableBytes, 0);
        Assert.Equal(1.8 * Units.TB, usable.ForVmsBytes, 0);
    }

    [Fact]
    public void ModuleExample_WithTheReserve_OneTwoTbDrivePerNodeLeavesNothing()
    {
        // The module's example leaves out the repair reserve; with one 2 TB capacity drive per node the reserve
        // (one drive per node, up to four) is the whole pool.
        var usable = CapacityCalculator.Usable(ModuleExamples.ThreeNodeExample, Resiliency.ThreeWayMirror);

        Assert.Equal(2 * Units.TB, usable.BeforeReserveBytes, 0);
        Assert.Equal(6 * Units.TB, usable.ReserveBytes, 0);
        Assert.Equal(0, usable.UsableBytes, 0);
    }

    [Fact]
    public void Usable_IsRawLessReserveTimesEfficiency()
    {
        // 3 nodes × 4 × 0.5 TB: raw 6 TB, reserve 3 × 0.5 TB = 1.5 TB, usable (6 − 1.5) / 3 = 1.5 TB
        var usable = CapacityCalculator.Usable(new ClusterLayout(3, 4, 0.5 * Units.TB), Resiliency.ThreeWayMirror);

        Assert.Equal(1.5 * Units.TB, usable.ReserveBytes, 0);
        Assert.Equal(1.5 * Units.TB, usable.UsableBytes, 0);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 4)]
    [InlineData(8, 4)]
    [InlineData(16, 4)]
    public void Reserve_OneDrivePerNode_UpToFour(int nodes, int drives)
    {
        Assert.Equal(drives * 1.92 * Units.TB, CapacityCalculator.ReserveBytes(nodes, 1.92 * Units.TB), 0);
    }

    [Fact]
    public void Usable_SixteenNodeDualParity_UsesLrc80Percent()
    {
        var usable = CapacityCalculator.Usable(new ClusterLayout(16, 8, 4 * Units.TB), Resiliency.DualParity);

        Assert.Equal((512 - 16) * Units.TB * 0.8, usable.UsableBytes, 0);
    }
}
