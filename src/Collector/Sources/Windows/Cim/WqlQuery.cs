using System.Text.RegularExpressions;

namespace AzLocalMonitor.Collector.Sources.Windows.Cim;

/// <summary>
/// The parts of a WQL data query the agent writes: <c>SELECT a, b FROM Class [WHERE a = 'x' OR b &lt;&gt; 2]</c>. Used to
/// replay a query against a capture, and by the schema test to check every named property exists.
/// </summary>
/// <param name="Properties">Selected properties; empty for <c>SELECT *</c>.</param>
/// <param name="WhereProperties">Properties the WHERE clause compares.</param>
internal sealed partial record WqlQuery(string ClassName, IReadOnlyList<string> Properties, IReadOnlyList<string> WhereProperties)
{
    /// <summary>Every property the query names (selected or compared).</summary>
    public IEnumerable<string> Named => Properties.Concat(WhereProperties).Distinct(StringComparer.OrdinalIgnoreCase);

    public static WqlQuery Parse(string wql)
    {
        ArgumentNullException.ThrowIfNull(wql);
        var match = Shape().Match(wql);
        if (!match.Success)
        {
            throw new FormatException($"Not a WQL data query this agent understands: {wql}");
        }

        var select = match.Groups["select"].Value.Trim();
        IReadOnlyList<string> properties = select == "*"
            ? []
            : [.. select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        var where = match.Groups["where"].Success ? match.Groups["where"].Value : string.Empty;
        var compared = Comparison().Matches(where).Select(m => m.Groups["name"].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new WqlQuery(match.Groups["class"].Value, properties, compared);
    }

    [GeneratedRegex(@"^\s*SELECT\s+(?<select>\*|[\w\s,]+?)\s+FROM\s+(?<class>\w+)\s*(?:WHERE\s+(?<where>.+))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Shape();

    [GeneratedRegex(@"(?<name>[A-Za-z_]\w*)\s*(?:=|<>|!=|<=|>=|<|>|\bLIKE\b|\bIS\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Comparison();
}
