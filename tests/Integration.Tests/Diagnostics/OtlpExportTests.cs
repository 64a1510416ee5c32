using System.Text;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Google.Protobuf;

namespace AzLocalMonitor.Integration.Tests.Diagnostics;

/// <summary>
/// With <c>Otel:Endpoint</c> set, Rules sends its own traces, metrics and logs over OTLP/HTTP protobuf: one quorum
/// loss yields an <c>ingest</c> span, a child <c>evaluate</c> span and a <c>notify</c> span, each naming the cluster.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task RulesOwnTelemetry_ReachesAnOtlpReceiver()
    {
        const string cluster = "otel-traced";
        await using var receiver = OtlpReceiver.Start();
        using var alertmanager = new CapturingHttpServer();
        var alertmanagerBase = alertmanager.Url.ToString().Replace("/hook/", "/hook", StringComparison.Ordinal);
        await using var rules = await RunningRules.StartAsync(
            "--Alertmanager:Url", alertmanagerBase, "--Otel:Endpoint", receiver.BaseAddress.ToString(), "--Otel:MetricInterval", "00:00:01");
        using var http = new HttpClient { BaseAddress = rules.BaseAddress };

        var request = new Otlp(cluster, "node-1").Gauge(Instruments.ClusterQuorum, 0).Build();
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new("application/x-protobuf");
        (await http.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content)).EnsureSuccessStatusCode();
        await alertmanager.WaitForBodyAsync(b => b.Contains(cluster, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var spans = await Poll.UntilAsync(
            () =>
            {
                var ours = receiver.Received("/v1/traces").SelectMany(OtlpSpans.Read)
                    .Where(s => s.Attributes.GetValueOrDefault("azlocal.cluster") == cluster).ToList();
                return Task.FromResult(new[] { "ingest", "evaluate", "notify" }.All(n => ours.Any(s => s.Name == n)) ? ours : null);
            },
            TimeSpan.FromSeconds(60), "ingest, evaluate and notify spans at the OTLP receiver",
            () => string.Join('\n', receiver.Received("/v1/traces").SelectMany(OtlpSpans.Read).Select(s => $"{s.Name} {string.Join(',', s.Attributes)}")));

        var ingest = spans.First(s => s.Name == "ingest");
        Assert.Contains(spans, s => s.Name == "evaluate" && s.ParentSpanId == ingest.SpanId);

        var metrics = await Poll.UntilAsync(
            () => Task.FromResult(receiver.Received("/v1/metrics").Select(ExportMetricsServiceRequest.Parser.ParseFrom)
                .SelectMany(r => r.ResourceMetrics).SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics)
                .FirstOrDefault(m => m.Name == "azlm_ingest_samples_total")),
            TimeSpan.FromSeconds(60), "azlm_ingest_samples_total at the OTLP receiver");
        Assert.NotNull(metrics.Sum);

        // Auth:Mode=none (the test's) is logged as a warning at start: it arrives as an OTLP log record.
        await Poll.UntilAsync(
            () => Task.FromResult(receiver.Received("/v1/logs").Any(b => Encoding.UTF8.GetString(b).Contains("NO AUTHENTICATION", StringComparison.Ordinal)) ? "logged" : null),
            TimeSpan.FromSeconds(60), "the start-up warning at the OTLP receiver");
    }
}
