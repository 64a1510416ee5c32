using System.Text.RegularExpressions;

namespace AzLocalMonitor.Dashboard.Tests.Support;

/// <summary>
/// Extracts the metric names a PromQL expression selects: identifiers left after removing strings, label
/// matchers, range/subquery brackets and grouping label lists, that are neither function calls nor keywords.
/// </summary>
internal static partial class PromQlNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan",
    };

    public static IReadOnlySet<string> MetricNames(string expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
        var s = StringLiteral().Replace(expr, "\"\"");
        s = LabelMatchers().Replace(s, " ");
        s = Brackets().Replace(s, " ");
        s = GroupingLabels().Replace(s, " ");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Identifier().Matches(s))
        {
            if (!m.Groups["call"].Success && !Keywords.Contains(m.Groups["name"].Value))
            {
                names.Add(m.Groups["name"].Value);
            }
        }

        return names;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex GroupingLabels();

    [GeneratedRegex(@"(?<![\w$.:])(?<name>[A-Za-z_:][\w:]*)(?<call>\s*\()?")]
    private static partial Regex Identifier();
}
