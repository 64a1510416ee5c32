using System.IO.Pipelines;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Conditions;
using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// <c>GET /metrics</c>: every fresh series received (catalog names), an <c>ALERTS</c> series per pending or
/// firing alert (as Prometheus exposes its own), report times per node and cluster, and self-metrics (written by
/// the OpenTelemetry Prometheus exporter, see <see cref="SelfMetricsExposition"/>).
/// Streamed: the text format wants each family's samples together, so families are outermost and each family
/// visits the clusters one gate at a time, copying that cluster's fresh samples (references and values) out and
/// writing them after the gate is released; the response is flushed every 64 KiB (<see cref="MetricsScrape"/>). A scrape
/// of 2 M series holds one cluster's samples of one metric, not the whole text.
/// </summary>
public static class MetricsEndpoint
{
    /// <summary>The ALERTS label naming what holds a muted alert back.</summary>
    public const string MutedByLabel = "muted_by";

    private static readonly Dictionary<string, MetricDefinition> CatalogByPrometheusName =
        MetricCatalog.All.ToDictionary(d => d.PrometheusName, StringComparer.Ordinal);

    public static async Task<IResult> HandleAsync(HttpContext http, SeriesStore store, AlertBook book, SelfMetricsExposition self, TimeProvider time, IOptions<SeriesOptions> seriesOptions,
        [Microsoft.AspNetCore.Mvc.FromServices] IEnumerable<IMetricsContributor> contributors)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(seriesOptions);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var staleMs = (long)seriesOptions.Value.StaleAfter.TotalMilliseconds;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = PrometheusTextWriter.ContentType;
        var body = http.Response.BodyWriter;
        await WriteAsync(body, store, book, nowMs, staleMs, contributors, http.RequestAborted).ConfigureAwait(false);

        // Rules' own azlm_* instruments, through the OpenTelemetry Prometheus exporter (Diagnostics/SelfMetrics).
        await self.WriteToAsync(body, http).ConfigureAwait(false);
        await body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>Writes everything but the self-metrics: received series, ALERTS, report times, contributors.</summary>
    public static async Task WriteAsync(PipeWriter output, SeriesStore store, AlertBook book, long nowMs, long staleMs, IEnumerable<IMetricsContributor> contributors, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(contributors);
        var scrape = new MetricsScrape(output, new PrometheusTextWriter(output), store, cancellation);
        foreach (var (metric, clusterMajor) in scrape.Families)
        {
            var help = CatalogByPrometheusName.TryGetValue(metric, out var definition) ? definition.Help : "Received over OTLP.";
            await scrape.FamilyAsync(metric, type: null, help, clusterMajor, (cluster, samples) =>
            {
                foreach (var series in cluster.SeriesOf(metric))
                {
                    if (series.IsFresh(nowMs, staleMs))
                    {
                        samples.Add(series.Labels, series.Value, series.Kind);
                    }
                }
            }).ConfigureAwait(false);
        }

        // alertname sorts before cluster: the ALERTS families are gathered whole (one sample per active alert).
        await scrape.FamilyAsync("ALERTS", "gauge", "Pending and firing alerts (1 per alert), as Prometheus exposes them; muted_by = inhibition, maintenance or silence when held back.", clusterMajor: false, (cluster, samples) =>
        {
            foreach (var alert in book.Find(cluster.Name)?.All ?? [])
            {
                if (alert.State != AlertState.Inactive)
                {
                    var labels = alert.Labels.With("alertstate", alert.State == AlertState.Firing ? "firing" : "pending");

                    // muted_by names the stage (inhibition, maintenance, silence), not the text: a bounded label
                    // that lets a dashboard count what pages (ALERTS{muted_by=""}) apart from what is held back.
                    if (alert.MutedStage is { } stage && alert.MutedBy is not null)
                    {
                        labels = labels.With(MutedByLabel, stage.ToString().ToLowerInvariant());
                    }

                    samples.Add(labels, 1, MetricKind.Gauge);
                }
            }
        }).ConfigureAwait(false);
        await scrape.FamilyAsync("ALERTS_FOR_STATE", "gauge", "When each pending or firing alert became active (Unix seconds), as Prometheus exposes it.", clusterMajor: false, (cluster, samples) =>
        {
            foreach (var alert in book.Find(cluster.Name)?.All ?? [])
            {
                if (alert.State != AlertState.Inactive)
                {
                    samples.Add(alert.Labels, alert.ActiveAt.ToUnixTimeMilliseconds() / 1000.0, MetricKind.Gauge);
                }
            }
        }).ConfigureAwait(false);
        await scrape.FamilyAsync(CatalogNames.NodeLastReport, "gauge", "When each node last reported its own telemetry.", scrape.ClusterMajorPossible, (cluster, samples) =>
        {
            foreach (var (node, last) in cluster.NodeLastSelfReportMs)
            {
                samples.Add(LabelSet.Of("cluster", cluster.Name, "node", node), last / 1000.0, MetricKind.Gauge);
            }
        }).ConfigureAwait(false);
        await scrape.FamilyAsync(CatalogNames.ClusterLastReport, "gauge", "When any node of each cluster last reported.", scrape.ClusterMajorPossible,
            (cluster, samples) => samples.Add(LabelSet.Of("cluster", cluster.Name), cluster.LastReportMs / 1000.0, MetricKind.Gauge)).ConfigureAwait(false);
        await scrape.FamilyAsync(CatalogNames.ClusterFirstReport, "gauge", "When Rules first heard from each cluster since it started (0: known before a restart); AzLocalTelemetryLost needs the two to be far enough apart.", scrape.ClusterMajorPossible,
            (cluster, samples) => samples.Add(LabelSet.Of("cluster", cluster.Name), cluster.FirstReportMs / 1000.0, MetricKind.Gauge)).ConfigureAwait(false);
        foreach (var contributor in contributors)
        {
            contributor.WriteTo(scrape.Writer);
            await scrape.FlushIfDueAsync().ConfigureAwait(false);
        }

        scrape.Writer.Flush();
    }
}
