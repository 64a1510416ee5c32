using System.Net.Http.Headers;
using System.Text;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using AzLocalMonitor.Telemetry.Otlp.Resource;
using Google.Protobuf;

namespace AzLocalMonitor.Integration.Tests.Alerting;

/// <summary>
/// The differential test: a real Prometheus runs the rules generated from the policy while scraping Rules'
/// /metrics, Rules evaluates the same policy on the same data, and both must agree on which alerts fire.
/// Both use a policy with every <c>for</c> shortened to 2 s so the run takes seconds.
/// </summary>
public sealed class PrometheusDifferentialTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("azlm-diff-").FullName;

    [Fact]
    public async Task Prometheus_RunningTheGeneratedRules_AgreesWithRules()
    {
        var fastPolicy = Path.Combine(_directory, "fast.yaml");
        var overrides = new StringBuilder("alerts:\n");
        foreach (var rule in DefaultPolicy.Load().Rules.Select(r => r.Definition))
        {
            overrides.Append($"  - alert: {rule.Name}\n    severity: {rule.Severity}\n    for: 2s\n    keep_firing_for: 0s\n");
        }

        await File.WriteAllTextAsync(fastPolicy, overrides.ToString());
        var policy = new PolicyLoader(ConditionCatalog.Default).LoadFiles([DefaultPolicy.FilePath, fastPolicy]);
        var rulesFile = Path.Combine(_directory, "azlocal.rules.yml");
        await File.WriteAllTextAsync(rulesFile, PrometheusRulesWriter.Write(policy, "test"));

        await using var rules = await RulesServer.StartAsync(null, "--Policy:Files:0", fastPolicy, "--Policy:Watch", "false");
        await using var prometheus = await PrometheusServer.StartAsync(rules.Authority, rulesFile);
        using var http = new HttpClient { BaseAddress = rules.BaseAddress };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var feeding = FeedAsync(http, stop.Token);

        HashSet<string>? inRules = null;
        HashSet<string>? inPrometheus = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            inRules = await FiringInRulesAsync(http);
            inPrometheus = (await prometheus.QueryAsync(http, "ALERTS{alertstate=\"firing\"}"))
                .Select(e => Key(e.GetProperty("metric").GetProperty("alertname").GetString()!, e.GetProperty("metric").GetProperty("cluster").GetString()!,
                    e.GetProperty("metric").GetProperty("severity").GetString()!))
                .ToHashSet();
            if (inRules.Count >= 6 && inRules.SetEquals(inPrometheus))
            {
                break;
            }
        }

        await stop.CancelAsync();
        await feeding;
        Assert.NotNull(inRules);
        Assert.Equal(inRules.Order(), inPrometheus!.Order());
        Assert.Contains(Key("AzLocalQuorumLost", "diff-quorum", "critical"), inRules);
        Assert.Contains(Key("AzLocalNodeDown", "diff-node", "critical"), inRules);
        Assert.Contains(Key("AzLocalCpuHigh", "diff-node", "warning"), inRules);
        Assert.Contains(Key("AzLocalVolumeCapacityHigh", "diff-volume", "critical"), inRules);
        Assert.Contains(Key("AzLocalVolumeCapacityHigh", "diff-volume", "warning"), inRules);
        Assert.DoesNotContain(inRules, k => k.Contains("diff-healthy", StringComparison.Ordinal));
    }

    private static string Key(string alert, string cluster, string severity) => $"{alert}/{cluster}/{severity}";

    private static async Task<HashSet<string>> FiringInRulesAsync(HttpClient http)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/alerts", UriKind.Relative)));
        return doc.RootElement.GetProperty("alerts").EnumerateArray()
            .Where(a => a.GetProperty("state").GetString() == "firing")
            .Select(a => Key(a.GetProperty("name").GetString()!, a.GetProperty("labels").GetProperty("cluster").GetString()!, a.GetProperty("severity").GetString()!))
            .ToHashSet();
    }

    /// <summary>Four clusters report every second: quorum lost, a node down with a hot peer, a full volume, and a healthy one.</summary>
    private static async Task FeedAsync(HttpClient http, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000UL;
            foreach (var request in new[]
            {
                Cluster("diff-quorum", now, quorum: 0, present: 1, down: ["node-2", "node-3"], cpu: 0.3, volumeUsed: 0.5),
                Cluster("diff-node", now, quorum: 1, present: 3, down: ["node-2"], cpu: 0.92, volumeUsed: 0.5, configured: 4),
                Cluster("diff-volume", now, quorum: 1, present: 3, down: [], cpu: 0.3, volumeUsed: 0.95),
                Cluster("diff-healthy", now, quorum: 1, present: 3, down: [], cpu: 0.3, volumeUsed: 0.5),
            })
            {
                using var content = new ByteArrayContent(request.ToByteArray());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
                using var response = await http.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content, CancellationToken.None);
                response.EnsureSuccessStatusCode();
            }

            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static ExportMetricsServiceRequest Cluster(string cluster, ulong now, int quorum, int present, string[] down, double cpu, double volumeUsed, int configured = 3)
    {
        var metrics = new List<Metric>
        {
            Gauge(Instruments.ClusterQuorum, now, (quorum, [])),
            Gauge(Instruments.ClusterVotesConfigured, now, (configured, [])),
            Gauge(Instruments.ClusterVotesPresent, now, (present, [])),
            Gauge(Instruments.NodeCpuUtilization, now, (cpu, [])),
            Gauge(Instruments.StorageVolumeSize, now, (1e12, [("volume", "db")])),
            Gauge(Instruments.StorageVolumeUsed, now, (volumeUsed * 1e12, [("volume", "db")])),
            Gauge(Instruments.NodeState, now, [.. new[] { "node-1", "node-2", "node-3" }.SelectMany(node =>
                MetricCatalog.States.Node.Select(s => ((double)(s == (down.Contains(node) ? "down" : "up") ? 1 : 0), new (string, string)[] { ("node", node), ("state", s) })))]),
        };
        var resource = new Resource { Attributes = { Kv("azlocal.cluster", cluster), Kv("host.name", "node-1") } };
        return new ExportMetricsServiceRequest { ResourceMetrics = { new ResourceMetrics { Resource = resource, ScopeMetrics = { new ScopeMetrics { Metrics = { metrics } } } } } };
    }

    private static Metric Gauge(string name, ulong now, params (double Value, (string Key, string Value)[] Attributes)[] points)
    {
        var gauge = new Gauge();
        foreach (var (value, attributes) in points)
        {
            var point = new NumberDataPoint { AsDouble = value, TimeUnixNano = now };
            point.Attributes.AddRange(attributes.Select(a => Kv(a.Key, a.Value)));
            gauge.DataPoints.Add(point);
        }

        return new Metric { Name = name, Gauge = gauge };
    }

    private static KeyValue Kv(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
