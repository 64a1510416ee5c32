namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// Forecasts one regular series: detects the latest step, then forecasts the latest regime with the median of
/// four forecasts (<see cref="CombinationModel"/>: the two best ETS models by AICc, Theta, and the classic pick by
/// backtest), backtests that combination from rolling origins on the series' own history, and widens its
/// intervals so the backtest's P10–P90 covered 80% of what happened. When the classic pick is the least-squares
/// line and its backtest error is clearly lower (below <see cref="LineMargin"/> × the combination's), the line is
/// kept: steady growth plus noise is the commonest capacity shape. Series too short for the combination, or
/// <see cref="ForecastOptions.Combine"/> false, get the classic pick alone (<see cref="Select"/>).
/// </summary>
public static class Forecaster
{
    /// <summary>z of the 90th percentile of the normal distribution.</summary>
    public const double Z90 = 1.2815515655446004;

    /// <summary>A challenger must beat the incumbent's error by this factor to be chosen (prefers the simpler model).</summary>
    public const double ChallengerMargin = 0.97;

    /// <summary>The line replaces the combination when its backtest error is below this share of the combination's (clearly better, not by chance).</summary>
    public const double LineMargin = 0.8;

    /// <summary>Forecasts <paramref name="y"/> (oldest first) <see cref="ForecastOptions.Horizon"/> steps ahead.</summary>
    public static ForecastResult Forecast(ReadOnlySpan<double> y, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Horizon, 1);
        if (y.Length < 3)
        {
            throw new ArgumentException($"At least 3 points are needed to forecast (got {y.Length}).", nameof(y));
        }

        var step = options.DetectSteps ? StepDetector.Detect(y, options.Season) : null;
        var series = Regime(y, step, options.Season, out var fitStart);
        if (WeeklyAggregate.Applies(series.Length, options))
        {
            var weeks = WeeklyAggregate.Of(series);
            var weekly = Combined(weeks.Means, options with { Horizon = WeeklyAggregate.Weeks(options.Horizon), Season = 0, DetectSteps = false }, null, 0);
            return weeks.ToDaily(weekly, options.Horizon) with { Step = step, FitStart = fitStart };
        }

