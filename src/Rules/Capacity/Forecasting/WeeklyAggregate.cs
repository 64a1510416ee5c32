namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>
/// Daily points forecast far ahead are forecast from their weekly means: 18 months of days are 78 weeks, so each
/// likelihood fit, backtest and model of the combination runs on a seventh of the points (issue 17: 10,000 series
/// in seconds), and the week's mean is what the trend is about — the day-to-day noise is not worth modelling 548
/// steps out. Weeks are counted back from the last day (the oldest days that do not fill a week are left out).
/// Back to days: the weekly forecast is interpolated between week centres, the day-of-week profile (the mean
/// deviation of each weekday from the weekly means' path, kept when the lag-7 autocorrelation of the day-to-day changes
/// is significant) is added, and each day's variance is the week's forecast variance plus the spread of days
/// around that path and profile.
/// </summary>
public sealed class WeeklyAggregate
{
    /// <summary>Days in a week: the daily season.</summary>
    public const int Days = 7;

    /// <summary>Fewest whole weeks worth aggregating (the weekly series must carry the combination and its backtest).</summary>
    public const int MinWeeks = 16;

    /// <summary>Shortest horizon, in days, forecast from weeks (shorter ones are about the days themselves).</summary>
    public const int MinHorizonDays = 8 * Days;

    private readonly int _length;
    private readonly double[] _profile;
    private readonly double _withinVariance;

    private WeeklyAggregate(double[] means, int length, double[] profile, double withinVariance)
    {
        Means = means;
        _length = length;
        _profile = profile;
        _withinVariance = withinVariance;
    }

    /// <summary>Mean of each whole week, oldest first.</summary>
    public double[] Means { get; }

    /// <summary>Whether <paramref name="length"/> daily points forecast with <paramref name="options"/> go through weeks.</summary>
    public static bool Applies(int length, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Season == Days && options.Horizon >= MinHorizonDays && length / Days >= MinWeeks;
    }

    /// <summary>Weekly means of <paramref name="daily"/>, with its day-of-week profile and within-week spread.</summary>
    public static WeeklyAggregate Of(ReadOnlySpan<double> daily)
    {
        var n = daily.Length;
        var weeks = n / Days;
        var first = n - (weeks * Days);
        var means = new double[weeks];
        for (var w = 0; w < weeks; w++)
        {
            var sum = 0.0;
            for (var d = 0; d < Days; d++)
            {
                sum += daily[first + (w * Days) + d];
            }

            means[w] = sum / Days;
        }

        // Deviations from the weekly means drawn as a line through the week centres (not from each week's flat mean,
        // which would read a trend within the week as a weekday pattern and as spread).
        double Path(int t)
        {
            var u = (t - (first + 3)) / (double)Days;
            var k = Math.Clamp((int)Math.Floor(u), 0, Math.Max(0, weeks - 2));
            return weeks < 2 ? means[0] : means[k] + ((u - k) * (means[k + 1] - means[k]));
        }

        var profile = new double[Days];
        if (ClassicalDecomposition.IsSeasonal(Differences(daily[first..]), Days))
        {
            for (var t = first; t < n; t++)
            {
                profile[t % Days] += (daily[t] - Path(t)) / weeks;
            }
        }

        var squares = 0.0;
        for (var t = first; t < n; t++)
        {
            var r = daily[t] - Path(t) - profile[t % Days];
            squares += r * r;
        }

        // Each week's mean absorbs one degree of freedom, the profile six.
        var within = squares / Math.Max(1, (weeks * Days) - weeks - (profile.Any(p => p != 0) ? Days - 1 : 0));
        return new WeeklyAggregate(means, n, profile, within);
    }

    /// <summary>Weeks to forecast so that <paramref name="horizonDays"/> days are covered, plus one to interpolate towards.</summary>
    public static int Weeks(int horizonDays) => (horizonDays / Days) + 2;

    /// <summary>The daily forecast, 1..<paramref name="horizonDays"/> days after the last day, from the weekly one.</summary>
    public ForecastResult ToDaily(ForecastResult weekly, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        var p10 = new double[horizonDays];
        var p50 = new double[horizonDays];
        var p90 = new double[horizonDays];
        var last = weekly.P50.Length - 1;
        for (var h = 0; h < horizonDays; h++)
        {
            // Day n + h; forecast week k is centred on day n + 3 + 7k.
            var t = _length + h;
            var u = (t - (_length + 3)) / (double)Days;
            var k = Math.Clamp((int)Math.Floor(u), 0, last - 1);
            var f = u - k;
            double At(double[] path) => path[k] + (f * (path[k + 1] - path[k]));
            var mean = At(weekly.P50) + _profile[t % Days];
            var weekSd = Math.Max(0, At(weekly.P90) - At(weekly.P50)) / Forecaster.Z90;
            var half = Forecaster.Z90 * Math.Sqrt((weekSd * weekSd) + _withinVariance);
            p50[h] = mean;
            p10[h] = mean - half;
            p90[h] = mean + half;
        }

        return weekly with { P10 = p10, P50 = p50, P90 = p90 };
    }

    private static double[] Differences(ReadOnlySpan<double> y)
    {
        var d = new double[Math.Max(0, y.Length - 1)];
        for (var t = 1; t < y.Length; t++)
        {
            d[t - 1] = y[t] - y[t - 1];
        }

        return d;
    }
}
