using System.Text;

namespace AzLocalMonitor.Telemetry;

/// <summary>
/// The OTLP→Prometheus name translation of docs/reference/metrics.md: dots become underscores, the unit adds a suffix
/// (<c>1</c> → <c>_ratio</c>, <c>By</c> → <c>_bytes</c>, <c>s</c> → <c>_seconds</c>, <c>By/s</c> → <c>_bytes_per_second</c>;
/// <c>{annotation}</c> adds nothing) and monotonic sums end in <c>_total</c>.
/// </summary>
public static class PrometheusNaming
{
    private static readonly Dictionary<string, string> UnitSuffixes = new(StringComparer.Ordinal)
    {
        ["1"] = "ratio",
        ["By"] = "bytes",
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["By/s"] = "bytes_per_second",
        ["Hz"] = "hertz",
        ["%"] = "percent",
        ["Cel"] = "celsius",
    };

    /// <summary>
    /// The label the repair jobs' OpenTelemetry attribute <c>job</c> becomes on /metrics. Prometheus owns <c>job</c>
    /// (the scrape job) and renames a scraped <c>job</c> to <c>exported_job</c> without <c>honor_labels</c>, which
    /// collapses every repair job into one series named after the scrape job (docs/reference/metrics.md, issue 16).
    /// </summary>
    public const string RepairJobLabel = "repair_job";

    /// <summary>
    /// The Prometheus label of a catalog data-point attribute: the attribute's sanitized name, except <c>job</c>,
    /// which is reserved by Prometheus and becomes <see cref="RepairJobLabel"/> (the catalog's only <c>job</c>).
    /// </summary>
    public static string LabelFor(string attribute) =>
        attribute == "job" ? RepairJobLabel : SanitizeLabelName(attribute);

    /// <summary>Translates an instrument name and unit to a Prometheus metric name.</summary>
    public static string Translate(string instrument, string unit, bool monotonicSum)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var name = SanitizeMetricName(instrument);
        if (UnitSuffixes.TryGetValue(unit ?? string.Empty, out var suffix) && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }

        if (monotonicSum && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }

    /// <summary>Replaces every character outside <c>[a-zA-Z0-9_:]</c> with an underscore; a leading digit gets a <c>_</c> prefix.</summary>
    public static string SanitizeMetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>Replaces every character outside <c>[a-zA-Z0-9_]</c> with an underscore (label names).</summary>
    public static string SanitizeLabelName(string name) => Sanitize(name, allowColon: false);

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var clean = true;
        foreach (var c in name)
        {
            if (!IsValid(c, allowColon))
            {
                clean = false;
                break;
            }
        }

        if (clean && !char.IsAsciiDigit(name[0]))
        {
            return name;
        }

        var sb = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            sb.Append('_');
        }

        foreach (var c in name)
        {
            sb.Append(IsValid(c, allowColon) ? c : '_');
        }

        return sb.ToString();
    }

    private static bool IsValid(char c, bool allowColon) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
}
