using System.Globalization;

namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>Byte units for capacity arithmetic and its messages (decimal TB, as drive vendors and the module count).</summary>
public static class Units
{
    /// <summary>One decimal terabyte.</summary>
    public const double TB = 1e12;

    /// <summary>One decimal gigabyte.</summary>
    public const double GB = 1e9;

    /// <summary>Formats bytes as terabytes with two decimals, e.g. "1.80 TB".</summary>
    public static string Tb(double bytes) => (bytes / TB).ToString("0.00", CultureInfo.InvariantCulture) + " TB";
}
