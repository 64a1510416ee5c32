using AzLocalMonitor.Rules.Capacity.Forecasting.Ets;

namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// The median, step by step, of four forecasts from different families: the two best ETS models by AICc (the full
/// family, as R's ets() searches it), Theta, and the classic pick (line, damped trend or Holt-Winters chosen by
/// rolling-origin backtest). Combinations beat single picks in the M3 and M4 competitions because the members'
/// errors differ; the median keeps one wild member from dragging the forecast. Standard deviation: the members'
/// median.
/// </summary>
/// <remarks>
/// <see cref="Choose"/> searches the family on the whole series and returns the chosen configuration; its
/// <see cref="Forecast"/> refits those members only, which is what the rolling-origin backtest of the chosen
/// configuration does at each origin (the search costs ~15 likelihood fits, a refit 2, started from the chosen
/// fits' parameters). Immutable once built.
/// </remarks>
public sealed class CombinationModel : IForecastModel
{
    public const string MethodName = "combination";

    private readonly int _season;
    private readonly IReadOnlyList<EtsFit> _ets;
    private readonly IForecastModel _classic;
    private readonly double _classicScale;

    private CombinationModel(int season, IReadOnlyList<EtsFit> ets, IForecastModel classic, double classicScale)
    {
        _season = season;
        _ets = ets;
        _classic = classic;
        _classicScale = classicScale;
    }

    /// <summary>Fewest points the combination needs.</summary>
    public const int MinimumPoints = 10;

    public string Name => MethodName;

    public int MinPoints => MinimumPoints;

    /// <summary>The members, e.g. "ETS(M,A,M), ETS(M,Ad,M), theta, holt_winters".</summary>
    public string Members => string.Join(", ", _ets.Select(f => f.Spec.ToString()).Append(ThetaModel.MethodName).Append(_classic.Name));

    /// <summary>
    /// Searches the ETS family on <paramref name="y"/> (the two best by AICc) and forecasts with them, Theta and
    /// <paramref name="classic"/> (the classic pick on the same series).
    /// </summary>
    public static (CombinationModel Model, PointForecast Forecast) Choose(ReadOnlySpan<double> y, int season, Forecaster.ClassicPick classic, int horizon)
    {
        ArgumentNullException.ThrowIfNull(classic);
        var fits = AutoEts.Rank(y, season).Take(2).ToList();
        var model = new CombinationModel(season, fits, classic.Model, classic.IntervalScale);
        return (model, model.Combine(fits.Select(f => f.Forecast(horizon)), y, horizon));
    }

    /// <summary>Refits the chosen members on <paramref name="y"/> and forecasts.</summary>
    public PointForecast Forecast(ReadOnlySpan<double> y, int horizon)
    {
        var members = new List<PointForecast>(2);
        foreach (var chosen in _ets)
        {
            if (EtsEstimator.Fit(y, chosen.Spec, _season, near: chosen) is { } fit && double.IsFinite(fit.Aicc))
            {
                members.Add(fit.Forecast(horizon));
            }
        }

        return Combine(members, y, horizon);
    }

    private PointForecast Combine(IEnumerable<PointForecast> ets, ReadOnlySpan<double> y, int horizon)
    {
        var members = new List<PointForecast>(ets)
        {
            new ThetaModel(_season).Forecast(y, horizon),
        };
        var (model, scale) = y.Length >= _classic.MinPoints ? (_classic, _classicScale) : Pick(y, horizon);
        var classic = model.Forecast(y, horizon);
        members.Add(new PointForecast(classic.Mean, [.. classic.StdDev.Select(s => s * scale)]));

        var mean = new double[horizon];
        var sd = new double[horizon];
        var buffer = new double[members.Count];
        for (var h = 0; h < horizon; h++)
        {
            mean[h] = Median(members, m => m.Mean[h], buffer);
            sd[h] = Median(members, m => m.StdDev[h], buffer);
        }

        return new PointForecast(mean, sd);
    }

    /// <summary>A history too short for the chosen classic model (an early backtest origin): the classic pick on it.</summary>
    private (IForecastModel Model, double Scale) Pick(ReadOnlySpan<double> y, int horizon)
    {
        var pick = Forecaster.Select(y.ToArray(), new ForecastOptions(horizon, _season));
        return (pick.Model, pick.IntervalScale);
    }

    private static double Median(List<PointForecast> members, Func<PointForecast, double> pick, double[] buffer)
    {
        var count = 0;
        foreach (var member in members)
        {
            var v = pick(member);
            if (double.IsFinite(v))
            {
                buffer[count++] = v;
            }
        }

        if (count == 0)
        {
            return double.NaN;
        }

        Array.Sort(buffer, 0, count);
        return count % 2 == 1 ? buffer[count / 2] : 0.5 * (buffer[(count / 2) - 1] + buffer[count / 2]);
    }
}
