using AzLocalMonitor.Rules.Capacity.Forecasting;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public class WeeklyAggregateTests
{
    [Fact]
    public void Of_WeeksCountBackFromTheLastDay_OldestPartialWeekLeftOut()
    {
        // 17 days 0..16: weeks are days 3..9 and 10..16 (mean of i = 6 and 13); days 0..2 do not fill a week.
        var weeks = WeeklyAggregate.Of([.. Enumerable.Range(0, 17).Select(i => (double)i)]);

        Assert.Equal([6.0, 13.0], weeks.Means);
    }

    [Fact]
    public void ToDaily_StraightWeeklyPath_IsTheSameLineInDays()
    {
        // Days y = 2i (no weekday pattern: a line's day-to-day changes are constant). A weekly forecast that goes on
        // as the line does (week k's mean is the value at its centre day) must give back 2t on each day t after the
        // history, with the weekly band's half-width passed through (no spread within weeks).
        const int n = 140;
        var weeks = WeeklyAggregate.Of([.. Enumerable.Range(0, n).Select(i => 2.0 * i)]);
        var path = Enumerable.Range(0, WeeklyAggregate.Weeks(30)).Select(k => 2.0 * (n + 3 + (7 * k))).ToArray();
        var weekly = new ForecastResult("linear", 0, 0, new Dictionary<string, double>(), null, 0, 1, [.. path.Select(v => v - 5)], path, [.. path.Select(v => v + 5)]);

        var daily = weeks.ToDaily(weekly, 30);

        for (var h = 0; h < 30; h++)
        {
            Assert.Equal(2.0 * (n + h), daily.P50[h], 6);
            Assert.Equal(5, daily.P90[h] - daily.P50[h], 6);
        }
    }

    [Fact]
    public void ToDaily_WeekdayPattern_ComesBackAroundTheWeeklyMeans()
    {
        // A flat 50 with +7 on one weekday and −7 the day after: every week's mean is 50, the profile +7/−7.
        var pattern = new[] { 0.0, 0, 0, 7, -7, 0, 0 };
        const int n = 140;
        var weeks = WeeklyAggregate.Of([.. Enumerable.Range(0, n).Select(i => 50 + pattern[i % 7])]);
        var flat = Enumerable.Repeat(50.0, WeeklyAggregate.Weeks(14)).ToArray();

        var daily = weeks.ToDaily(new ForecastResult("linear", 0, 0, new Dictionary<string, double>(), null, 0, 1, flat, flat, flat), 14);

        for (var h = 0; h < 14; h++)
        {
            Assert.Equal(50 + pattern[(n + h) % 7], daily.P50[h], 6);
        }
    }

    [Theory]
    [InlineData(548, 548, 7, true)]
    [InlineData(548, 55, 7, false)]   // a short horizon is about the days
    [InlineData(100, 548, 7, false)]  // 14 weeks: too few to carry the combination
    [InlineData(548, 548, 12, false)] // monthly points
    public void Applies_DailyPointsFarAhead(int length, int horizon, int season, bool expected) =>
        Assert.Equal(expected, WeeklyAggregate.Applies(length, new ForecastOptions(horizon, season)));
}
