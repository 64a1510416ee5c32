using System.Globalization;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>Parses sizes like <c>2GiB</c>, <c>500MB</c>, <c>1.5TiB</c> or a bare byte count.</summary>
internal static class ByteSizeParser
{
    private static readonly (string Unit, double Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("B", 1),
    ];

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        var factor = 1d;
        foreach (var (unit, unitFactor) in Units)
        {
            if (trimmed.EndsWith(unit, StringComparison.Ordinal))
            {
                trimmed = trimmed[..^unit.Length].TrimEnd();
                factor = unitFactor;
                break;
            }
        }

        if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value * factor >= long.MaxValue)
        {
            return false;
        }

        bytes = (long)(value * factor);
        return true;
    }
}
