using System.Globalization;
using System.Net;
using System.Text;

namespace AzLocalMonitor.Rules.Capacity.Reporting;

/// <summary>
/// Draws one resource as inline SVG (no script, no network): history line, P10–P90 forecast band, P50 line,
/// the policy threshold, and a marker at the median crossing. Elements carry classes the tests look for.
/// </summary>
public static class SvgChart
{
    private const int Width = 760;
    private const int Height = 260;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 36;

    /// <summary>The SVG of <paramref name="resource"/>.</summary>
    public static string Render(ResourceForecast resource, string cluster)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var times = resource.History.Select(h => h.Timestamp).Concat(resource.Points.Select(p => p.Timestamp)).ToList();
        var values = resource.History.Select(h => h.Value).Concat(resource.Points.SelectMany(p => new[] { p.P10, p.P90 })).Where(double.IsFinite).ToList();
        if (times.Count < 2 || values.Count == 0)
        {
            return "<p class=\"no-chart\">Not enough history to draw.</p>";
        }

        var t0 = times.Min().ToUnixTimeMilliseconds();
        var t1 = Math.Max(t0 + 1, times.Max().ToUnixTimeMilliseconds());
        var yMax = Math.Max(values.Max(), resource.IsRatio ? Math.Max(resource.Policy, 1) : 0) * 1.05;
        var yMin = Math.Min(0, values.Min());
        double X(DateTimeOffset t) => Left + ((t.ToUnixTimeMilliseconds() - t0) / (double)(t1 - t0) * (Width - Left - Right));
        double Y(double v) => Top + ((yMax - v) / (yMax - yMin) * (Height - Top - Bottom));

        var sb = new StringBuilder();
        sb.Append(Inv($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\""))
          .Append(WebUtility.HtmlEncode($"{cluster} {resource.Resource}")).Append("\">");
        sb.Append(Inv($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"#fafafa\" stroke=\"#ccc\"/>"));
        for (var i = 0; i <= 4; i++)
        {
            var v = yMin + ((yMax - yMin) * i / 4);
            var y = Y(v);
            sb.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#eee\"/>"));
            sb.Append(Inv($"<text x=\"{Left - 4}\" y=\"{y + 4:F1}\" font-size=\"10\" text-anchor=\"end\">{Label(v, resource.IsRatio)}</text>"));
        }

        foreach (var (t, anchor) in new[] { (times.Min(), "start"), (DateTimeOffset.FromUnixTimeMilliseconds((t0 + t1) / 2), "middle"), (times.Max(), "end") })
        {
            sb.Append(Inv($"<text x=\"{X(t):F1}\" y=\"{Height - 12}\" font-size=\"10\" text-anchor=\"{anchor}\">{t:yyyy-MM-dd}</text>"));
        }

        if (resource.Points.Count > 0)
        {
            var band = resource.Points.Select(p => Inv($"{X(p.Timestamp):F1},{Y(p.P90):F1}"))
                .Concat(resource.Points.AsEnumerable().Reverse().Select(p => Inv($"{X(p.Timestamp):F1},{Y(p.P10):F1}")));
            sb.Append("<polygon class=\"forecast-band\" fill=\"#9ecae1\" fill-opacity=\"0.5\" stroke=\"none\" points=\"").AppendJoin(' ', band).Append("\"/>");
            sb.Append("<polyline class=\"forecast-p50\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\" points=\"")
              .AppendJoin(' ', resource.Points.Select(p => Inv($"{X(p.Timestamp):F1},{Y(p.P50):F1}"))).Append("\"/>");
        }

        if (resource.History.Count > 0)
        {
            sb.Append("<polyline class=\"history\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\" points=\"")
              .AppendJoin(' ', resource.History.Select(h => Inv($"{X(h.Timestamp):F1},{Y(h.Value):F1}"))).Append("\"/>");
        }

        if (resource.IsRatio && double.IsFinite(resource.Policy))
        {
            var y = Y(resource.Policy);
            sb.Append(Inv($"<line class=\"threshold\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#d62728\" stroke-dasharray=\"6 4\"/>"));
            sb.Append(Inv($"<text x=\"{Width - Right - 4}\" y=\"{y - 4:F1}\" font-size=\"10\" text-anchor=\"end\" fill=\"#d62728\">policy {resource.Policy:P0}</text>"));
        }

        if (resource.Crossing.TryGetValue("0.5", out var at))
        {
            var x = X(at);
            sb.Append(Inv($"<line class=\"crossing\" x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#d62728\"/>"));
        }

        return sb.Append("</svg>").ToString();
    }

    private static string Label(double v, bool ratio) => ratio ? v.ToString("P0", CultureInfo.InvariantCulture) : v.ToString("G3", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
