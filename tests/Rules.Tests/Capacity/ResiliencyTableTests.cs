using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public class ResiliencyTableTests
{
    [Theory]
    [InlineData(Resiliency.TwoWayMirror, 2, MediaKind.AllFlash, 0.5, 1)]
    [InlineData(Resiliency.ThreeWayMirror, 3, MediaKind.AllFlash, 1.0 / 3, 2)]
    [InlineData(Resiliency.NestedTwoWayMirror, 2, MediaKind.AllFlash, 0.25, 1)]
    [InlineData(Resiliency.SingleParity, 3, MediaKind.AllFlash, 2.0 / 3, 1)]
    [InlineData(Resiliency.DualParity, 4, MediaKind.AllFlash, 0.5, 2)]
    [InlineData(Resiliency.DualParity, 6, MediaKind.AllFlash, 0.5, 2)]
    [InlineData(Resiliency.DualParity, 7, MediaKind.AllFlash, 2.0 / 3, 2)]
    [InlineData(Resiliency.DualParity, 8, MediaKind.AllFlash, 2.0 / 3, 2)]
    [InlineData(Resiliency.DualParity, 9, MediaKind.AllFlash, 0.75, 2)]
    [InlineData(Resiliency.DualParity, 15, MediaKind.AllFlash, 0.75, 2)]
    [InlineData(Resiliency.DualParity, 16, MediaKind.AllFlash, 0.8, 2)]
    [InlineData(Resiliency.DualParity, 6, MediaKind.Hybrid, 0.5, 2)]
    [InlineData(Resiliency.DualParity, 7, MediaKind.Hybrid, 2.0 / 3, 2)]
    [InlineData(Resiliency.DualParity, 11, MediaKind.Hybrid, 2.0 / 3, 2)]
    [InlineData(Resiliency.DualParity, 12, MediaKind.Hybrid, 8.0 / 11, 2)]
    [InlineData(Resiliency.DualParity, 16, MediaKind.Hybrid, 8.0 / 11, 2)]
    public void Efficiency_MatchesTheTable(Resiliency resiliency, int nodes, MediaKind media, double efficiency, int tolerated)
    {
        var resolved = ResiliencyTable.Resolve(resiliency, nodes, media);

        Assert.Equal(efficiency, resolved.Efficiency, 6);
        Assert.Equal(tolerated, resolved.NodeFailuresTolerated);
    }

    [Fact]
    public void HybridDualParity_TwelveNodes_Is72Point7Percent()
    {
        Assert.Equal(0.727, ResiliencyTable.Resolve(Resiliency.DualParity, 12, MediaKind.Hybrid).Efficiency, 3);
    }

    [Theory]
    [InlineData(Resiliency.DualParity, 3)]
    [InlineData(Resiliency.ThreeWayMirror, 2)]
    [InlineData(Resiliency.TwoWayMirror, 1)]
    [InlineData(Resiliency.NestedTwoWayMirror, 3)]
    [InlineData(Resiliency.MirrorAcceleratedParity, 3)]
    [InlineData(Resiliency.ThreeWayMirror, 17)]
    public void Impossible_SaysWhy(Resiliency resiliency, int nodes)
    {
        Assert.Null(ResiliencyTable.TryResolve(resiliency, nodes, MediaKind.AllFlash, out var reason));
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void Parity_OnThreeNodes_IsSingleParity66Point7()
    {
        var resolved = ResiliencyTable.Resolve(Resiliency.Parity, 3);

        Assert.Equal(Resiliency.SingleParity, resolved.Effective);
        Assert.Equal(0.667, resolved.Efficiency, 3);
        Assert.Contains("dual parity needs 4 nodes", resolved.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Parity_OnFourNodes_IsDualParity()
    {
        Assert.Equal(Resiliency.DualParity, ResiliencyTable.Resolve(Resiliency.Parity, 4).Effective);
    }

    [Fact]
    public void MirrorAcceleratedParity_BlendsThreeWayMirrorAndDualParity()
    {
        // 20% at 33.3% and 80% at 50% (4 nodes): 1 / (0.2 × 3 + 0.8 × 2) = 1 / 2.2
        Assert.Equal(1 / 2.2, ResiliencyTable.Resolve(Resiliency.MirrorAcceleratedParity, 4).Efficiency, 6);
    }

    [Theory]
    [InlineData("three_way_mirror", Resiliency.ThreeWayMirror)]
    [InlineData("dual_parity", Resiliency.DualParity)]
    [InlineData("mirror_accelerated_parity", Resiliency.MirrorAcceleratedParity)]
    [InlineData("nested-two-way-mirror", Resiliency.NestedTwoWayMirror)]
    public void Parse_CatalogLabelValues(string value, Resiliency expected) => Assert.Equal(expected, ResiliencyTable.Parse(value));
}
