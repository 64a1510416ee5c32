using AzLocalMonitor.Rules.Capacity.Forecasting.Ets;

namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// The median, step by step, of four forecasts from different families: the two best ETS models by AICc (the full
/// family, as R's ets() searches it), Theta, and the classic pick (line, damped trend or Holt-Winters chosen by
/// rolling-origin backtest). Combinations beat single picks in the M3 and M4 competitions because the members'
/// errors differ; the median keeps one wild member from dragging the forecast. Standard deviation: the members'
/// median.
/// </summary>
public sealed class CombinationModel : IForecastModel
{
    public const string MethodName = "combination";

    private readonly ForecastOptions _options;

    public CombinationModel(ForecastOptions options) => _options = options;

    public string Name => MethodName;

    public int MinPoints => 10;

    /// <summary>Members of the last forecast, e.g. "ETS(M,A,M), ETS(M,Ad,M), theta, holt_winters".</summary>
    public string Members { get; private set; } = string.Empty;

    public PointForecast Forecast(ReadOnlySpan<double> y, int horizon)
    {
        var members = new List<(string Name, PointForecast Forecast)>();
        foreach (var fit in AutoEts.Rank(y, _options.Season).Take(2))
        {
            members.Add((fit.Spec.ToString(), fit.Forecast(horizon)));
        }

        members.Add((ThetaModel.MethodName, new ThetaModel(_options.Season).Forecast(y, horizon)));
        var classic = Forecaster.Select(y.ToArray(), _options with { Horizon = horizon });
        var forecast = classic.Model.Forecast(y, horizon);
        members.Add((classic.Model.Name, new PointForecast(forecast.Mean, [.. forecast.StdDev.Select(s => s * classic.IntervalScale)])));
        Members = string.Join(", ", members.Select(m => m.Name));

        var mean = new double[horizon];
        var sd = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            mean[h] = Median(members.Select(m => m.Forecast.Mean[h]));
            sd[h] = Median(members.Select(m => m.Forecast.StdDev[h]));
        }

        return new PointForecast(mean, sd);
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[(v.Length / 2) - 1] + v[v.Length / 2]);
    }
}
