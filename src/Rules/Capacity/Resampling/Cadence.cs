using System.Globalization;

namespace AzLocalMonitor.Rules.Capacity.Resampling;

/// <summary>
/// The step of a series: a whole number of calendar months (months differ in length, so a fixed step would drift),
/// or a fixed span (minutes, hours, days, weeks).
/// </summary>
/// <param name="Months">Calendar months per step (1 monthly, 3 quarterly, 12 yearly), or 0 for a fixed step.</param>
/// <param name="Fixed">The fixed step when <paramref name="Months"/> is 0.</param>
public sealed record Cadence(int Months, TimeSpan Fixed)
{
    /// <summary>The average month (365.2425 / 12 days), to compare calendar cadences with fixed ones.</summary>
    public static readonly TimeSpan AverageMonth = TimeSpan.FromDays(30.436875);

    // The steps monitoring data comes at; a median spacing within 20% of one of them snaps to it (jitter).
    private static readonly TimeSpan[] Nice =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(7),
    ];

    /// <summary>True for calendar-month cadences.</summary>
    public bool IsCalendar => Months > 0;

    /// <summary>The step as a span (calendar months: the average month), to choose seasons and horizons.</summary>
    public TimeSpan Approximate => IsCalendar ? AverageMonth * Months : Fixed;

    /// <summary>Seasonal period in steps: a year of monthly or quarterly points, a week of daily points, a day of hourly ones.</summary>
    public int Season => Months switch
    {
        1 => 12,
        3 => 4,
        > 0 => 0,
        _ => Forecasting.Seasonality.For(Fixed),
    };

    /// <summary>The time of grid step <paramref name="index"/> from <paramref name="anchor"/>.</summary>
    public DateTimeOffset At(DateTimeOffset anchor, long index) =>
        IsCalendar ? anchor.AddMonths((int)(index * Months)) : anchor + (Fixed * index);

    /// <summary>The grid step nearest to <paramref name="t"/> counted from <paramref name="anchor"/>.</summary>
    public long IndexOf(DateTimeOffset anchor, DateTimeOffset t)
    {
        if (!IsCalendar)
        {
            return (long)Math.Floor(((t - anchor).Ticks / (double)Fixed.Ticks) + 0.5); // halves round up, as the anchor does
        }

        var guess = (long)Math.Round((t - anchor).Ticks / (double)Approximate.Ticks);
        var best = guess;
        var bestDistance = TimeSpan.MaxValue;
        for (var k = guess - 1; k <= guess + 1; k++)
        {
            var distance = (t - At(anchor, k)).Duration();
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = k;
            }
        }

        return best;
    }

    /// <summary>
    /// The cadence of sorted, distinct times: the median spacing (robust to gaps and a few duplicates), snapped to
    /// calendar months/quarters/years or to a common monitoring step when within 20% of it.
    /// </summary>
    public static Cadence Detect(IReadOnlyList<DateTimeOffset> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count < 2)
        {
            throw new ArgumentException("At least two distinct times are needed to find a cadence.", nameof(sorted));
        }

        var spacings = new List<long>(sorted.Count - 1);
        for (var i = 1; i < sorted.Count; i++)
        {
            spacings.Add((sorted[i] - sorted[i - 1]).Ticks);
        }

        spacings.Sort();
        var median = TimeSpan.FromTicks(spacings[spacings.Count / 2]);
        var days = median.TotalDays;
        if (days is >= 26 and <= 35)
        {
            return new Cadence(1, TimeSpan.Zero);
        }

        if (days is >= 80 and <= 100)
        {
            return new Cadence(3, TimeSpan.Zero);
        }

        if (days is >= 350 and <= 380)
        {
            return new Cadence(12, TimeSpan.Zero);
        }

        foreach (var nice in Nice)
        {
            var ratio = median.Ticks / (double)nice.Ticks;
            if (ratio is >= 0.8 and <= 1.2)
            {
                return new Cadence(0, nice);
            }
        }

        return new Cadence(0, TimeSpan.FromSeconds(Math.Max(1, Math.Round(median.TotalSeconds))));
    }

    public override string ToString() => Months switch
    {
        1 => "calendar months",
        3 => "calendar quarters",
        12 => "calendar years",
        > 0 => string.Create(CultureInfo.InvariantCulture, $"{Months} calendar months"),
        _ => Fixed.TotalDays >= 1 && Fixed.TotalDays % 1 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{Fixed.TotalDays:0} d")
            : Fixed.TotalHours >= 1 && Fixed.TotalHours % 1 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{Fixed.TotalHours:0} h")
            : Fixed.TotalMinutes >= 1 && Fixed.TotalMinutes % 1 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{Fixed.TotalMinutes:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{Fixed.TotalSeconds:0} s"),
    };
}
