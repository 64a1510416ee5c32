namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// Finds the most recent level shift: a break where two separate least-squares lines fit much better than one
/// (BIC) and the lines jump apart by more than <see cref="JumpSigmas"/> residual standard deviations. Seasonality
/// (phase means of the detrended series) is removed first. Repeats on the newer segment to reach the latest step.
/// O(n) per pass with prefix sums.
/// </summary>
public static class StepDetector
{
    /// <summary>Minimum jump, in residual standard deviations.</summary>
    public const double JumpSigmas = 4;

    /// <summary>The latest step in <paramref name="y"/>, or null.</summary>
    public static StepChange? Detect(ReadOnlySpan<double> y, int season)
    {
        var n = y.Length;
        var minSegment = Math.Max(6, season);
        if (n < 2 * minSegment)
        {
            return null;
        }

        var z = Deseasonalise(y, season);
        var sums = new PrefixSums(z);
        StepChange? latest = null;
        var start = 0;
        for (var pass = 0; pass < 4; pass++)
        {
            var found = Best(sums, start, n, minSegment);
            if (found is null)
            {
                break;
            }

            latest = found;
            start = found.Index;
        }

        return latest;
    }

    private static StepChange? Best(PrefixSums sums, int start, int end, int minSegment)
    {
        var length = end - start;
        if (length < 2 * minSegment)
        {
            return null;
        }

        var one = sums.Sse(start, end);
        var bestSse = double.PositiveInfinity;
        var bestK = -1;
        for (var k = start + minSegment; k <= end - minSegment; k++)
        {
            var two = sums.Sse(start, k) + sums.Sse(k, end);
            if (two < bestSse)
            {
                bestSse = two;
                bestK = k;
            }
        }

        if (bestK < 0)
        {
            return null;
        }

        var sigma = Math.Sqrt(Math.Max(bestSse, 1e-300) / Math.Max(1, length - 4));
        var (a1, b1) = sums.Line(start, bestK);
        var (a2, b2) = sums.Line(bestK, end);
        var jump = (a2 + (b2 * bestK)) - (a1 + (b1 * bestK));
        var bicGain = (length * Math.Log(Math.Max(one, 1e-300) / Math.Max(bestSse, 1e-300))) - (3 * Math.Log(length));
        return bicGain > 10 && Math.Abs(jump) > JumpSigmas * sigma ? new StepChange(bestK, jump, sigma) : null;
    }

    private static double[] Deseasonalise(ReadOnlySpan<double> y, int season)
    {
        var z = y.ToArray();
        var mean = z.Average();
        for (var i = 0; i < z.Length; i++)
        {
            z[i] -= mean; // centred: the prefix sums of squares keep their precision for byte-sized values
        }

        if (season < 2 || y.Length < 2 * season)
        {
            return z;
        }

        var (a, b) = LinearTrendModel.Fit(z);
        var phase = new double[season];
        var count = new int[season];
        for (var i = 0; i < z.Length; i++)
        {
            phase[i % season] += z[i] - (a + (b * i));
            count[i % season]++;
        }

        for (var i = 0; i < z.Length; i++)
        {
            z[i] -= phase[i % season] / count[i % season];
        }

        return z;
    }

    /// <summary>Prefix sums of x, y, x², xy, y² (x = index) for O(1) least-squares fits of any segment.</summary>
    private sealed class PrefixSums
    {
        private readonly double[] _x;
        private readonly double[] _y;
        private readonly double[] _xx;
        private readonly double[] _xy;
        private readonly double[] _yy;

        public PrefixSums(double[] y)
        {
            var n = y.Length;
            _x = new double[n + 1];
            _y = new double[n + 1];
            _xx = new double[n + 1];
            _xy = new double[n + 1];
            _yy = new double[n + 1];
            for (var i = 0; i < n; i++)
            {
                _x[i + 1] = _x[i] + i;
                _y[i + 1] = _y[i] + y[i];
                _xx[i + 1] = _xx[i] + ((double)i * i);
                _xy[i + 1] = _xy[i] + (i * y[i]);
                _yy[i + 1] = _yy[i] + (y[i] * y[i]);
            }
        }

        public (double Intercept, double Slope) Line(int a, int b)
        {
            var (n, sx, sy, sxx, sxy, _) = Sums(a, b);
            var dxx = sxx - (sx * sx / n);
            var slope = dxx > 0 ? (sxy - (sx * sy / n)) / dxx : 0;
            return ((sy - (slope * sx)) / n, slope);
        }

        public double Sse(int a, int b)
        {
            var (n, sx, sy, sxx, sxy, syy) = Sums(a, b);
            var dxx = sxx - (sx * sx / n);
            var dxy = sxy - (sx * sy / n);
            var dyy = syy - (sy * sy / n);
            return Math.Max(0, dxx > 0 ? dyy - (dxy * dxy / dxx) : dyy);
        }

        private (double N, double Sx, double Sy, double Sxx, double Sxy, double Syy) Sums(int a, int b) =>
            (b - a, _x[b] - _x[a], _y[b] - _y[a], _xx[b] - _xx[a], _xy[b] - _xy[a], _yy[b] - _yy[a]);
    }
}
