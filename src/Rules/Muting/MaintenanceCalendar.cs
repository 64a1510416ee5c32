using Quartz;

namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// When a window's occurrences are: active-at and next-change computations, from Quartz cron expressions. The cost
/// of a lookup is logarithmic in the window's duration, never proportional to the number of occurrences it spans
/// (a cron firing every second over years must not stall evaluation: Quartz has no "previous fire time").
/// </summary>
public static class MaintenanceCalendar
{
    /// <summary>Longest occurrence (one-off end − start, or a recurring window's duration): a forgotten window must not mute a cluster for ever.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    /// <summary>Shortest time between two starts of a recurring window: maintenance is planned in minutes, not seconds.</summary>
    public static readonly TimeSpan MinPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How many consecutive starts <see cref="Validate"/> inspects for <see cref="MinPeriod"/>.</summary>
    private const int PeriodSamples = 64;

    /// <summary>Validates a window: returns every problem (empty when valid).</summary>
    public static IEnumerable<string> Validate(MaintenanceWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (string.IsNullOrWhiteSpace(window.Cluster))
        {
            yield return "cluster is required";
        }

        if (window.Cron is not null)
        {
            if (!TryParse(window.Cron, out _))
            {
                yield return $"cron '{window.Cron}' is neither a Unix cron expression (minute hour day-of-month month day-of-week, e.g. '0 22 * * TUE') " +
                    "nor a Quartz one (seconds first, e.g. '0 0 22 ? * TUE')";
            }

            if (window.Duration is not { } d || d <= TimeSpan.Zero)
            {
                yield return "a recurring window needs a positive duration (e.g. 4h)";
            }
            else if (d > MaxDuration)
            {
                yield return $"a window's duration may be at most {MaxDuration.TotalDays:0} days";
            }

            if (TryParse(window.Cron, out var cron) && ShortestGap(cron) is { } gap && gap < MinPeriod)
            {
                yield return $"cron '{window.Cron}' starts every {gap.TotalSeconds:0} s; windows may start at most once a minute";
            }

            if (window.TimeZone is { } tz && !TryZone(tz, out _))
            {
                yield return $"unknown time zone '{tz}'";
            }
        }
        else if (window.Start is not { } start || window.End is not { } end)
        {
            yield return "a window needs either cron + duration, or start + end";
        }
        else if (end <= start)
        {
            yield return "end must be after start";
        }
        else if (end - start > MaxDuration)
        {
            yield return $"a window may last at most {MaxDuration.TotalDays:0} days";
        }
    }

    /// <summary>The shortest gap between the first <see cref="PeriodSamples"/> starts after a fixed date (null: fewer than two starts).</summary>
    private static TimeSpan? ShortestGap(CronExpression cron)
    {
        TimeSpan? shortest = null;
        var previous = cron.GetNextValidTimeAfter(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < PeriodSamples && previous is { } p; i++)
        {
            var next = cron.GetNextValidTimeAfter(p);
            if (next is { } n && (shortest is null || n - p < shortest))
            {
                shortest = n - p;
            }

            previous = next;
        }

        return shortest;
    }

    /// <summary>The occurrence in progress at <paramref name="now"/>, or null.</summary>
    public static ActiveWindow? ActiveAt(MaintenanceWindow window, DateTimeOffset now) => ActiveAt(window, now, out _);

    /// <summary>
    /// The occurrence in progress at <paramref name="now"/>, or null; <paramref name="lookups"/> counts the cron
    /// lookups it took (at most about 2 × log2 of the duration in seconds, whatever the cron).
    /// </summary>
    internal static ActiveWindow? ActiveAt(MaintenanceWindow window, DateTimeOffset now, out int lookups)
    {
        ArgumentNullException.ThrowIfNull(window);
        lookups = 0;
        if (window.Cron is null)
        {
            return window.Start <= now && now < window.End ? new ActiveWindow(window.Id, window.Name, window.Node, window.End.Value) : null;
        }

        var cron = Expression(window);
        var duration = window.Duration ?? TimeSpan.Zero;
        lookups++;
        if (cron.GetNextValidTimeAfter(now - duration) is not { } first || first > now)
        {
            return null;
        }

        var last = LastStartAtOrBefore(cron, first, now, ref lookups);
        return new ActiveWindow(window.Id, window.Name, window.Node, last + duration);
    }

    /// <summary>
    /// The last start in [<paramref name="known"/>, <paramref name="now"/>], given that <paramref name="known"/> is a
    /// start. Bisection: no start lies after <c>hi</c> (up to now), and each step halves <c>hi − last</c>, so the
    /// search ends once that span is below the cron's one-second resolution.
    /// </summary>
    private static DateTimeOffset LastStartAtOrBefore(CronExpression cron, DateTimeOffset known, DateTimeOffset now, ref int lookups)
    {
        var last = known;
        var hi = now;
        while (true)
        {
            lookups++;
            if (cron.GetNextValidTimeAfter(last) is not { } next || next > now)
            {
                return last;
            }

            var mid = last + ((hi - last) / 2);
            lookups++;
            if (cron.GetNextValidTimeAfter(mid) is { } after && after <= now)
            {
                last = after;
            }
            else
            {
                // Nothing starts in (mid, now]: next (≤ now) is at or before mid.
                last = next;
                hi = mid;
            }
        }
    }

    /// <summary>The next time after <paramref name="now"/> at which the window starts or ends (null: never again).</summary>
    public static DateTimeOffset? NextChange(MaintenanceWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (ActiveAt(window, now) is { } active)
        {
            return active.EndsAt;
        }

        if (window.Cron is null)
        {
            return window.Start > now ? window.Start : null;
        }

        return Expression(window).GetNextValidTimeAfter(now);
    }

    private static CronExpression Expression(MaintenanceWindow window)
    {
        if (!TryParse(window.Cron!, out var cron))
        {
            throw new FormatException($"Invalid cron expression '{window.Cron}'.");
        }

        return cron.WithTimeZone(window.TimeZone is { } tz && TryZone(tz, out var zone) ? zone : TimeZoneInfo.Utc);
    }

    /// <summary>Five fields: Unix cron; six or seven: Quartz (seconds first).</summary>
    private static bool TryParse(string? text, out CronExpression cron)
    {
        if (text is null)
        {
            cron = null!;
            return false;
        }

        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 5 ? CronFormat.Unix : CronFormat.Quartz;
        return CronExpression.TryParse(text, format, out cron!);
    }

    private static bool TryZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
