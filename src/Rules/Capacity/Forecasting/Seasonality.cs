namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>The season to model for a cadence: a day of sub-daily points, a week of daily points, a year of weekly or monthly ones.</summary>
public static class Seasonality
{
    /// <summary>Longest season the Holt-Winters grid search handles.</summary>
    public const int MaxSeason = 168;

    /// <summary>Season length in steps for <paramref name="cadence"/>, or 0 when none applies.</summary>
    public static int For(TimeSpan cadence)
    {
        if (cadence <= TimeSpan.Zero)
        {
            return 0;
        }

        int Steps(TimeSpan period) => period.Ticks % cadence.Ticks == 0 ? (int)Math.Min(int.MaxValue, period.Ticks / cadence.Ticks) : 0;
        var day = TimeSpan.FromDays(1);
        var season = cadence < day ? Steps(day)
            : cadence == day ? 7
            : cadence == TimeSpan.FromDays(7) ? 52
            : cadence >= TimeSpan.FromDays(28) && cadence <= TimeSpan.FromDays(31) ? 12
            : 0;
        return season is >= 2 and <= MaxSeason ? season : 0;
    }
}
