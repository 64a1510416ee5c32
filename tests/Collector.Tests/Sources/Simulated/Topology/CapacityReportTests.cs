using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Tests.Sources.Simulated.Topology;

public class CapacityReportTests
{
    private const long TB = 1_000_000_000_000;

    [Fact]
    public void Manufacturing_AgreesWithTheModulesArithmetic_AndStatesTheTablesFootprint()
    {
        Assert.True(PresetCatalog.TryGet("manufacturing", out var preset));
        var report = CapacityReport.Of(preset.Clusters[0]);

        // 3 nodes × 4 × 800 GB (the module's minimums: SSD drives of 800 GB–2 TB, at least 4 per node) = 9.6 TB raw;
        // three-way mirror 9.6 ÷ 3 = 3.2 TB; reserve 3 drives = 2.4 TB → (9.6 − 2.4) ÷ 3 = 2.4 TB.
        Assert.Equal(9.6 * TB, report.RawBytes);
        var threeWay = report.Usable.Single(u => u.Resiliency == Resiliency.ThreeWayMirror);
        Assert.Equal(3.2 * TB, threeWay.UsableIgnoringReserve, tolerance: 1_000);
        Assert.Equal(2.4 * TB, threeWay.Usable, tolerance: 1_000);
        Assert.DoesNotContain(report.Usable, u => u.Resiliency == Resiliency.DualParity);
        Assert.Equal(2.0 / 3, report.Footprints.Single(f => f.Volume.Name == "test-dev").Efficiency, precision: 6);
        Assert.Equal(11 * TB, report.TotalFootprint, tolerance: 1_000_000);
        Assert.False(report.FootprintFits);
        Assert.Equal((1, 1, 1), (report.StorageFaultTolerance, report.QuorumFaultTolerance, report.ClusterFaultTolerance));
    }

    [Fact]
    public void Describe_Manufacturing_ShowsRawUsableLayoutAndTolerance()
    {
        Assert.True(PresetCatalog.TryGet("manufacturing", out var preset));

        var text = PresetDescriber.Describe(preset);

        Assert.Contains("raw 9.6 TB (3 × 3.2 TB)", text, StringComparison.Ordinal);
        Assert.Contains("three_way_mirror", text, StringComparison.Ordinal);
        Assert.Matches(@"three_way_mirror\s+33\.3 %:\s+2\.4 TB \| 3\.2 TB", text);
        Assert.Contains("critical-db", text, StringComparison.Ordinal);
        Assert.Contains("footprint 11 TB", text, StringComparison.Ordinal);
        Assert.Contains("single parity (66.7%)", text, StringComparison.Ordinal);
        Assert.Contains("quorum 1 node failure(s)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((int)Resiliency.TwoWayMirror, 2, true, 0.5)]
    [InlineData((int)Resiliency.ThreeWayMirror, 3, true, 1.0 / 3)]
    [InlineData((int)Resiliency.DualParity, 4, true, 0.5)]
    [InlineData((int)Resiliency.DualParity, 7, true, 2.0 / 3)]
    [InlineData((int)Resiliency.DualParity, 9, true, 0.75)]
    [InlineData((int)Resiliency.DualParity, 16, true, 0.8)]
    [InlineData((int)Resiliency.DualParity, 11, false, 2.0 / 3)]
    [InlineData((int)Resiliency.DualParity, 12, false, 8.0 / 11)]
    [InlineData((int)Resiliency.SingleParity, 3, true, 2.0 / 3)]
    public void Efficiency_FollowsTheModulesTable(int resiliency, int nodes, bool allFlash, double expected)
    {
        Assert.Equal(expected, ResiliencyRules.Efficiency((Resiliency)resiliency, nodes, allFlash), precision: 6);
    }

    [Fact]
    public void Efficiency_TooFewNodes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResiliencyRules.Efficiency(Resiliency.DualParity, 3, allFlash: true));
    }

    [Theory]
    [InlineData("single-node", 0)]
    [InlineData("two-node-witness", 1)]
    [InlineData("three-node", 1)]
    [InlineData("four-node", 2)]
    public void Presets_ClusterToleranceIsTheSmallerOfStorageAndQuorum(string name, int tolerance)
    {
        Assert.True(PresetCatalog.TryGet(name, out var preset));
        var report = CapacityReport.Of(preset.Clusters[0]);

        Assert.Equal(tolerance, report.ClusterFaultTolerance);
        Assert.True(report.FootprintFits, $"{name}: {report.TotalFootprint} of {report.AvailableBytes}");
    }
}
