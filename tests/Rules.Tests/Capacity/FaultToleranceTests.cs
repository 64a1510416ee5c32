using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public class FaultToleranceTests
{
    [Fact]
    public void ThreeNodeThreeWayMirror_StorageTwo_QuorumOne_ClusterOne()
    {
        var tolerance = FaultTolerance.Of(3, witness: false, [Resiliency.ThreeWayMirror]);

        Assert.Equal(2, tolerance.Storage);
        Assert.Equal(1, tolerance.Quorum);
        Assert.Equal(1, tolerance.Cluster);
        Assert.Equal("quorum", tolerance.LimitedBy);
    }

    [Theory]
    [InlineData(2, false, 0)]
    [InlineData(2, true, 1)]
    [InlineData(3, true, 1)]
    [InlineData(4, true, 2)]
    [InlineData(4, false, 1)]
    [InlineData(1, false, 0)]
    public void Quorum_MajorityOfVotes(int nodes, bool witness, int expected)
    {
        Assert.Equal(expected, FaultTolerance.Of(nodes, witness, []).Quorum);
    }

    [Fact]
    public void WeakestVolume_SetsStorageTolerance()
    {
        var tolerance = FaultTolerance.Of(4, witness: true, [Resiliency.DualParity, Resiliency.TwoWayMirror]);

        Assert.Equal(1, tolerance.Storage);
        Assert.Equal(1, tolerance.Cluster);
        Assert.Equal("storage", tolerance.LimitedBy);
    }
}
