using AzLocalMonitor.Rules.Exposition;
using System.Text;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Conditions;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// <c>GET /metrics</c>: every fresh series received (catalog names), an <c>ALERTS</c> series per pending or
/// firing alert (as Prometheus exposes its own), report times per node and cluster, and self-metrics (written by
/// the OpenTelemetry Prometheus exporter, see <see cref="SelfMetricsExposition"/>).
/// </summary>
public static class MetricsEndpoint
{
    private static readonly Dictionary<string, MetricDefinition> CatalogByPrometheusName =
        MetricCatalog.All.ToDictionary(d => d.PrometheusName, StringComparer.Ordinal);

    public static async Task<IResult> HandleAsync(HttpContext http, SeriesStore store, AlertBook book, SelfMetricsExposition self, TimeProvider time, IOptions<SeriesOptions> seriesOptions,
        [Microsoft.AspNetCore.Mvc.FromServices] IEnumerable<IMetricsContributor> contributors)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(contributors);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(seriesOptions);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var staleMs = (long)seriesOptions.Value.StaleAfter.TotalMilliseconds;
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

                        // muted_by names the stage (inhibition, maintenance, silence), not the text: a bounded label
                        // that lets a dashboard count what pages (ALERTS{muted_by=""}) apart from what is held back.
                        if (alert.MutedStage is { } stage && alert.MutedBy is not null)
                        {
                            labels = labels.With(MutedByLabel, stage.ToString().ToLowerInvariant());
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

        var sb = new StringBuilder(64 * 1024);
        var writer = new PrometheusTextWriter(sb);
        foreach (var (name, family) in families)
        {
            var help = CatalogByPrometheusName.TryGetValue(name, out var definition) ? definition.Help : "Received over OTLP.";
            WriteFamily(writer, name, family.Kind == MetricKind.Counter ? "counter" : "gauge", help, family.Samples);
        }

        WriteFamily(writer, "ALERTS", "gauge", "Pending and firing alerts (1 per alert), as Prometheus exposes them; muted_by = inhibition, maintenance or silence when held back.", alerts);
        WriteFamily(writer, "ALERTS_FOR_STATE", "gauge", "When each pending or firing alert became active (Unix seconds), as Prometheus exposes it.", alertsForState);
        WriteFamily(writer, CatalogNames.NodeLastReport, "gauge", "When each node last reported its own telemetry.", nodeReports);
        WriteFamily(writer, CatalogNames.ClusterLastReport, "gauge", "When any node of each cluster last reported.", clusterReports);
        WriteFamily(writer, CatalogNames.ClusterFirstReport, "gauge", "When Rules first heard from each cluster since it started (0: known before a restart); AzLocalTelemetryLost needs the two to be far enough apart.", clusterFirstReports);
        foreach (var contributor in contributors)
        {
            contributor.WriteTo(writer);
        }

        // Rules' own azlm_* instruments, through the OpenTelemetry Prometheus exporter (Diagnostics/SelfMetrics).
        await self.AppendToAsync(sb, http).ConfigureAwait(false);

        return Results.Text(sb.ToString(), PrometheusTextWriter.ContentType);
    }

    /// <summary>The ALERTS label naming what holds a muted alert back.</summary>
    public const string MutedByLabel = "muted_by";

    private static void WriteFamily(PrometheusTextWriter writer, string name, string type, string help, List<(LabelSet Labels, double Value)> samples)
    {
        writer.Family(name, type, help);
        foreach (var (labels, value) in samples.OrderBy(s => s.Labels.ToString(), StringComparer.Ordinal))
        {
            writer.Sample(name, labels, value);
        }
    }
}
