using System.Text.RegularExpressions;

namespace AzLocalMonitor.Rules.Cli;

/// <summary>
/// The unit a CSV header gives its value column (<c>value_bytes</c>, <c>used_TiB</c>, <c>used (GB)</c>,
/// <c>cpu_percent</c>): values are converted to bytes, or to a 0..1 ratio for percentages, so forecasts and
/// policies speak the units Rules publishes.
/// </summary>
/// <param name="Name">Unit as written in the header.</param>
/// <param name="Factor">Multiplier to the base unit.</param>
/// <param name="Base">bytes or ratio.</param>
public sealed partial record ValueUnit(string Name, double Factor, string Base)
{
    private static readonly Dictionary<string, ValueUnit> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bytes"] = new("bytes", 1, "bytes"),
        ["b"] = new("B", 1, "bytes"),
        ["kib"] = new("KiB", 1L << 10, "bytes"),
        ["mib"] = new("MiB", 1L << 20, "bytes"),
        ["gib"] = new("GiB", 1L << 30, "bytes"),
        ["tib"] = new("TiB", 1L << 40, "bytes"),
        ["pib"] = new("PiB", 1L << 50, "bytes"),
        ["kb"] = new("kB", 1e3, "bytes"),
        ["mb"] = new("MB", 1e6, "bytes"),
        ["gb"] = new("GB", 1e9, "bytes"),
        ["tb"] = new("TB", 1e12, "bytes"),
        ["pb"] = new("PB", 1e15, "bytes"),
        ["percent"] = new("percent", 0.01, "ratio"),
        ["pct"] = new("percent", 0.01, "ratio"),
        ["%"] = new("%", 0.01, "ratio"),
        ["ratio"] = new("ratio", 1, "ratio"),
    };

    /// <summary>The unit named at the end of a column header, or null (values kept as they are).</summary>
    public static ValueUnit? FromHeader(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var match = UnitPattern().Match(column.Trim());
        return match.Success && Known.TryGetValue(match.Groups["unit"].Value, out var unit) ? unit : null;
    }

    // "used_TiB", "value-bytes", "used (GB)", "used [GiB]", "cpu %": the unit is the header's last token.
    [GeneratedRegex(@"(^|[_\-\s(\[])(?<unit>[A-Za-z]+|%)[)\]]?$")]
    private static partial Regex UnitPattern();
}
