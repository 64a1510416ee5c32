namespace AzLocalMonitor.Rules.Capacity.Forecasting.Ets;

/// <summary>A fitted ETS model: parameters, final states, and the information criterion it was ranked by.</summary>
/// <param name="Spec">The model.</param>
/// <param name="Alpha">Level smoothing.</param>
/// <param name="Beta">Trend smoothing (0 without trend).</param>
/// <param name="Gamma">Seasonal smoothing (0 without season).</param>
/// <param name="Phi">Damping (1 without damping).</param>
/// <param name="Level">Level after the last observation.</param>
/// <param name="Slope">Trend after the last observation.</param>
/// <param name="Seasonal">Seasonal states by absolute time mod m.</param>
/// <param name="Length">Observations fitted.</param>
/// <param name="Sigma">Residual standard deviation (relative for multiplicative error).</param>
/// <param name="Aicc">Corrected Akaike information criterion (lower is better).</param>
public sealed record EtsFit(
    EtsSpec Spec, double Alpha, double Beta, double Gamma, double Phi, double Level, double Slope, double[] Seasonal, int Length, double Sigma, double Aicc)
{
    /// <summary>Mean and standard deviation 1..h steps ahead.</summary>
    public PointForecast Forecast(int horizon)
    {
        var m = Seasonal.Length;
        var mean = new double[horizon];
        var sd = new double[horizon];
        double phiSum = 0, phiPower = 1, cumulative = 0;
        for (var h = 1; h <= horizon; h++)
        {
            phiPower *= Phi;
            phiSum += Spec.Trend == EtsTrend.Damped ? phiPower : 1;
            var trend = Level + (Spec.Trend == EtsTrend.None ? 0 : phiSum * Slope);
            var s = m > 0 ? Seasonal[(Length + h - 1) % m] : 0;
            mean[h - 1] = Spec.Season switch
            {
                EtsSeason.Additive => trend + s,
                EtsSeason.Multiplicative => trend * s,
                _ => trend,
            };

            if (h > 1)
            {
                // c_j = α + β·(φ + … + φ^j) + γ·[j mod m = 0], j = h − 1: the linear models' variance (Hyndman et al.
                // 2008, class 1), used for the others as an approximation; the backtest calibrates the width anyway.
                var j = h - 1;
                var c = Alpha + (Spec.Trend == EtsTrend.None ? 0 : Beta * (phiSum - (Spec.Trend == EtsTrend.Damped ? phiPower : 1))) + (m > 0 && j % m == 0 ? Gamma : 0);
                cumulative += c * c;
            }

            var scale = Spec.Error == EtsError.Multiplicative ? Math.Abs(mean[h - 1]) : 1;
            sd[h - 1] = Sigma * scale * Math.Sqrt(1 + cumulative);
        }

        return new PointForecast(mean, sd);
    }
}
