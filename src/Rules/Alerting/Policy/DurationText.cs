using System.Globalization;

namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>Durations as Prometheus writes them: <c>0s</c>, <c>30s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>, <c>1h30m</c>.</summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var i = 0;
        var any = false;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }

            var unit = s[unitStart..i] switch
            {
                "ms" => (double)TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                "d" => TimeSpan.TicksPerDay,
                "w" => 7.0 * TimeSpan.TicksPerDay,
                _ => 0,
            };
            // A duration too long for TimeSpan (99999999999999d) is not a duration: false, never an overflow (a 500).
            var ticks = Math.Round(value.Ticks + (number * unit));
            if (unit == 0 || !double.IsFinite(ticks) || ticks >= long.MaxValue)
            {
                return false;
            }

            value = TimeSpan.FromTicks((long)ticks);
            any = true;
        }

        return any;
    }

    /// <summary>Formats as Prometheus does (largest units first, <c>0s</c> for zero).</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>();
        if (value.Days > 0)
        {
            parts.Add($"{value.Days}d");
        }

        if (value.Hours > 0)
        {
            parts.Add($"{value.Hours}h");
        }

        if (value.Minutes > 0)
        {
            parts.Add($"{value.Minutes}m");
        }

        if (value.Seconds > 0)
        {
            parts.Add($"{value.Seconds}s");
        }

        if (value.Milliseconds > 0)
        {
            parts.Add($"{value.Milliseconds}ms");
        }

        return string.Concat(parts);
    }
}
