using AzLocalMonitor.Rules.Capacity;
using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Rules.Tests.History;

/// <summary>Daily rollups with gaps, as when the agent or Rules was down: expected grids worked out by hand.</summary>
public class RegularSeriesTests
{
    private const long Day = 86_400_000;

    [Fact]
    public void ShortGapInterpolated_LongGapMissing_ForecastLearnsFromTheLastStretch()
    {
        // Days 0..9 hold 10 × day (day 4 missing: short); days 10..29 missing (long); days 30..49 hold 300 + day.
        var days = Enumerable.Range(0, 10).Where(d => d != 4).Select(d => (d, 10.0 * d)).Concat(Enumerable.Range(30, 20).Select(d => (d, 300.0 + d)));
        var rollups = days.Select(x => new Rollup("c", "s", Resolution.Day, x.d * Day, 1, x.Item2, x.Item2, x.Item2, x.Item2)).ToList();

        var series = RegularSeries.From(rollups, RollupStatistic.Max)!;
        var usable = series.Usable(12, out var start, out var note);

        Assert.Equal(50, series.Values.Length);
        Assert.Equal(40, series.Values[4], 9);
        Assert.True(double.IsNaN(series.Values[10]));
        Assert.True(double.IsNaN(series.Values[29]));
        Assert.Equal(30, start);
        Assert.Equal(Enumerable.Range(30, 20).Select(d => 300.0 + d), usable);
        Assert.Equal("learns from 20 points since 1970-01-31 00:00Z, after a long gap in the history", note);
    }
}
