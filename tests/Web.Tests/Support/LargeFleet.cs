using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using Google.Protobuf;

namespace AzLocalMonitor.Web.Tests.Support;

/// <summary>
/// A Rules of its own with a 500-cluster fleet (issue 16: the NOC view at real scale), 3 nodes each, reported once
/// over OTLP the way collectors do. Which cluster is broken, and how, is fixed by its index, so the expected counts
/// follow from these rules alone (the page and Rules' API are never asked):
/// <list type="bullet">
/// <item>every 25th cluster (index % 25 == 0) has lost quorum: AzLocalQuorumLost, critical;</item>
/// <item>otherwise every 10th has node n3 down (its peers say so): AzLocalNodeDown, critical;</item>
/// <item>otherwise every 7th runs n1 at 95% CPU: AzLocalCpuHigh, warning;</item>
/// <item>the rest are healthy, among them <see cref="HistoryCluster"/>, whose n2 went down, was silenced and came
/// back before the test looks: its history holds firing, muted, resolved.</item>
/// </list>
/// Nothing goes stale while the tests look (Series:StaleAfter and NodeSilenceAfter of an hour).
/// </summary>
public sealed class LargeFleet : IAsyncLifetime
{
    public const int Size = 500;
    public const string HistoryCluster = "fleet-001";
    public const string GrafanaUrl = "http://grafana.example.test:3000";

    private const string Policy = """
        alerts:
          - { alert: AzLocalNodeDown, for: 0s }
          - { alert: AzLocalCpuHigh, for: 0s }
        """;

    private RunningRules? _rules;

    public Uri BaseAddress => Rules.BaseAddress;

    private RunningRules Rules => _rules ?? throw new InvalidOperationException("Not started.");

    public static string Name(int index) => $"fleet-{index.ToString("000", CultureInfo.InvariantCulture)}";

    public static bool QuorumLost(int i) => i % 25 == 0;

    public static bool NodeDown(int i) => !QuorumLost(i) && i % 10 == 0;

    public static bool CpuHigh(int i) => !QuorumLost(i) && !NodeDown(i) && i % 7 == 0;

    public static IEnumerable<int> Indexes => Enumerable.Range(0, Size);

    public async Task InitializeAsync()
    {
        var policy = Path.Combine(Directory.CreateTempSubdirectory("azlm-fleet500-").FullName, "policy.yaml");
        await File.WriteAllTextAsync(policy, Policy);
        _rules = await RunningRules.StartAsync(
            "--Policy:Files:0", policy, "--Policy:Watch", "false", "--Series:StaleAfter", "01:00:00", "--Alerting:NodeSilenceAfter", "01:00:00",
            "--Web:GrafanaUrl", GrafanaUrl);

        // The history cluster's incident first: n2 down (fires), silenced (muted), back up (resolved).
        var t = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await PostClusterAsync(1, t, down: "n2");
        await ChangeAsync("/api/v1/silences", new { matchers = new[] { $"cluster=\"{HistoryCluster}\"", "alertname=\"AzLocalNodeDown\"" }, duration = "1h", comment = "n2 under repair" });
        await PostClusterAsync(1, t + 1000, down: "n2");
        foreach (var i in Indexes)
        {
            await PostClusterAsync(i, t + 2000, down: NodeDown(i) ? "n3" : null);
        }
    }

    /// <summary>One cluster's reports: n1 with membership and quorum, then each node that is up with its own CPU.</summary>
    private async Task PostClusterAsync(int i, long t, string? down)
    {
        var name = Name(i);
        var first = new Otlp(name, "n1");
        foreach (var node in new[] { "n1", "n2", "n3" })
        {
            first.Gauge(Instruments.NodeState, string.Empty, [.. MetricCatalog.States.Node.Select(s => Otlp.Point(s == (node == down ? "down" : "up") ? 1 : 0, t, ("node", node), ("state", s)))]);
        }

        first.Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(QuorumLost(i) ? 0 : 1, t));
        first.Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(CpuHigh(i) ? 0.95 : 0.3, t));
        await PostAsync(first.Build());
        foreach (var node in new[] { "n2", "n3" }.Where(n => n != down))
        {
            await PostAsync(new Otlp(name, node).Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.3, t)).Build());
        }
    }

    private async Task ChangeAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        using var response = await Rules.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private async Task PostAsync(ExportMetricsServiceRequest request)
    {
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var response = await Rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_rules is not null)
        {
            await _rules.DisposeAsync();
        }
    }
}
