namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// Additive Holt-Winters with an optionally damped trend, ETS(A,Ad,A), for a known season length (a day of
/// hourly points, a week of daily points). Parameters by grid search on one-step squared error. Variance:
/// σ²(1 + Σ_{j&lt;h} (α + β(φ + … + φ^j) + γ·[j mod m = 0])²).
/// </summary>
public sealed class HoltWintersModel : IForecastModel
{
    public const string MethodName = "holt_winters";

    private static readonly double[] Alphas = [0.05, 0.2, 0.5];
    private static readonly double[] BetaShares = [0.02, 0.1];
    private static readonly double[] Gammas = [0.05, 0.2, 0.5];
    private static readonly double[] Phis = [0.9, 0.98, 1.0];

    private readonly int _season;

    public HoltWintersModel(int season)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(season, 2);
        _season = season;
    }

    public string Name => MethodName;

    /// <summary>Two full seasons to initialise plus some to smooth.</summary>
    public int MinPoints => (2 * _season) + 4;

    public PointForecast Forecast(ReadOnlySpan<double> y, int horizon)
    {
        var m = _season;
        var seasonal = new double[m];
        var best = (Sse: double.PositiveInfinity, Alpha: 0.0, Beta: 0.0, Gamma: 0.0, Phi: 0.0);
        foreach (var alpha in Alphas)
        {
            foreach (var share in BetaShares)
            {
                foreach (var gamma in Gammas)
                {
                    foreach (var phi in Phis)
                    {
                        var sse = Run(y, m, alpha, alpha * share, gamma * (1 - alpha), phi, seasonal, out _, out _);
                        if (sse < best.Sse)
                        {
                            best = (sse, alpha, alpha * share, gamma * (1 - alpha), phi);
                        }
                    }
                }
            }
        }

        var finalSse = Run(y, m, best.Alpha, best.Beta, best.Gamma, best.Phi, seasonal, out var level, out var trend);
        var sigma2 = finalSse / Math.Max(1, y.Length - m - 4);
        var mean = new double[horizon];
        var sd = new double[horizon];
        double phiSum = 0, phiPower = 1, variance = 0;
        var n = y.Length;
        for (var h = 1; h <= horizon; h++)
        {
            phiPower *= best.Phi;
            phiSum += phiPower;
            mean[h - 1] = level + (phiSum * trend) + seasonal[(n + h - 1) % m];
            if (h > 1)
            {
                var j = h - 1;
                var c = best.Alpha + (best.Beta * (phiSum - phiPower)) + (j % m == 0 ? best.Gamma : 0);
                variance += c * c;
            }

            sd[h - 1] = Math.Sqrt(sigma2 * (1 + variance));
        }

        return new PointForecast(mean, sd);
    }

    /// <summary>Runs the filter; <paramref name="seasonal"/> ends indexed by absolute position mod m.</summary>
    private static double Run(ReadOnlySpan<double> y, int m, double alpha, double beta, double gamma, double phi, double[] seasonal,
        out double level, out double trend)
    {
        double first = 0, second = 0;
        for (var i = 0; i < m; i++)
        {
            first += y[i];
            second += y[m + i];
        }

        first /= m;
        second /= m;
        trend = (second - first) / m;
        for (var i = 0; i < m; i++)
        {
            seasonal[i] = y[i] - (first + ((i - ((m - 1) / 2.0)) * trend));
        }

        level = first + (((m - 1) / 2.0) * trend);
        var sse = 0.0;
        for (var t = m; t < y.Length; t++)
        {
            var s = seasonal[t % m];
            var baseline = level + (phi * trend);
            var e = y[t] - (baseline + s);
            sse += e * e;
            level = baseline + (alpha * e);
            trend = (phi * trend) + (beta * e);
            seasonal[t % m] = s + (gamma * e);
        }

        return sse;
    }
}
