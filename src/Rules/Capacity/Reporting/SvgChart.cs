using System.Globalization;
using System.Net;
using System.Text;

namespace AzLocalMonitor.Rules.Capacity.Reporting;

/// <summary>
/// Draws one resource as inline SVG (no script, no network) for people who read charts: history (solid), the
/// forecast (dashed P50 from the last observation, P10–P90 band with its edges drawn so a narrow band stays
/// visible), the policy line, a "today" marker, the median crossing annotated with its date, round y ticks and a
/// legend. Elements carry classes the tests look for.
/// </summary>
public static class SvgChart
{
    private const int Width = 760;
    private const int Height = 290;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 62;

    /// <summary>The SVG of <paramref name="resource"/>; <paramref name="today"/> marks now (default: the last observation).</summary>
    public static string Render(ResourceForecast resource, string cluster, DateTimeOffset? today = null)
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
        var ticks = AxisTicks.Round(Math.Min(0, values.Min()), Math.Max(values.Max(), resource.IsRatio ? resource.Policy : double.MinValue));
        var (yMin, yMax) = (ticks[0], ticks[^1]);
        double X(DateTimeOffset t) => Left + ((t.ToUnixTimeMilliseconds() - t0) / (double)(t1 - t0) * (Width - Left - Right));
        double Y(double v) => Top + ((yMax - Math.Clamp(v, yMin, yMax)) / (yMax - yMin) * (Height - Top - Bottom));
        var plotBottom = Height - Bottom;

        var sb = new StringBuilder();
        sb.Append(Inv($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\""))
          .Append(WebUtility.HtmlEncode($"{cluster} {resource.Resource}")).Append("\">");
        sb.Append(Inv($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{plotBottom - Top}\" fill=\"#fafafa\" stroke=\"#ccc\"/>"));
        foreach (var v in ticks)
        {
            var y = Y(v);
            sb.Append(Inv($"<line class=\"y-tick\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#e4e4e4\"/>"));
            sb.Append(Inv($"<text x=\"{Left - 4}\" y=\"{y + 4:F1}\" font-size=\"10\" text-anchor=\"end\">{Label(v, resource.IsRatio)}</text>"));
        }

        for (var i = 0; i <= 4; i++)
        {
            var t = DateTimeOffset.FromUnixTimeMilliseconds(t0 + ((t1 - t0) * i / 4));
            var anchor = i == 0 ? "start" : i == 4 ? "end" : "middle";
            sb.Append(Inv($"<text x=\"{X(t):F1}\" y=\"{plotBottom + 14}\" font-size=\"10\" text-anchor=\"{anchor}\">{t:yyyy-MM-dd}</text>"));
        }

        var last = resource.History.Count > 0 ? resource.History[^1] : null;
        if (resource.Points.Count > 0)
        {
            var band = resource.Points.Select(p => Inv($"{X(p.Timestamp):F1},{Y(p.P90):F1}"))
                .Concat(resource.Points.AsEnumerable().Reverse().Select(p => Inv($"{X(p.Timestamp):F1},{Y(p.P10):F1}")));
            sb.Append("<polygon class=\"forecast-band\" fill=\"#6baed6\" fill-opacity=\"0.35\" stroke=\"#6baed6\" stroke-width=\"1\" points=\"").AppendJoin(' ', band).Append("\"/>");
            // The P50 starts at the last observation so the forecast continues the history without a gap or a step.
            var p50 = resource.Points.Select(p => Inv($"{X(p.Timestamp):F1},{Y(p.P50):F1}"));
            if (last is not null)
            {
                p50 = p50.Prepend(Inv($"{X(last.Timestamp):F1},{Y(last.Value):F1}"));
            }

            sb.Append("<polyline class=\"forecast-p50\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\" stroke-dasharray=\"7 4\" points=\"").AppendJoin(' ', p50).Append("\"/>");
        }

        if (resource.History.Count > 0)
        {
            sb.Append("<polyline class=\"history\" fill=\"none\" stroke=\"#222\" stroke-width=\"1.5\" points=\"")
              .AppendJoin(' ', resource.History.Select(h => Inv($"{X(h.Timestamp):F1},{Y(h.Value):F1}"))).Append("\"/>");
        }

        if (resource.IsRatio && double.IsFinite(resource.Policy))
        {
            var y = Y(resource.Policy);
            sb.Append(Inv($"<line class=\"threshold\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#d62728\" stroke-dasharray=\"6 4\"/>"));
            sb.Append(Inv($"<text x=\"{Left + 4}\" y=\"{y - 4:F1}\" font-size=\"10\" fill=\"#d62728\">policy {Percent(resource.Policy)}</text>"));
        }

        var now = today is { } d && d.ToUnixTimeMilliseconds() >= t0 && d.ToUnixTimeMilliseconds() <= t1 ? d : last?.Timestamp;
        if (now is { } n)
        {
            var x = X(n);
            sb.Append(Inv($"<line class=\"today\" x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"{Top}\" y2=\"{plotBottom}\" stroke=\"#555\" stroke-dasharray=\"2 3\"/>"));
            sb.Append(Inv($"<text x=\"{x + 3:F1}\" y=\"{Top + 11}\" font-size=\"10\" fill=\"#555\">today</text>"));
        }

        if (resource.Crossing.TryGetValue("0.5", out var at))
        {
            var x = X(at);
            var anchor = x > Width - 180 ? "end" : "start";
            var dx = anchor == "end" ? -4 : 4;
            sb.Append(Inv($"<line class=\"crossing\" x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"{Top}\" y2=\"{plotBottom}\" stroke=\"#d62728\"/>"));
            sb.Append(Inv($"<text class=\"crossing-label\" x=\"{x + dx:F1}\" y=\"{Top + 24}\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"{anchor}\" fill=\"#d62728\">crosses {Percent(resource.Policy)} (median) {at:yyyy-MM-dd}</text>"));
        }

        Legend(sb, resource.IsRatio && double.IsFinite(resource.Policy));
        return sb.Append("</svg>").ToString();
    }

    private static void Legend(StringBuilder sb, bool policy)
    {
        var y = Height - 16;
        var x = Left;
        sb.Append("<g class=\"legend\" font-size=\"10\">");
        void Item(string swatch, string text, int width)
        {
            sb.Append(swatch).Append(Inv($"<text x=\"{x + 26}\" y=\"{y + 4}\">{text}</text>"));
            x += width;
        }

        Item(Inv($"<line x1=\"{x}\" x2=\"{x + 22}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#222\" stroke-width=\"1.5\"/>"), "history", 80);
        Item(Inv($"<line x1=\"{x}\" x2=\"{x + 22}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#08519c\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>"), "forecast P50", 110);
        Item(Inv($"<rect x=\"{x}\" y=\"{y - 5}\" width=\"22\" height=\"10\" fill=\"#6baed6\" fill-opacity=\"0.35\" stroke=\"#6baed6\"/>"), "P10–P90", 90);
        if (policy)
        {
            Item(Inv($"<line x1=\"{x}\" x2=\"{x + 22}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#d62728\" stroke-dasharray=\"6 4\"/>"), "policy", 80);
        }

        Item(Inv($"<line x1=\"{x + 11}\" x2=\"{x + 11}\" y1=\"{y - 6}\" y2=\"{y + 6}\" stroke=\"#555\" stroke-dasharray=\"2 3\"/>"), "today", 70);
        sb.Append("</g>");
    }

    private static string Label(double v, bool ratio) => ratio ? Percent(v) : v.ToString("G3", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