        return Combined(series, options, step, fitStart);
    }

    /// <summary>The classic pick, the combination and the choice between them, on a regime's points.</summary>
    private static ForecastResult Combined(double[] series, ForecastOptions options, StepChange? step, int fitStart)
    {
        var classic = Select(series, options);
        var baseline = classic.Scores.TryGetValue(LinearTrendModel.MethodName, out var b) ? b : double.NaN;
        var scores = new Dictionary<string, double>(classic.Scores, StringComparer.Ordinal);
        if (!options.Combine || series.Length < CombinationModel.MinimumPoints)
        {
            return Result(classic.Model.Name, classic.Score, baseline, scores, step, fitStart, classic.IntervalScale, classic.Model.Forecast(series, options.Horizon), options.Horizon);
        }

        // The configuration (which ETS models, which classic pick) is chosen on the whole series, then backtested
        // from rolling origins by refitting those members at each origin.
        var (combination, forecast) = CombinationModel.Choose(series, options.Season, classic, options.Horizon);
        var backtest = Backtest(series, [combination], options);
        var score = backtest.TryGetValue(combination.Name, out var c) ? c : new BacktestScore(double.NaN, 1);
        scores[combination.Name] = score.Mae;
        if (classic.Model is LinearTrendModel && classic.Score < LineMargin * score.Mae)
        {
            // The series' own history says it is a line plus noise (steady growth, or a step already cut away):
            // the global line beats local models that chase the noise, so keep it.
            return Result(classic.Model.Name, classic.Score, baseline, scores, step, fitStart, classic.IntervalScale, classic.Model.Forecast(series, options.Horizon), options.Horizon);
        }

        return Result(combination.Name, score.Mae, baseline, scores, step, fitStart, score.IntervalScale, forecast, options.Horizon) with { Members = combination.Members };
    }

    /// <summary>
    /// The classic pick: backtests every applicable model (line, damped trend, Holt-Winters) from rolling origins and
    /// keeps the lowest mean absolute error (ties to the simpler, listed first), with the factor that makes its
    /// backtest P10–P90 cover 80%.
    /// </summary>
    public static ClassicPick Select(double[] series, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var models = Models(options.Season, series.Length);
        var backtest = Backtest(series, models, options);
        var chosen = models[0];
        var chosenScore = backtest.TryGetValue(chosen.Name, out var s0) ? s0.Mae : double.NaN;
        foreach (var model in models.Skip(1))
        {
            if (backtest.TryGetValue(model.Name, out var score) && (double.IsNaN(chosenScore) || score.Mae < chosenScore * ChallengerMargin))
            {
                chosen = model;
                chosenScore = score.Mae;
            }
        }

        var scale = backtest.TryGetValue(chosen.Name, out var chosenBacktest) ? chosenBacktest.IntervalScale : 1.0;
        return new ClassicPick(chosen, chosenScore, scale, backtest.ToDictionary(kv => kv.Key, kv => kv.Value.Mae, StringComparer.Ordinal));
    }

    private static ForecastResult Result(string method, double score, double baseline, Dictionary<string, double> scores, StepChange? step, int fitStart,
        double scale, PointForecast forecast, int horizon)
    {
        var p10 = new double[horizon];
        var p50 = new double[horizon];
        var p90 = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var half = Z90 * forecast.StdDev[h] * scale;
            p50[h] = forecast.Mean[h];
            p10[h] = forecast.Mean[h] - half;
            p90[h] = forecast.Mean[h] + half;
        }

        return new ForecastResult(method, score, baseline, scores, step, fitStart, scale, p10, p50, p90);
    }

    /// <summary>The models that apply: linear (baseline), damped trend, and Holt-Winters when a season is given and fits.</summary>
    public static IReadOnlyList<IForecastModel> Models(int season, int length)
    {
        var models = new List<IForecastModel> { new LinearTrendModel() };
        var damped = new DampedTrendModel();
        if (length >= damped.MinPoints)
        {
            models.Add(damped);
        }

        if (season >= 2)
        {
            var hw = new HoltWintersModel(season);
            if (length >= hw.MinPoints)
            {
                models.Add(hw);
            }
        }

        return models;
    }

    /// <summary>
    /// The part of the series the models learn from. After a step, the new regime alone when it is long enough;
    /// otherwise the whole series with the old regime shifted by the jump (its slope still informs, its level does not).
    /// </summary>
    private static double[] Regime(ReadOnlySpan<double> y, StepChange? step, int season, out int fitStart)
    {
        fitStart = 0;
        if (step is null)
        {
            return y.ToArray();
        }

        var enough = Math.Max(24, (2 * season) + 4);
        if (y.Length - step.Index >= enough)
        {
            fitStart = step.Index;
            return y[step.Index..].ToArray();
        }

        var shifted = y.ToArray();
        for (var i = 0; i < step.Index; i++)
        {
            shifted[i] += step.Jump;
        }

        return shifted;
    }

    private static Dictionary<string, BacktestScore> Backtest(double[] y, IReadOnlyList<IForecastModel> models, ForecastOptions options)
    {
        var n = y.Length;
        var result = new Dictionary<string, BacktestScore>(StringComparer.Ordinal);
        var horizon = Math.Min(options.Horizon, Math.Max(1, n / 4));
        var stride = Math.Max(1, horizon / 2);
        foreach (var model in models)
        {
            var errors = new List<double>();
            var standardised = new List<double>();
            for (var k = 0; k < options.BacktestOrigins; k++)
            {
                var origin = n - horizon - (k * stride);
                if (origin < model.MinPoints)
                {
                    break;
                }

                var forecast = model.Forecast(y.AsSpan(0, origin), horizon);
                for (var h = 0; h < horizon; h++)
                {
                    var error = y[origin + h] - forecast.Mean[h];
                    errors.Add(Math.Abs(error));
                    standardised.Add(forecast.StdDev[h] > 0 ? Math.Abs(error) / forecast.StdDev[h] : 0);
                }
            }

            if (errors.Count > 0)
            {
                result[model.Name] = new BacktestScore(errors.Average(), IntervalScale(standardised));
            }
        }

        return result;
    }

    /// <summary>The factor that makes ±Z90·σ cover 80% of the backtest's standardised errors, within [0.5, 50].</summary>
    private static double IntervalScale(List<double> standardised)
    {
        if (standardised.Count < 5)
        {
            return 1;
        }

        standardised.Sort();
        var q80 = standardised[(int)Math.Min(standardised.Count - 1, Math.Ceiling(0.8 * standardised.Count) - 1)];
        return Math.Clamp(q80 / Z90, 0.5, 50);
    }

    private readonly record struct BacktestScore(double Mae, double IntervalScale);

    /// <summary>The classic pick: the model, its backtest error, interval scale, and every model's backtest error.</summary>
    public sealed record ClassicPick(IForecastModel Model, double Score, double IntervalScale, IReadOnlyDictionary<string, double> Scores);
}
