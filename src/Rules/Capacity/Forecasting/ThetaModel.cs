using AzLocalMonitor.Rules.Capacity.Forecasting.Ets;

namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// The Theta method (Assimakopoulos and Nikolopoulos 2000, M3's winner), in Hyndman and Billah's (2003) form:
/// simple exponential smoothing of the seasonally adjusted series plus a drift of half its least-squares slope,
/// reseasonalised with classical multiplicative indices when the season is significant.
/// </summary>
public sealed class ThetaModel : IForecastModel
{
    public const string MethodName = "theta";

    private readonly int _season;

    public ThetaModel(int season) => _season = season;

    public string Name => MethodName;

    public int MinPoints => 6;

    public PointForecast Forecast(ReadOnlySpan<double> y, int horizon)
    {
        var n = y.Length;
        var indices = ClassicalDecomposition.SeasonalIndices(y, _season);
        var adjusted = indices is null ? y.ToArray() : [.. y.ToArray().Select((v, t) => v / indices[t % _season])];
        var ses = EtsEstimator.Fit(adjusted, new EtsSpec(EtsError.Additive, EtsTrend.None, EtsSeason.None), 0)!;
        var (_, slope) = LinearTrendModel.Fit(adjusted);
        var alpha = ses.Alpha;
        var mean = new double[horizon];
        var sd = new double[horizon];
        var ses0 = ses.Forecast(horizon);
        for (var h = 1; h <= horizon; h++)
        {
            var drift = 0.5 * slope * ((h - 1) + (1 / alpha) - (Math.Pow(1 - alpha, n) / alpha));
            var s = indices is null ? 1 : indices[(n + h - 1) % _season];
            mean[h - 1] = (ses0.Mean[h - 1] + drift) * s;
            sd[h - 1] = ses0.StdDev[h - 1] * s;
        }

        return new PointForecast(mean, sd);
    }
}
