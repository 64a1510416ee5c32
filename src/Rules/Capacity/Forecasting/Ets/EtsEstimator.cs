namespace AzLocalMonitor.Rules.Capacity.Forecasting.Ets;

/// <summary>
/// Fits one ETS model by maximum likelihood (Nelder–Mead over the smoothing parameters and damping), from initial
/// states found the way Hyndman et al. (2008, §2.6.1) describe: seasonal indices from a classical decomposition of
/// the first years, level and slope from a line through the first seasonally adjusted points. The state updates
/// are the error-correction forms, identical for additive and multiplicative errors; the likelihood differs:
/// n·log Σe² (additive) and n·log Σ(e/μ)² + 2·Σ log|μ| (multiplicative).
/// </summary>
public static class EtsEstimator
{
    private const double MinSmoothing = 1e-4;
    private const double MinPhi = 0.8;
    private const double MaxPhi = 0.98;

    /// <summary>The fitted model, or null when it does not apply (too short, or multiplicative on non-positive data).</summary>
    /// <param name="near">A fit of the same model on (most of) the same data: the search starts from its parameters
    /// with a smaller simplex, as a backtest refits the chosen models on each shorter history.</param>
    public static EtsFit? Fit(ReadOnlySpan<double> y, EtsSpec spec, int season, EtsFit? near = null)
    {
        var m = spec.Season == EtsSeason.None ? 0 : season;
        var n = y.Length;
        if ((spec.Season != EtsSeason.None && (season < 2 || n < (2 * season) + 2)) || n < 4)
        {
            return null;
        }

        var positive = true;
        foreach (var v in y)
        {
            positive &= v > 0;
        }

        if (!positive && (spec.Error == EtsError.Multiplicative || spec.Season == EtsSeason.Multiplicative))
        {
            return null;
        }

        var data = y.ToArray();
        var (level0, slope0, seasonal0) = InitialStates(data, spec, m);
        var hasTrend = spec.Trend != EtsTrend.None;
        var hasSeason = m > 0;
        var damped = spec.Trend == EtsTrend.Damped;
        var seasonal = new double[Math.Max(m, 1)];

        double Objective(double[] p)
        {
            var (alpha, beta, gamma, phi) = Unpack(p, hasTrend, hasSeason, damped);
            if (!Admissible(alpha, beta, gamma, phi))
            {
                return double.PositiveInfinity;
            }

            return Filter(data, spec, m, alpha, beta, gamma, phi, level0, slope0, seasonal0, seasonal, out _, out _, out _);
        }

        var start = new List<double> { 0.3 };
        if (hasTrend)
        {
            start.Add(0.05);
        }

        if (hasSeason)
        {
            start.Add(0.1);
        }

        if (damped)
        {
            start.Add(0.95);
        }

        var warm = near is not null && near.Spec == spec && Admissible(near.Alpha, near.Beta, near.Gamma, near.Phi);
        if (warm)
        {
            start.Clear();
            start.Add(near!.Alpha);
            if (hasTrend)
            {
                start.Add(near.Beta);
            }

            if (hasSeason)
            {
                start.Add(near.Gamma);
            }

            if (damped)
            {
                start.Add(near.Phi);
            }
        }

        var best = NelderMead.Minimize(Objective, [.. start], step: warm ? 0.03 : 0.1, maxEvaluations: (warm ? 30 : 60) * start.Count);
        var (a, b, g, f) = Unpack(best, hasTrend, hasSeason, damped);
        if (!Admissible(a, b, g, f))
        {
            (a, b, g, f) = Unpack([.. start], hasTrend, hasSeason, damped);
        }

        var lik = Filter(data, spec, m, a, b, g, f, level0, slope0, seasonal0, seasonal, out var level, out var slope, out var sse);
        if (!double.IsFinite(lik))
        {
            return null;
        }

        // Parameters: smoothing, damping, initial level and slope, and the variance. R's ets() also counts m − 1
        // initial seasonal states because it estimates them by likelihood; ours come from the decomposition of the
        // first years, and counting them made AICc reject every seasonal model on short series (2.5 years of the
        // deaths series), where the season is plain to see.
        var k = 1 + (hasTrend ? 1 : 0) + (hasSeason ? 1 : 0) + (damped ? 1 : 0) + 1 + (hasTrend ? 1 : 0) + 1;
        var aic = lik + (n * (Math.Log(2 * Math.PI / n) + 1)) + (2 * k);
        var aicc = n - k - 1 > 0 ? aic + (2.0 * k * (k + 1) / (n - k - 1)) : double.PositiveInfinity;
        var sigma = Math.Sqrt(sse / Math.Max(1, n - k + 1));
        return new EtsFit(spec, a, b, g, f, level, slope, hasSeason ? seasonal : [], n, sigma, aicc);
    }

    private static (double Alpha, double Beta, double Gamma, double Phi) Unpack(double[] p, bool trend, bool season, bool damped)
    {
        var i = 0;
        var alpha = p[i++];
        var beta = trend ? p[i++] : 0;
        var gamma = season ? p[i++] : 0;
        var phi = damped ? p[i] : 1;
        return (alpha, beta, gamma, phi);
    }

