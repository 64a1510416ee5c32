using AzLocalMonitor.Rules.Capacity.Resampling;

namespace AzLocalMonitor.Rules.Tests.Capacity;

/// <summary>Expected grids are worked out by hand from the inputs written in each test.</summary>
public class ResamplerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Hourly_JitteredUnsortedAndDuplicated_LandsOnTheHour()
    {
        TimedValue[] rows =
        [
            new(T0.AddHours(2).AddSeconds(-40), 30),
            new(T0.AddSeconds(3), 10),
            new(T0.AddHours(1).AddSeconds(20), 20),
            new(T0.AddHours(1).AddSeconds(50), 22), // duplicate of hour 1
            new(T0.AddHours(3).AddSeconds(5), 40),
        ];

        var series = Resampler.Resample(rows);

        Assert.Equal(new Cadence(0, TimeSpan.FromHours(1)), series.Cadence);
        Assert.Equal(T0, series.Anchor);
        Assert.Equal([10, 21, 30, 40], series.Values);
        Assert.Contains(series.Notes, n => n.StartsWith("1 rows were earlier", StringComparison.Ordinal));
        Assert.Contains(series.Notes, n => n.StartsWith("1 rows fell on a step that already had a row", StringComparison.Ordinal));
        Assert.Contains(series.Notes, n => n.Contains("00:00:50 off the 1 h grid", StringComparison.Ordinal));
    }

    [Fact]
    public void Daily_ShortGapFilled_LongGapLeftMissingNotZero()
    {
        // days 0..4 = 0..4; days 5,6 missing (short); 7..9 = 7..9; days 10..19 missing (long); 20, 21.
        var days = new[] { 0, 1, 2, 3, 4, 7, 8, 9, 20, 21 };
        var series = Resampler.Resample(days.Select(d => new TimedValue(T0.AddDays(d), d)).ToList());

        Assert.Equal(22, series.Values.Length);
        Assert.Equal(5, series.Values[5], 9);
        Assert.Equal(6, series.Values[6], 9);
        Assert.All(series.Values[10..20], v => Assert.True(double.IsNaN(v)));
        Assert.Equal(20, series.Values[20]);
        Assert.Contains(series.Notes, n => n.Contains("1 short gaps (2 missing steps, at most 3 each) filled by linear interpolation: 2025-03-06 to 2025-03-07", StringComparison.Ordinal));
        Assert.Contains(series.Notes, n => n.Contains("1 long gaps (10 steps) left missing, not zero: 2025-03-11 to 2025-03-20", StringComparison.Ordinal));
    }

    [Fact]
    public void MonthEndRows_AreCalendarMonths()
    {
        // Month ends (31, 28, 31, 30 ... days apart): one calendar month each, not a fixed step.
        var rows = Enumerable.Range(0, 14).Select(i => new TimedValue(new DateTimeOffset(2023, 1, 31, 0, 0, 0, TimeSpan.Zero).AddMonths(i), i)).ToList();
        rows.RemoveAt(5); // 2023-06-30 missing

        var series = Resampler.Resample(rows);

        Assert.True(series.Cadence.IsCalendar);
        Assert.Equal(12, series.Cadence.Season);
        Assert.Equal(14, series.Values.Length);
        Assert.Equal(5, series.Values[5], 9);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), series.At(13));
    }

    [Fact]
    public void Quarterly_IsThreeCalendarMonths_SeasonFour()
    {
        var rows = Enumerable.Range(0, 12).Select(i => new TimedValue(new DateTimeOffset(1960, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(3 * i), i)).ToList();

        var series = Resampler.Resample(rows);

        Assert.Equal(3, series.Cadence.Months);
        Assert.Equal(4, series.Cadence.Season);
        Assert.Equal(new DateTimeOffset(1963, 1, 1, 0, 0, 0, TimeSpan.Zero), series.At(12));
    }

    [Fact]
    public void Usable_IsTheStretchAfterTheLastLongGap()
    {
        double[] values = [1, 2, double.NaN, double.NaN, 5, 6, 7, 8];

        var tail = GapFiller.Usable(values, 3, out var start, out var all);

        Assert.Equal([5, 6, 7, 8], tail);
        Assert.Equal(4, start);
        Assert.False(all);
    }

    [Fact]
    public void Usable_TooShortAfterTheGap_InterpolatesEverything()
    {
        double[] values = [1, 2, double.NaN, double.NaN, 5, 6];

        var all = GapFiller.Usable(values, 5, out var start, out var interpolated);

        Assert.Equal([1, 2, 3, 4, 5, 6], all);
        Assert.Equal(0, start);
        Assert.True(interpolated);
    }
}
