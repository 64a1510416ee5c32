using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public class NPlusOneTests
{
    [Fact]
    public void Memory_FitsOnTheRemainingNodes_Holds()
    {
        var memory = new[] { new NodeMemory("n1", 512 * Units.GB, 300 * Units.GB), new NodeMemory("n2", 512 * Units.GB, 300 * Units.GB), new NodeMemory("n3", 512 * Units.GB, 300 * Units.GB) };

        var result = NPlusOne.Evaluate(memory, [8 * Units.TB, 8 * Units.TB, 8 * Units.TB], 10 * Units.TB);

        Assert.Equal(900.0 / 1024, result.MemoryRatio, 6);
        Assert.True(result.MemoryHolds);
        Assert.Equal(10.0 / 16, result.StorageRatio, 6);
        Assert.True(result.Holds);
    }

    [Fact]
    public void LosingTheLargestNode_IsTheTest()
    {
        // 256 + 256 + 1024 GB, 600 GB in use: without the 1 TB node only 512 GB remain.
        var memory = new[] { new NodeMemory("n1", 256 * Units.GB, 200 * Units.GB), new NodeMemory("n2", 256 * Units.GB, 200 * Units.GB), new NodeMemory("big", 1024 * Units.GB, 200 * Units.GB) };

        var result = NPlusOne.Evaluate(memory, [], 0);

        Assert.False(result.MemoryHolds);
        Assert.Equal(600.0 / 512, result.MemoryRatio, 6);
    }

    [Fact]
    public void Storage_FootprintLargerThanSurvivors_DoesNotHold()
    {
        var result = NPlusOne.Evaluate([], [4 * Units.TB, 4 * Units.TB, 4 * Units.TB, 4 * Units.TB], 13 * Units.TB);

        Assert.False(result.StorageHolds);
        Assert.Equal(13.0 / 12, result.StorageRatio, 6);
        Assert.Equal(13.0 / 12, result.Ratio, 6);
    }

    [Fact]
    public void ThreeWayMirrorOnThreeNodes_NotesThatItCannotRebuild()
    {
        var result = NPlusOne.Evaluate([], [2 * Units.TB, 2 * Units.TB, 2 * Units.TB], 1 * Units.TB, [Resiliency.ThreeWayMirror]);

        Assert.Contains(result.Notes, n => n.Contains("ThreeWayMirror needs 3 nodes", StringComparison.Ordinal));
    }

    [Fact]
    public void SingleNode_NeverHolds()
    {
        Assert.False(NPlusOne.Evaluate([new NodeMemory("n1", 512 * Units.GB, 1 * Units.GB)], [4 * Units.TB], 0).Holds);
    }
}