    private static bool Admissible(double alpha, double beta, double gamma, double phi) =>
        alpha is >= MinSmoothing and <= 1 - MinSmoothing
        && (beta == 0 || (beta >= MinSmoothing && beta <= alpha))
        && (gamma == 0 || (gamma >= MinSmoothing && gamma <= 1 - alpha))
        && (phi == 1 || phi is >= MinPhi and <= MaxPhi);

    /// <summary>Runs the filter; returns the likelihood term to minimise and the final states; <paramref name="sse"/> is Σe² (relative for multiplicative error).</summary>
    private static double Filter(double[] y, EtsSpec spec, int m, double alpha, double beta, double gamma, double phi,
        double level0, double slope0, double[] seasonal0, double[] seasonal, out double level, out double slope, out double sse)
    {
        level = level0;
        slope = slope0;
        Array.Copy(seasonal0, seasonal, seasonal0.Length);
        sse = 0;
        var logSum = 0.0;
        var multiplicativeError = spec.Error == EtsError.Multiplicative;
        for (var t = 0; t < y.Length; t++)
        {
            var trend = spec.Trend switch
            {
                EtsTrend.None => level,
                EtsTrend.Additive => level + slope,
                _ => level + (phi * slope),
            };
            var s = m > 0 ? seasonal[t % m] : 0;
            var mu = spec.Season switch
            {
                EtsSeason.Additive => trend + s,
                EtsSeason.Multiplicative => trend * s,
                _ => trend,
            };
            if (multiplicativeError && mu <= 0 || !double.IsFinite(mu))
            {
                return double.PositiveInfinity;
            }

            var r = y[t] - mu;
            var e = multiplicativeError ? r / mu : r;
            sse += e * e;
            if (multiplicativeError)
            {
                logSum += Math.Log(Math.Abs(mu));
            }

            var damp = spec.Trend == EtsTrend.Damped ? phi : 1;
            switch (spec.Season)
            {
                case EtsSeason.Multiplicative:
                    level = trend + (alpha * r / s);
                    slope = (damp * slope) + (beta * r / s);
                    seasonal[t % m] = s + (gamma * r / trend);
                    break;
                case EtsSeason.Additive:
                    level = trend + (alpha * r);
                    slope = (damp * slope) + (beta * r);
                    seasonal[t % m] = s + (gamma * r);
                    break;
                default:
                    level = trend + (alpha * r);
                    slope = (damp * slope) + (beta * r);
                    break;
            }
        }

        var n = y.Length;
        return (n * Math.Log(Math.Max(sse, 1e-300))) + (2 * logSum);
    }

    /// <summary>Initial level, slope (per step) and seasonal states for times 0..m−1.</summary>
    private static (double Level, double Slope, double[] Seasonal) InitialStates(double[] y, EtsSpec spec, int m)
    {
        var seasonal = new double[Math.Max(m, 1)];
        var adjusted = y;
        if (m > 0)
        {
            var multiplicative = spec.Season == EtsSeason.Multiplicative;
            var years = Math.Min(y.Length / m, 3) * m;
            var trend = CentredMovingAverage(y, m, years);
            var sums = new double[m];
            var counts = new int[m];
            for (var t = 0; t < years; t++)
            {
                if (double.IsNaN(trend[t]))
                {
                    continue;
                }

                sums[t % m] += multiplicative ? y[t] / trend[t] : y[t] - trend[t];
                counts[t % m]++;
            }

            for (var i = 0; i < m; i++)
            {
                seasonal[i] = counts[i] > 0 ? sums[i] / counts[i] : (multiplicative ? 1 : 0);
            }

            var centre = seasonal.Average();
            for (var i = 0; i < m; i++)
            {
                seasonal[i] = multiplicative ? seasonal[i] / centre : seasonal[i] - centre;
            }

            adjusted = [.. y.Select((v, t) => multiplicative ? v / seasonal[t % m] : v - seasonal[t % m])];
        }

        var first = Math.Min(adjusted.Length, Math.Max(10, 2 * m));
        var (intercept, slope) = LinearTrendModel.Fit(adjusted.AsSpan(0, first));
        if (spec.Trend == EtsTrend.None)
        {
            return (adjusted.Take(first).Average(), 0, seasonal);
        }

        // The filter's first step forecasts level + slope: start one step before the first point.
        return (intercept - slope, slope, seasonal);
    }

    /// <summary>2×m moving average (centred for even m) over the first <paramref name="length"/> points; NaN at the ends.</summary>
    private static double[] CentredMovingAverage(double[] y, int m, int length)
    {
        var result = new double[length];
        Array.Fill(result, double.NaN);
        var half = m / 2;
        for (var t = half; t < length - half; t++)
        {
            double sum = 0;
            if (m % 2 == 0)
            {
                if (t + half >= y.Length)
                {
                    break;
                }

                sum += 0.5 * (y[t - half] + y[t + half]);
                for (var j = t - half + 1; j < t + half; j++)
                {
                    sum += y[j];
                }
            }
            else
            {
                for (var j = t - half; j <= t + half; j++)
                {
                    sum += y[j];
                }
            }

            result[t] = sum / m;
        }

        return result;
    }
}
