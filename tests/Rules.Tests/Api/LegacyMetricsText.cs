using System.Globalization;
using System.Text;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Api;

/// <summary>
/// The oracle for the streamed /metrics: the endpoint as it was before streaming (commit cddbaed,
/// src/Rules/Api/MetricsEndpoint.cs and Exposition/PrometheusTextWriter.cs), which gathered every family in memory,
/// sorted each family's samples by their label sets' ToString() and built one string. Kept here unchanged in
/// substance (contributors and self-metrics left out: the streamed endpoint writes those as before).
/// </summary>
internal static class LegacyMetricsText
{
    private static readonly Dictionary<string, MetricDefinition> CatalogByPrometheusName =
        MetricCatalog.All.ToDictionary(d => d.PrometheusName, StringComparer.Ordinal);

    public static string Build(SeriesStore store, AlertBook book, long nowMs, long staleMs)
    {
        var families = new SortedDictionary<string, (MetricKind Kind, List<(LabelSet Labels, double Value)> Samples)>(StringComparer.Ordinal);
        var alerts = new List<(LabelSet Labels, double Value)>();
        var alertsForState = new List<(LabelSet Labels, double Value)>();
        var nodeReports = new List<(LabelSet Labels, double Value)>();
        var clusterReports = new List<(LabelSet Labels, double Value)>();
        var clusterFirstReports = new List<(LabelSet Labels, double Value)>();

        foreach (var cluster in store.Clusters.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            lock (cluster.Gate)
            {
                foreach (var metric in cluster.Metrics)
                {
                    foreach (var series in cluster.SeriesOf(metric))
                    {
                        if (!series.IsFresh(nowMs, staleMs))
                        {
                            continue;
                        }

                        if (!families.TryGetValue(metric, out var family))
                        {
                            family = (series.Kind, []);
                            families.Add(metric, family);
                        }

                        family.Samples.Add((series.Labels, series.Value));
                    }
                }

                foreach (var alert in book.Find(cluster.Name)?.All ?? [])
                {
                    if (alert.State != AlertState.Inactive)
                    {
                        var state = alert.State == AlertState.Firing ? "firing" : "pending";
                        var labels = alert.Labels.With("alertstate", state);
                        if (alert.MutedStage is { } stage && alert.MutedBy is not null)
                        {
                            labels = labels.With("muted_by", stage.ToString().ToLowerInvariant());
                        }

                        alerts.Add((labels, 1));
                        alertsForState.Add((alert.Labels, alert.ActiveAt.ToUnixTimeMilliseconds() / 1000.0));
                    }
                }

                foreach (var (node, last) in cluster.NodeLastSelfReportMs)
                {
                    nodeReports.Add((LabelSet.Of("cluster", cluster.Name, "node", node), last / 1000.0));
                }

                clusterReports.Add((LabelSet.Of("cluster", cluster.Name), cluster.LastReportMs / 1000.0));
                clusterFirstReports.Add((LabelSet.Of("cluster", cluster.Name), cluster.FirstReportMs / 1000.0));
            }
        }

        var sb = new StringBuilder();
        foreach (var (name, family) in families)
        {
            var help = CatalogByPrometheusName.TryGetValue(name, out var definition) ? definition.Help : "Received over OTLP.";
            WriteFamily(sb, name, family.Kind == MetricKind.Counter ? "counter" : "gauge", help, family.Samples);
        }

        WriteFamily(sb, "ALERTS", "gauge", "Pending and firing alerts (1 per alert), as Prometheus exposes them; muted_by = inhibition, maintenance or silence when held back.", alerts);
        WriteFamily(sb, "ALERTS_FOR_STATE", "gauge", "When each pending or firing alert became active (Unix seconds), as Prometheus exposes it.", alertsForState);
        WriteFamily(sb, "azlm_node_last_report_timestamp_seconds", "gauge", "When each node last reported its own telemetry.", nodeReports);
        WriteFamily(sb, "azlm_cluster_last_report_timestamp_seconds", "gauge", "When any node of each cluster last reported.", clusterReports);
        WriteFamily(sb, "azlm_cluster_first_report_timestamp_seconds", "gauge", "When Rules first heard from each cluster since it started (0: known before a restart); AzLocalTelemetryLost needs the two to be far enough apart.", clusterFirstReports);

        // What Results.Text sent: the string as UTF-8.
        return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static void WriteFamily(StringBuilder sb, string name, string type, string help, List<(LabelSet Labels, double Value)> samples)
    {
        sb.Append("# HELP ").Append(name).Append(' ');
        AppendEscaped(sb, help, escapeQuotes: false);
        sb.Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var (labels, value) in samples.OrderBy(s => s.Labels.ToString(), StringComparer.Ordinal))
        {
            sb.Append(name);
            if (labels.Count > 0)
            {
                sb.Append('{');
                for (var i = 0; i < labels.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    sb.Append(labels[i].Key).Append("=\"");
                    AppendEscaped(sb, labels[i].Value, escapeQuotes: true);
                    sb.Append('"');
                }

                sb.Append('}');
            }

            sb.Append(' ').Append(value switch
            {
                double.PositiveInfinity => "+Inf",
                double.NegativeInfinity => "-Inf",
                _ when double.IsNaN(value) => "NaN",
                _ => value.ToString("R", CultureInfo.InvariantCulture),
            }).Append('\n');
        }
    }

    private static void AppendEscaped(StringBuilder sb, string text, bool escapeQuotes)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '"' when escapeQuotes:
                    sb.Append("\\\"");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }
}
