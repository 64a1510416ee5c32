using System.Text.Json.Nodes;
using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Field override factories for table columns and series.</summary>
public static class Overrides
{
    /// <summary>Colours a column's cells by a value mapping (state columns).</summary>
    public static FieldOverride ColoredColumn(string column, ValueMapping mapping) =>
        new(new FieldMatcher("byName", column),
        [
            new OverrideProperty("mappings", new[] { mapping }),
            new OverrideProperty("custom.cellOptions", new JsonObject { ["type"] = "color-background" }),
        ]);

    /// <summary>Sets a column's unit and colours it by thresholds.</summary>
    public static FieldOverride UnitColumn(string column, string unit, Thresholds thresholds) =>
        new(new FieldMatcher("byName", column),
        [
            new OverrideProperty("unit", unit),
            new OverrideProperty("thresholds", thresholds),
            new OverrideProperty("custom.cellOptions", new JsonObject { ["type"] = "color-text" }),
        ]);

    /// <summary>A column of Unix-millisecond dates, with <paramref name="noValue"/> in the empty cells (e.g. "beyond 18 months").</summary>
    public static FieldOverride DateColumn(string column, string noValue) =>
        new(new FieldMatcher("byName", column),
        [
            new OverrideProperty("unit", "dateTimeAsIso"),
            new OverrideProperty("noValue", noValue),
        ]);

    /// <summary>Adds a drill-down link to a column's cells.</summary>
    public static FieldOverride LinkColumn(string column, DataLink link) =>
        new(new FieldMatcher("byName", column), [new OverrideProperty("links", new[] { link })]);

    /// <summary>
    /// Draws every series whose legend ends in " policy" as a dashed red line without fill: the policy's threshold
    /// (<c>azlocal_policy_threshold</c>) next to the data it judges, per cluster, overrides included.
    /// </summary>
    public static FieldOverride PolicyLines() =>
        new(new FieldMatcher("byRegexp", ".* policy$"),
        [
            new OverrideProperty("color", new FieldColor("fixed", "red")),
            new OverrideProperty("custom.lineStyle", new Dictionary<string, object> { ["fill"] = "dash", ["dash"] = new[] { 10, 10 } }),
            new OverrideProperty("custom.fillOpacity", 0),
            new OverrideProperty("custom.lineWidth", 1),
        ]);

    /// <summary>Gives one series (by display name) a fixed colour, e.g. severity <c>critical</c> in red.</summary>
    public static FieldOverride SeriesColor(string series, string color) =>
        new(new FieldMatcher("byName", series),
            [new OverrideProperty("color", new FieldColor("fixed", color))]);
}
