namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// Multiplicative classical decomposition's seasonal indices over the whole history (ratio to a centred 2×m moving
/// average, averaged per phase, normalised to mean 1), used when the lag-m autocorrelation says the season is
/// real (90% one-sided test, as the Theta method of the M3 competition does). Indices are by absolute time mod m.
/// </summary>
public static class ClassicalDecomposition
{
    /// <summary>Seasonal indices (length m), or null when there is no significant season or the data are not all positive.</summary>
    public static double[]? SeasonalIndices(ReadOnlySpan<double> y, int m)
    {
        var n = y.Length;
        if (m < 2 || n < 2 * m + 1 || !IsSeasonal(y, m))
        {
            return null;
        }

        foreach (var v in y)
        {
            if (v <= 0)
            {
                return null;
            }
        }

        var sums = new double[m];
        var counts = new int[m];
        var half = m / 2;
        for (var t = half; t < n - half; t++)
        {
            double sum;
            if (m % 2 == 0)
            {
                sum = 0.5 * (y[t - half] + y[t + half]);
                for (var j = t - half + 1; j < t + half; j++)
                {
                    sum += y[j];
                }
            }
            else
            {
                sum = 0;
                for (var j = t - half; j <= t + half; j++)
                {
                    sum += y[j];
                }
            }

            sums[t % m] += y[t] / (sum / m);
            counts[t % m]++;
        }

        var indices = sums.Select((s, i) => counts[i] > 0 ? s / counts[i] : 1).ToArray();
        var mean = indices.Average();
        return [.. indices.Select(i => i / mean)];
    }

    /// <summary>Lag-m autocorrelation beyond 1.645 of its standard error (Bartlett).</summary>
    public static bool IsSeasonal(ReadOnlySpan<double> series, int m)
    {
        var y = series.ToArray();
        var n = y.Length;
        var mean = 0.0;
        foreach (var v in y)
        {
            mean += v;
        }

        mean /= n;
        var denominator = 0.0;
        foreach (var v in y)
        {
            denominator += (v - mean) * (v - mean);
        }

        if (denominator <= 0)
        {
            return false;
        }

        double Acf(int lag)
        {
            var s = 0.0;
            for (var t = lag; t < n; t++)
            {
                s += (y[t] - mean) * (y[t - lag] - mean);
            }

            return s / denominator;
        }

        var squares = 0.0;
        for (var k = 1; k < m; k++)
        {
            var r = Acf(k);
            squares += r * r;
        }

        return Math.Abs(Acf(m)) > 1.645 * Math.Sqrt((1 + (2 * squares)) / n);
    }
}
