using System.Globalization;
using System.Text;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>
/// Turns the fleet runs' <c>cost-row:</c> lines into an SVG chart of how cost grows with the series count: CPU per
/// sample, RSS per series and alert latency (p50, p99), each against series on a log scale.
/// </summary>
public static class CostChart
{
    public static int Write(string input, string output)
    {
        var rows = File.ReadLines(input)
            .Where(l => l.StartsWith("cost-row:", StringComparison.Ordinal))
            .Select(Parse)
            .OrderBy(r => r["series"])
            .ToList();
        if (rows.Count == 0)
        {
            Console.Error.WriteLine($"no 'cost-row:' lines in {input}");
            return 1;
        }

        var panels = new (string Title, string[] Keys, string Unit)[]
        {
            ("CPU per sample", ["cpu_us_per_sample"], "µs"),
            ("RSS per series", ["rss_bytes_per_series"], "bytes"),
            ("Alert latency (fault → Alertmanager)", ["latency_p50_s", "latency_p99_s"], "s"),
        };
        const int Width = 320, Height = 220, Left = 56, Top = 30, PlotW = 240, PlotH = 150;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width * panels.Length}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width * panels.Length}\" height=\"{Height}\" fill=\"white\"/>\n");
        var minX = Math.Log10(rows.Min(r => r["series"]));
        var maxX = Math.Log10(rows.Max(r => r["series"]));
        var colors = new[] { "#1f77b4", "#d62728" };
        for (var p = 0; p < panels.Length; p++)
        {
            var (title, keys, unit) = panels[p];
            var ox = p * Width;
            var maxY = rows.SelectMany(r => keys.Where(r.ContainsKey).Select(k => r[k])).Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.1;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{ox + Left}\" y=\"16\" font-weight=\"bold\">{title} ({unit})</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{ox + Left}\" y=\"{Top}\" width=\"{PlotW}\" height=\"{PlotH}\" fill=\"none\" stroke=\"#888\"/>\n");
            for (var t = 0; t <= 4; t++)
            {
                var y = Top + PlotH - (PlotH * t / 4.0);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{ox + Left - 4}\" y=\"{y + 4:F0}\" text-anchor=\"end\">{maxY * t / 4:G3}</text>\n");
            }

            double X(double series) => ox + Left + (maxX > minX ? (Math.Log10(series) - minX) / (maxX - minX) * PlotW : PlotW / 2.0);
            double Y(double value) => Top + PlotH - (value / maxY * PlotH);
            foreach (var r in rows)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(r["series"]):F0}\" y=\"{Top + PlotH + 14}\" text-anchor=\"middle\">{Short(r["series"])}</text>\n");
            }

            for (var k = 0; k < keys.Length; k++)
            {
                var points = rows.Where(r => r.TryGetValue(keys[k], out var v) && double.IsFinite(v)).Select(r => $"{X(r["series"]):F1},{Y(r[keys[k]]):F1}").ToList();
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colors[k]}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>\n");
                foreach (var point in points)
                {
                    var xy = point.Split(',');
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3\" fill=\"{colors[k]}\"/>\n");
                }

                if (keys.Length > 1)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{ox + Left + 6}\" y=\"{Top + 14 + (k * 13)}\" fill=\"{colors[k]}\">{keys[k].Replace("latency_", "", StringComparison.Ordinal).Replace("_s", "", StringComparison.Ordinal)}</text>\n");
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{ox + Left + (PlotW / 2)}\" y=\"{Height - 8}\" text-anchor=\"middle\">active series (log scale)</text>\n");
        }

        svg.Append("</svg>\n");
        File.WriteAllText(output, svg.ToString());
        Console.WriteLine($"{rows.Count} rows → {output}");
        return 0;
    }

    private static Dictionary<string, double> Parse(string line) =>
        line["cost-row:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('='))
            .ToDictionary(f => f[0], f => double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN, StringComparer.Ordinal);

    private static string Short(double n) => n >= 1e6 ? $"{n / 1e6:G3}M" : n >= 1e3 ? $"{n / 1e3:G3}k" : $"{n:G3}";
}
