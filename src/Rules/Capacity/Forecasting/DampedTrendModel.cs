namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// Holt's linear method with a damped trend, ETS(A,Ad,N): level and trend smoothed, the trend fading by φ per
/// step. Parameters by grid search on one-step squared error (deterministic). Variance after Hyndman et al.:
/// σ²(1 + Σ_{j&lt;h} (α + β(φ + … + φ^j))²).
/// </summary>
public sealed class DampedTrendModel : IForecastModel
{
    public const string MethodName = "damped_trend";

    private static readonly double[] Alphas = [0.05, 0.1, 0.2, 0.4, 0.7];
    private static readonly double[] BetaShares = [0.02, 0.1, 0.3];
    private static readonly double[] Phis = [0.85, 0.92, 0.98];

    public string Name => MethodName;

    public int MinPoints => 6;

    public PointForecast Forecast(ReadOnlySpan<double> y, int horizon)
    {
        var best = (Sse: double.PositiveInfinity, Alpha: 0.0, Beta: 0.0, Phi: 0.0);
        foreach (var alpha in Alphas)
        {
            foreach (var share in BetaShares)
            {
                foreach (var phi in Phis)
                {
                    var sse = Run(y, alpha, alpha * share, phi, out _, out _);
                    if (sse < best.Sse)
                    {
                        best = (sse, alpha, alpha * share, phi);
                    }
                }
            }
        }

        var finalSse = Run(y, best.Alpha, best.Beta, best.Phi, out var level, out var trend);
        var sigma2 = finalSse / Math.Max(1, y.Length - 3);
        var mean = new double[horizon];
        var sd = new double[horizon];
        double phiSum = 0, phiPower = 1, variance = 0;
        for (var h = 1; h <= horizon; h++)
        {
            phiPower *= best.Phi;
            phiSum += phiPower;
            mean[h - 1] = level + (phiSum * trend);
            if (h > 1)
            {
                var previous = phiSum - phiPower; // φ + … + φ^(h−1)
                var c = best.Alpha + (best.Beta * previous);
                variance += c * c;
            }

            sd[h - 1] = Math.Sqrt(sigma2 * (1 + variance));
        }

        return new PointForecast(mean, sd);
    }

    private static double Run(ReadOnlySpan<double> y, double alpha, double beta, double phi, out double level, out double trend)
    {
        var k = Math.Min(5, y.Length - 1);
        level = y[0];
        trend = (y[k] - y[0]) / k;
        var sse = 0.0;
        for (var t = 1; t < y.Length; t++)
        {
            var forecast = level + (phi * trend);
            var e = y[t] - forecast;
            sse += e * e;
            level = forecast + (alpha * e);
            trend = (phi * trend) + (beta * e);
        }

        return sse;
    }
}
