namespace AzLocalMonitor.Integration.Tests.Dashboards;

/// <summary>
/// One query a generated dashboard runs: a panel target (<see cref="Kind"/> <c>instant</c> or <c>range</c>, the latter
/// also checked as an instant query) or a template variable's <c>label_values(series, label)</c>.
/// </summary>
/// <param name="Dashboard">Dashboard file name without extension (e.g. <c>cluster-overview</c>).</param>
/// <param name="Panel">Panel title, or <c>$name</c> for a variable.</param>
/// <param name="Kind"><c>instant</c>, <c>range</c> or <c>label_values</c>.</param>
/// <param name="Expr">The expression as the dashboard holds it (variables not substituted; for a variable, its series selector).</param>
/// <param name="Label">For <c>label_values</c>: the label whose values the variable lists.</param>
public sealed record PanelQuery(string Dashboard, string Panel, string Kind, string Expr, string? Label = null)
{
    /// <summary>The target's legend (<c>legendFormat</c>, e.g. <c>{{cluster}} / {{repair_job}}</c>), or null.</summary>
    public string? Legend { get; init; }

    /// <summary>The labels the legend names (<c>{{name}}</c>).</summary>
    public IReadOnlyList<string> LegendLabels =>
        Legend is null ? [] : [.. System.Text.RegularExpressions.Regex.Matches(Legend, @"\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}").Select(m => m.Groups[1].Value).Distinct()];

    public const string Instant = "instant";
    public const string Range = "range";
    public const string LabelValues = "label_values";

    /// <summary>
    /// The part of the expression that must return data when the panel shows something real: a panel written as
    /// <c>X or vector(0)</c> or <c>X or (0 * ...)</c> always returns a constant fallback, so its data is X's. Null when
    /// the expression has no such fallback.
    /// </summary>
    public string? Primary => PromQlText.WithoutConstantFallback(Expr);
}
