using AzLocalMonitor.Rules.Capacity;
using AzLocalMonitor.Rules.History;
using AzLocalMonitor.Rules.Tests.Support;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public sealed class CapacityForecasterTests : IDisposable
{
    private const double Tb = 1e12;
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly SqliteHistoryStore _history;

    public CapacityForecasterTests() => _history = new SqliteHistoryStore(_dir.File("h.db"));

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Issue 14: the N+1 forecast started with a flat month although the history ended rising. Thin volumes: the
    /// pool's allocated bytes grow with the data (3% above the written footprint here), and the N+1 fallback (history
    /// without the N+1 series, e.g. backfilled) reads max(allocated, footprint) / raw without the largest node. The
    /// allocated bytes were held at their latest value like a capacity, so the ratio stayed flat until the
    /// footprint's forecast passed them. Expected, independently of the forecaster: the history is a straight line,
    /// so N+1 continues it — (allocated now + slope × days) / 144 TB from the first day on.
    /// </summary>
    [Fact]
    public async Task NPlusOne_ThinPoolGrowing_ForecastRisesFromTheFirstDay()
    {
        const double footprintNow = 100 * Tb, perDay = 0.08 * Tb, allocatedShare = 1.03, left = 192 * Tb - (48 * Tb);
        var samples = new List<HistorySample>();
        var random = new Random(5);
        for (var day = -300; day <= 0; day++)
        {
            for (var h = 0; h < 24; h += 6)
            {
                var t = Now.AddDays(day).AddHours(h - 18).ToUnixTimeMilliseconds();
                var footprint = (footprintNow + (perDay * day)) * (1 + (0.002 * (random.NextDouble() - 0.5)));
                samples.Add(new("c1", HistorySeries.StorageUsedFootprint, t, footprint));
                samples.Add(new("c1", HistorySeries.StorageAllocated, t, footprint * allocatedShare));
                samples.Add(new("c1", HistorySeries.StorageRaw, t, 192 * Tb));
                samples.Add(new("c1", HistorySeries.StorageCapacity, t, 160 * Tb));
                samples.Add(new("c1", HistorySeries.StorageNodeRawMax, t, 48 * Tb));
                samples.Add(new("c1", HistorySeries.MemoryUsed, t, 300e9));
                samples.Add(new("c1", HistorySeries.MemorySize, t, 1536e9));
                samples.Add(new("c1", HistorySeries.MemoryLargestNode, t, 512e9));
            }
        }

        await _history.AppendAsync(samples);
        await _history.RollUpAsync(samples.Min(s => s.TimestampMs));

        var capacity = await new CapacityForecaster(_history, Options.Create(new CapacityOptions())).ForecastAsync("c1", Now, snapshot: null);

        var nPlusOne = capacity.Resources.Single(r => r.Resource == CapacityResources.NPlusOne);
        Assert.InRange(nPlusOne.Current, footprintNow * allocatedShare / left * 0.99, footprintNow * allocatedShare / left * 1.01);
        foreach (var days in new[] { 1, 10, 20, 30, 90 })
        {
            var point = nPlusOne.Points[days - 1];
            var elapsed = (point.Timestamp - nPlusOne.History[^1].Timestamp).TotalDays;
            var expected = (footprintNow + (perDay * elapsed)) * allocatedShare / left;
            Assert.True(Math.Abs(point.P50 - expected) < 0.004,
                $"day {days}: N+1 P50 {point.P50:F4}, the history's line gives {expected:F4} (the flat start held it at {nPlusOne.Current:F4})");
        }
    }
}
