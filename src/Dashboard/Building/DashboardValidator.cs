using System.Text.RegularExpressions;
using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Building;

/// <summary>Checks a built dashboard: uid, schemaVersion, panel ids, queries and datasources, grid, variables.</summary>
public static partial class DashboardValidator
{
    /// <summary>Lowest and highest schemaVersion we emit (Grafana 10.4 .. 11.x).</summary>
    public const int MinSchemaVersion = 39;

    /// <inheritdoc cref="MinSchemaVersion"/>
    public const int MaxSchemaVersion = 41;

    /// <summary>Returns every problem found; empty when the dashboard is valid.</summary>
    public static IReadOnlyList<string> Validate(DashboardModel dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var errors = new List<string>();
        if (!UidPattern().IsMatch(dashboard.Uid ?? ""))
        {
            errors.Add($"uid '{dashboard.Uid}' must be 1-40 characters of [A-Za-z0-9_-]");
        }

        if (string.IsNullOrWhiteSpace(dashboard.Title))
        {
            errors.Add("dashboard has no title");
        }

        if (dashboard.SchemaVersion is < MinSchemaVersion or > MaxSchemaVersion)
        {
            errors.Add($"schemaVersion {dashboard.SchemaVersion} outside {MinSchemaVersion}..{MaxSchemaVersion}");
        }

        foreach (var group in dashboard.Panels.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            errors.Add($"panel id {group.Key} is used by {string.Join(", ", group.Select(p => $"'{p.Title}'"))}");
        }

        var variables = dashboard.Templating.List.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var panel in dashboard.Panels)
        {
            if (panel.Id < 1)
            {
                errors.Add($"panel '{panel.Title}': id {panel.Id} must be positive");
            }

            errors.AddRange(ValidateGrid(panel));
            if (!panel.IsRow)
            {
                errors.AddRange(ValidateQueries(panel, variables));
            }
        }

        for (var i = 0; i < dashboard.Panels.Count; i++)
        {
            for (var j = i + 1; j < dashboard.Panels.Count; j++)
            {
                if (dashboard.Panels[i].GridPos.Overlaps(dashboard.Panels[j].GridPos))
                {
                    errors.Add($"panels '{dashboard.Panels[i].Title}' and '{dashboard.Panels[j].Title}' overlap");
                }
            }
        }

        return errors;
    }

    private static IEnumerable<string> ValidateGrid(Panel panel)
    {
        var g = panel.GridPos;
        if (g.X < 0 || g.Y < 0 || g.W < 1 || g.H < 1 || g.X + g.W > GridPos.Columns)
        {
            yield return $"panel '{panel.Title}': grid position x={g.X} y={g.Y} w={g.W} h={g.H} overflows the {GridPos.Columns}-column grid";
        }
    }

    private static IEnumerable<string> ValidateQueries(Panel panel, HashSet<string> variables)
    {
        if (panel.Datasource is null || string.IsNullOrEmpty(panel.Datasource.Uid))
        {
            yield return $"panel '{panel.Title}': no datasource";
        }

        var targets = panel.Targets ?? [];
        if (targets.Count == 0)
        {
            yield return $"panel '{panel.Title}': no query";
        }

        foreach (var target in targets)
        {
            if (string.IsNullOrWhiteSpace(target.Expr))
            {
                yield return $"panel '{panel.Title}': query {target.RefId} has an empty expression";
                continue;
            }

            foreach (Match m in VariableReference().Matches(target.Expr))
            {
                var name = m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value;
                if (!name.StartsWith("__", StringComparison.Ordinal) && !variables.Contains(name))
                {
                    yield return $"panel '{panel.Title}': query {target.RefId} uses undefined variable ${name}";
                }
            }
        }

        foreach (var group in targets.GroupBy(t => t.RefId).Where(g => g.Count() > 1))
        {
            yield return $"panel '{panel.Title}': refId {group.Key} is used twice";
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex UidPattern();

    [GeneratedRegex(@"\$(?:(?<a>\w+)|\{(?<b>\w+)(?::\w+)?\})")]
    private static partial Regex VariableReference();
}
