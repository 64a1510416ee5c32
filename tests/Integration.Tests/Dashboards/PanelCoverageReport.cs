using System.Globalization;
using System.Text;

namespace AzLocalMonitor.Integration.Tests.Dashboards;

/// <summary>The coverage table: one line per dashboard query and pass, then totals per pass.</summary>
public static class PanelCoverageReport
{
    public static string Format(IReadOnlyList<PanelCheck> checks, string header)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var sb = new StringBuilder();
        sb.AppendLine(header).AppendLine();
        sb.AppendLine("Columns: instant = series of the instant query (values for a variable); range = series with points over the last");
        sb.AppendLine("minute (graphs); primary = series without the constant fallback ('or vector(0)', 'or (0 * ...)'); '-' = not applicable.");
        sb.AppendLine();
        var rows = checks.Select(c => new[]
        {
            c.Pass, c.Query.Dashboard, c.Query.Panel, c.Query.Kind, Number(c.Instant), Number(c.Range), Number(c.Primary), c.Status, c.Expr,
        }).ToList();
        string[] titles = ["pass", "dashboard", "panel", "kind", "instant", "range", "primary", "status", "query"];
        var widths = titles.Select((t, i) => i == titles.Length - 1 ? 0 : Math.Max(t.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => widths[i] == 0 ? c : c.PadRight(widths[i]))).TrimEnd();
        sb.AppendLine(Line(titles));
        sb.AppendLine(Line([.. titles.Select((t, i) => new string('-', Math.Max(widths[i], t.Length)))]));
        foreach (var row in rows)
        {
            sb.AppendLine(Line(row));
        }

        sb.AppendLine();
        foreach (var pass in checks.GroupBy(c => c.Pass))
        {
            sb.AppendLine(Summary(pass.Key, [.. pass]));
        }

        var errors = checks.Where(c => c.Error is not null).ToList();
        if (errors.Count > 0)
        {
            sb.AppendLine().AppendLine("Errors:");
            foreach (var c in errors)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  [{c.Pass}] {c.Query.Dashboard} / {c.Query.Panel}: {c.Error}");
            }
        }

        return sb.ToString();
    }

    /// <summary><c>selected: 102/102 queries returning data (100.0%), 102/102 not only through a fallback, 0 errors</c>.</summary>
    public static string Summary(string pass, IReadOnlyList<PanelCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var data = checks.Count(c => c.ReturnsData);
        var real = checks.Count(c => c.ReturnsRealData);
        var errors = checks.Count(c => c.Error is not null);
        return string.Create(CultureInfo.InvariantCulture,
            $"{pass}: {data}/{checks.Count} queries returning data ({Percent(data, checks.Count)}), {real}/{checks.Count} not only through a constant fallback ({Percent(real, checks.Count)}), {errors} errors");
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
