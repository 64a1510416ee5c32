using Quartz;

namespace AzLocalMonitor.Rules.Muting;

/// <summary>When a window's occurrences are: active-at and next-change computations, from Quartz cron expressions.</summary>
public static class MaintenanceCalendar
{
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
    }

    /// <summary>The occurrence in progress at <paramref name="now"/>, or null.</summary>
    public static ActiveWindow? ActiveAt(MaintenanceWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Cron is null)
        {
            return window.Start <= now && now < window.End ? new ActiveWindow(window.Id, window.Name, window.Node, window.End.Value) : null;
        }

        var cron = Expression(window);
        var duration = window.Duration ?? TimeSpan.Zero;
        DateTimeOffset? lastStart = null;
        var probe = now - duration;
        while (cron.GetNextValidTimeAfter(probe) is { } start && start <= now)
        {
            lastStart = start;
            probe = start;
        }

        return lastStart is { } s ? new ActiveWindow(window.Id, window.Name, window.Node, s + duration) : null;
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
    private static bool TryParse(string text, out CronExpression cron)
    {
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
