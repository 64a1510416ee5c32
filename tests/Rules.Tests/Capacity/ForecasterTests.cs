using AzLocalMonitor.Rules.Capacity.Forecasting;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public class ForecasterTests
{
    private const int History = 365;
    private const int Horizon = 90;

    /// <summary>Below <see cref="WeeklyAggregate.MinHorizonDays"/>: the days themselves are modelled (not their weekly means).</summary>
    private const int DaysHorizon = 42;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ClassicPick_LinearTrendWithNoise_LinearWins(int seed)
    {
        var y = Synthetic.Series(History, i => 100 + (0.5 * i), 5, seed);

        var result = Forecaster.Forecast(y, new ForecastOptions(Horizon, Season: 7, Combine: false));

        Assert.Equal(LinearTrendModel.MethodName, result.Method);
        Assert.Null(result.Step);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ClassicPick_WeeklySeason_HoltWintersWins_AndBeatsTheLine(int seed)
    {
        var y = Synthetic.Series(History, i => 100 + (0.2 * i) + Synthetic.Weekly(i, 20), 2, seed);

        var result = Forecaster.Forecast(y, new ForecastOptions(DaysHorizon, Season: 7, Combine: false));

        Assert.Equal(HoltWintersModel.MethodName, result.Method);
        Assert.True(result.Score < result.BaselineScore / 2, $"{result.Score} vs line {result.BaselineScore}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ClassicPick_SaturatingGrowth_DampedTrendWins(int seed)
    {
        // Growth that slows down: 1000 × (1 − 0.99^i), the shape a damped trend extrapolates.
        var y = Synthetic.Series(History, i => 1000 * (1 - Math.Pow(0.99, i)), 1, seed);

        var result = Forecaster.Forecast(y, new ForecastOptions(Horizon, Season: 7, Combine: false));

        Assert.Equal(DampedTrendModel.MethodName, result.Method);
        Assert.True(result.Score < result.BaselineScore, $"{result.Score} vs line {result.BaselineScore}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Combination_WeeklySeason_NamesItsMembers_AndBeatsTheLine(int seed)
    {
        var y = Synthetic.Series(History, i => 100 + (0.2 * i) + Synthetic.Weekly(i, 20), 2, seed);

        var result = Forecaster.Forecast(y, new ForecastOptions(DaysHorizon, Season: 7));

        Assert.Equal(CombinationModel.MethodName, result.Method);
        Assert.Contains("theta", result.Members, StringComparison.Ordinal);
        Assert.Contains("ETS(", result.Members, StringComparison.Ordinal);
        Assert.True(result.Score < result.BaselineScore / 2, $"{result.Score} vs line {result.BaselineScore}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void FarAhead_DailySeason_ForecastFromWeeklyMeans_KeepsTheWeekdayPattern(int seed)
    {
        // 90 days ahead goes through weekly means (WeeklyAggregate); the weekday pattern comes back as the profile.
        // Expected from the truth, not the forecaster: within a fifth of the line's error (the line cannot follow
        // a ±20 weekly swing), and the forecast's weekday swing close to the truth's.
        Func<int, double> truth = i => 100 + (0.2 * i) + Synthetic.Weekly(i, 20);
        var y = Synthetic.Series(History, truth, 2, seed);

        var result = Forecaster.Forecast(y, new ForecastOptions(Horizon, Season: 7));

        var ours = Enumerable.Range(0, Horizon).Average(h => Math.Abs(result.P50[h] - truth(History + h)));
        var lineMean = new LinearTrendModel().Forecast(y, Horizon).Mean;
        var line = Enumerable.Range(0, Horizon).Average(h => Math.Abs(lineMean[h] - truth(History + h)));
        Assert.True(ours < line / 5, $"MAE {ours:F2} vs line {line:F2}");
        double Swing(Func<int, double> f) => Enumerable.Range(0, 7).Max(f) - Enumerable.Range(0, 7).Min(f);
        Assert.InRange(Swing(d => result.P50[d] - (0.2 * d)), 0.8 * Swing(d => truth(History + d) - (0.2 * d)), 1.2 * Swing(d => truth(History + d) - (0.2 * d)));
    }

    [Fact]
    public void LinePlusNoise_CombinationDoesNotChaseTheNoise()
    {
        // Steady growth plus noise, the commonest capacity shape: local models (ETS, Theta) follow the last points and
        // were 6× the line's error here; the line guard keeps the forecast within 2× of the line's error.
        double ours = 0, line = 0;
        for (var seed = 1; seed <= 10; seed++)
        {
            var y = Synthetic.Series(History, i => 100 + (0.5 * i), 5, seed);
            var truth = Enumerable.Range(History, Horizon).Select(i => 100 + (0.5 * i)).ToArray();
            var p50 = Forecaster.Forecast(y, new ForecastOptions(Horizon, Season: 7)).P50;
            var lineMean = new LinearTrendModel().Forecast(y, Horizon).Mean;
            ours += truth.Select((t, h) => Math.Abs(p50[h] - t)).Average();
            line += truth.Select((t, h) => Math.Abs(lineMean[h] - t)).Average();
        }

        Assert.True(ours < 2 * line, $"ours {ours / 10:F2} vs line {line / 10:F2}");
    }

    [Fact]
    public void Step_IsDetected_AndTheForecastStartsFromTheNewLevel()
    {
        // A new workload at day 250 adds 400 units on top of a gentle trend.
        var y = Synthetic.Series(History, i => 100 + (0.1 * i) + (i >= 250 ? 400 : 0), 5, 7);

        var result = Forecaster.Forecast(y, new ForecastOptions(Horizon, Season: 7));

        Assert.NotNull(result.Step);
        Assert.InRange(result.Step!.Index, 248, 252);
        Assert.InRange(result.Step.Jump, 350, 450);
        Assert.Equal(result.Step.Index, result.FitStart);
        var truth = 100 + (0.1 * (History + Horizon - 1)) + 400;
        Assert.InRange(result.P50[^1], truth - 30, truth + 30);
    }

    [Fact]
    public void LeastSquaresLineAcrossTheStep_IsDominatedByTheOldTrend()
    {
        // What the step detection avoids: a line fitted across the step overshoots the new regime's slope.
        var y = Synthetic.Series(History, i => 100 + (0.1 * i) + (i >= 250 ? 400 : 0), 5, 7);

        var line = new LinearTrendModel().Forecast(y, Horizon);

        var truth = 100 + (0.1 * (History + Horizon - 1)) + 400;
        Assert.True(Math.Abs(line.Mean[^1] - truth) > 100, $"line {line.Mean[^1]} truth {truth}");
    }

    [Fact]
    public void RecentStep_ShortNewRegime_ShiftsTheOldLevel()
    {
        var y = Synthetic.Series(History, i => 100 + (0.5 * i) + (i >= 350 ? 300 : 0), 3, 11);

        var result = Forecaster.Forecast(y, new ForecastOptions(Horizon, Season: 7));

        Assert.NotNull(result.Step);
        Assert.InRange(result.Step!.Index, 348, 352);
        Assert.Equal(0, result.FitStart);
        var truth = 100 + (0.5 * (History + Horizon - 1)) + 300;
        Assert.InRange(result.P50[^1], truth - 40, truth + 40);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(20.0)]
    public void NoStep_NoneDetected(double seasonAmplitude)
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var y = Synthetic.Series(History, i => 100 + (0.3 * i) + Synthetic.Weekly(i, seasonAmplitude), 5, seed);

            Assert.Null(StepDetector.Detect(y, 7));
        }
    }

    [Fact]
    public void P10ToP90_HoldsMostOutcomes()
    {
        // Over many seeded known-truth series, the share of future points inside P10–P90 should be near 80%.
        var inside = 0;
        var total = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            var all = Synthetic.Series(History + Horizon, i => 50 + (0.2 * i) + Synthetic.Weekly(i, seed % 2 == 0 ? 10 : 0), 4, seed);
            var result = Forecaster.Forecast(all.AsSpan(0, History), new ForecastOptions(Horizon, Season: 7));
            for (var h = 0; h < Horizon; h++)
            {
                total++;
                var actual = all[History + h];
                if (actual >= result.P10[h] && actual <= result.P90[h])
                {
                    inside++;
                }
            }
        }

        var coverage = (double)inside / total;
        Assert.InRange(coverage, 0.7, 0.95);
    }

    [Fact]
    public void Quantiles_AreOrdered_AndWidenWithTheHorizon()
    {
        var y = Synthetic.Series(History, i => 100 + (0.5 * i), 5, 5);

        var result = Forecaster.Forecast(y, new ForecastOptions(Horizon));

        for (var h = 0; h < Horizon; h++)
        {
            Assert.True(result.P10[h] <= result.P50[h] && result.P50[h] <= result.P90[h]);
        }

        Assert.True(result.P90[^1] - result.P10[^1] > result.P90[0] - result.P10[0]);
    }

    [Fact]
    public void TooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => Forecaster.Forecast([1.0, 2.0], new ForecastOptions(10)));
    }

    [Theory]
    [InlineData(3600, 24)]
    [InlineData(300, 0)]
    [InlineData(86400, 7)]
    [InlineData(1800, 48)]
    [InlineData(7 * 86400, 52)]
    [InlineData(7000, 0)]
    public void Seasonality_ByCadence(int seconds, int season) => Assert.Equal(season, Seasonality.For(TimeSpan.FromSeconds(seconds)));
}
