using System.Text.Json;
using System.Text.RegularExpressions;

namespace AzLocalMonitor.Integration.Tests.Dashboards;

/// <summary>
/// Every query of the generated dashboards (<c>dashboards/*.json</c>, what Grafana loads; the Dashboard tests keep
/// them equal to the generator's output): each panel target (rows' nested panels included) and each query variable.
/// </summary>
public static partial class DashboardQueries
{
    /// <summary>Loads the queries of every <c>*.json</c> in <paramref name="directory"/>, in file and panel order.</summary>
    public static IReadOnlyList<PanelQuery> Load(string directory)
    {
        var queries = new List<PanelQuery>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var dashboard = Path.GetFileNameWithoutExtension(file);
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            if (root.TryGetProperty("templating", out var templating) && templating.TryGetProperty("list", out var variables))
            {
                foreach (var variable in variables.EnumerateArray())
                {
                    if (Variable(dashboard, variable) is { } query)
                    {
                        queries.Add(query);
                    }
                }
            }

            if (root.TryGetProperty("panels", out var panels))
            {
                AddPanels(dashboard, panels, queries);
            }
        }

        return queries;
    }

    private static void AddPanels(string dashboard, JsonElement panels, List<PanelQuery> queries)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            var title = panel.TryGetProperty("title", out var t) ? t.GetString() ?? "(untitled)" : "(untitled)";
            if (panel.TryGetProperty("targets", out var targets))
            {
                foreach (var target in targets.EnumerateArray())
                {
                    if (!target.TryGetProperty("expr", out var expr) || string.IsNullOrWhiteSpace(expr.GetString()))
                    {
                        continue;
                    }

                    var range = target.TryGetProperty("range", out var r) && r.ValueKind == JsonValueKind.True;
                    var legend = target.TryGetProperty("legendFormat", out var l) ? l.GetString() : null;
                    queries.Add(new PanelQuery(dashboard, title, range ? PanelQuery.Range : PanelQuery.Instant, expr.GetString()!) { Legend = legend });
                }
            }

            if (panel.TryGetProperty("panels", out var nested))
            {
                AddPanels(dashboard, nested, queries);
            }
        }
    }

    private static PanelQuery? Variable(string dashboard, JsonElement variable)
    {
        if (!variable.TryGetProperty("type", out var type) || type.GetString() != "query")
        {
            return null;
        }

        var name = variable.GetProperty("name").GetString();
        var text = variable.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.Object && q.TryGetProperty("query", out var inner)
            ? inner.GetString()
            : variable.TryGetProperty("definition", out var d) ? d.GetString() : null;
        var match = LabelValues().Match(text ?? string.Empty);
        return match.Success
            ? new PanelQuery(dashboard, "$" + name, PanelQuery.LabelValues, match.Groups["series"].Value, match.Groups["label"].Value)
            : new PanelQuery(dashboard, "$" + name, PanelQuery.LabelValues, text ?? string.Empty, Label: null); // reported as not understood
    }

    [GeneratedRegex(@"^\s*label_values\((?<series>.+),\s*(?<label>[A-Za-z_][A-Za-z0-9_]*)\s*\)\s*$")]
    private static partial Regex LabelValues();
}
