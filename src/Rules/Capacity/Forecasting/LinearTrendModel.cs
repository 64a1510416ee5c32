namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// The baseline: an ordinary least-squares line through the whole series, extrapolated (what Prometheus'
/// <c>predict_linear</c> does), with the regression prediction interval σ²(1 + 1/n + (x − x̄)²/Sxx).
/// </summary>
public sealed class LinearTrendModel : IForecastModel
{
    public const string MethodName = "linear";

    public string Name => MethodName;

    public int MinPoints => 3;

    public PointForecast Forecast(ReadOnlySpan<double> y, int horizon)
    {
        var n = y.Length;
        var (intercept, slope) = Fit(y);
        var xMean = (n - 1) / 2.0;
        var sxx = 0.0;
        var sse = 0.0;
        for (var i = 0; i < n; i++)
        {
            sxx += (i - xMean) * (i - xMean);
            var r = y[i] - (intercept + (slope * i));
            sse += r * r;
        }

        var sigma = Math.Sqrt(sse / Math.Max(1, n - 2));
        var mean = new double[horizon];
        var sd = new double[horizon];
        for (var h = 1; h <= horizon; h++)
        {
            var x = n - 1 + h;
            mean[h - 1] = intercept + (slope * x);
            sd[h - 1] = sigma * Math.Sqrt(1 + (1.0 / n) + ((x - xMean) * (x - xMean) / sxx));
        }

        return new PointForecast(mean, sd);
    }

    /// <summary>Least-squares intercept (at index 0) and slope per step.</summary>
    public static (double Intercept, double Slope) Fit(ReadOnlySpan<double> y)
    {
        var n = y.Length;
        var xMean = (n - 1) / 2.0;
        var yMean = 0.0;
        foreach (var v in y)
        {
            yMean += v;
        }

        yMean /= n;
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i - xMean) * (y[i] - yMean);
            sxx += (i - xMean) * (i - xMean);
        }

        var slope = sxx > 0 ? sxy / sxx : 0;
        return (yMean - (slope * xMean), slope);
    }
}
