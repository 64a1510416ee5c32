using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Rules.Tests.History;

public class RollupCalculatorTests
{
    [Fact]
    public void Buckets_MinAvgMaxP95_PeakVersusAverage()
    {
        // 20 one-minute points in one 5-minute... no: 20 points within one hour, values 1..20.
        var points = Enumerable.Range(0, 20).Select(i => (TimestampMs: 3_600_000L + (i * 60_000L), Value: (double)(i + 1))).ToList();

        var hour = RollupCalculator.Compute("c1", "s", Resolution.Hour, points).Single();

        Assert.Equal(3_600_000L, hour.StartMs);
        Assert.Equal(20, hour.Count);
        Assert.Equal(1, hour.Min);
        Assert.Equal(10.5, hour.Avg);
        Assert.Equal(20, hour.Max);
        Assert.Equal(19, hour.P95);
    }

    [Fact]
    public void FiveMinuteBuckets_SplitOnBoundaries()
    {
        var points = Enumerable.Range(0, 20).Select(i => (TimestampMs: i * 60_000L, Value: 1.0)).ToList();

        var buckets = RollupCalculator.Compute("c1", "s", Resolution.FiveMinutes, points);

        Assert.Equal(4, buckets.Count);
        Assert.All(buckets, b => Assert.Equal(5, b.Count));
        Assert.Equal([0L, 300_000L, 600_000L, 900_000L], buckets.Select(b => b.StartMs));
    }

    [Theory]
    [InlineData(Resolution.Day, 86_400_000L + 5, 86_400_000L)]
    [InlineData(Resolution.Hour, 7_199_999L, 3_600_000L)]
    [InlineData(Resolution.FiveMinutes, -1L, -300_000L)]
    public void BucketStart_IsAligned(Resolution resolution, long ts, long start) => Assert.Equal(start, resolution.BucketStart(ts));
}
