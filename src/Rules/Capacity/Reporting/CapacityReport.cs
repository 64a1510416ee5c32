using System.Globalization;
using System.Net;
using System.Text;
using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Capacity.Reporting;

/// <summary>
/// The capacity report: one self-contained HTML page (inline CSS and SVG, nothing fetched) with, per cluster, the
/// capacity model now, the key dates per resource and quantile, and a chart per resource.
/// </summary>
public static class CapacityReport
{
    /// <summary>Renders <paramref name="clusters"/>; <paramref name="progress"/> is told after each cluster.</summary>
    public static string Render(IReadOnlyList<ClusterCapacity> clusters, string title, Action<ClusterCapacity>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
          .Append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}")
          .Append("th{background:#f0f0f0}.late{color:#d62728;font-weight:bold}.soon{color:#e6550d}section.cluster{margin-bottom:40px}.note{color:#555;font-size:90%}")
          .Append("</style></head><body><h1>").Append(E(title)).Append("</h1>");
        var generated = clusters.Count > 0 ? clusters.Max(c => c.GeneratedAt) : DateTimeOffset.UnixEpoch;
        sb.Append("<p class=\"note\">Generated ").Append(generated.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
          .Append(". Forecast quantiles: P10/P50/P90; crossing dates: 0.1 = earliest (P90 path), 0.5 = median, 0.9 = latest (P10 path). ")
          .Append("Policy: storage 80% of (raw − reserve), memory 80%, CPU 80%, N+1 at 100% of what remains after losing the largest node.</p>");
        Fleet(sb, clusters);
        foreach (var cluster in clusters)
        {
            Cluster(sb, cluster);
            progress?.Invoke(cluster);
        }

        return sb.Append("</body></html>").ToString();
    }

    private static void Fleet(StringBuilder sb, IReadOnlyList<ClusterCapacity> clusters)
    {
        sb.Append("<h2>Key dates</h2><table class=\"key-dates\"><tr><th>Cluster</th><th>Resource</th><th>Now</th><th>Method</th><th>Earliest (0.1)</th><th>Median (0.5)</th><th>Latest (0.9)</th></tr>");
        foreach (var cluster in clusters)
        {
            foreach (var r in cluster.Resources.Where(r => r.IsRatio))
            {
                sb.Append("<tr><td>").Append(E(cluster.Cluster)).Append("</td><td>").Append(E(r.Resource)).Append("</td><td>").Append(Pct(r.Current))
                  .Append("</td><td>").Append(E(r.Method)).Append("</td>");
                foreach (var q in ResourceForecast.Quantiles)
                {
                    sb.Append("<td>").Append(r.Crossing.TryGetValue(q, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "beyond horizon").Append("</td>");
                }

                sb.Append("</tr>");
            }
        }

        sb.Append("</table>");
    }

    private static void Cluster(StringBuilder sb, ClusterCapacity cluster)
    {
        sb.Append("<section class=\"cluster\"><h2>").Append(E(cluster.Cluster)).Append("</h2>");
        if (cluster.Snapshot is { } s)
        {
            var n1 = s.NPlusOne;
            var t = s.Tolerance;
            sb.Append("<table class=\"model\">")
              .Append(Row("Nodes", $"{s.Nodes} ({s.Media}{(s.Witness ? ", witness" : string.Empty)})"))
              .Append(Row("Pool raw / reserve / allocated", $"{Units.Tb(s.RawBytes)} / {Units.Tb(s.ReserveBytes)} / {Units.Tb(s.AllocatedBytes)}"))
              .Append(Row("Usable (raw − reserve) × efficiency", cluster.UsableBytes is { } u ? Units.Tb(u) : "no volumes reported"))
              .Append(Row("N+1 (lose the largest node)", $"memory {Pct(n1.MemoryRatio)}, storage {Pct(n1.StorageRatio)}, CPU {Pct(n1.CpuRatio)}: {n1.Verdict}"))
              .Append(Row("Fault tolerance (node failures)", $"storage {t.Storage}, quorum {t.Quorum}: cluster {t.Cluster} (limited by {t.LimitedBy})"))
              .Append("</table>");
            foreach (var note in n1.Notes.Concat(s.Notes))
            {
                sb.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
            }
        }

        foreach (var r in cluster.Resources)
        {
            sb.Append("<h3>").Append(E(r.Resource)).Append("</h3><p class=\"note\">Method ").Append(E(r.Method))
              .Append(Inv($", backtest MAE {r.Score:G3} (least-squares line {r.BaselineScore:G3}; in the forecast series' units)"));
            if (r.StepAt is { } step)
            {
                sb.Append(", step change detected on ").Append(step.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(" (forecast from the new level)");
            }

            sb.Append(".</p>").Append(SvgChart.Render(r, cluster.Cluster, cluster.GeneratedAt));
        }

        foreach (var note in cluster.Notes)
        {
            sb.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
        }

        sb.Append("</section>");
    }

    private static string Row(string name, string value) => $"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>";

    private static string Pct(double v) => double.IsFinite(v) ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
