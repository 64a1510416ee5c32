using System.Text.Json;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Oracle;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Deploy;

/// <summary>
/// The shipped configurations, used as docs/operations.md documents them, page once per incident. Real Alertmanager
/// with the shipped routing and inhibition (receivers re-pointed at a loopback sink: <see cref="ShippedAlertmanagerConfig"/>),
/// real Prometheus with a shipped prometheus.yml (<see cref="ShippedPrometheusConfig"/>), the real Rules, and a
/// simulated 3-node cluster whose node-2 goes down and stays down. The pager must get exactly one notification, and
/// Alertmanager must hold one AzLocalNodeDown for it — from the one component that alerts in that topology.
/// </summary>
public sealed class ShippedTopologyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task DefaultTopology_RulesAlerts_PrometheusOnlyScrapes_OneNodeDownPagesOnce()
    {
        const string cluster = "shipped-default";
        var directory = Directory.CreateTempSubdirectory("azlm-topology-").FullName;
        await using var sink = WebhookSink.Start();
        await using var alertmanager = await AlertmanagerServer.StartAsync(await AlertmanagerConfigAsync(directory, sink));
        // Rules' policy as shipped but AzLocalNodeDown's `for` (30 s → 3 s): the page comes sooner, nothing else changes.
        var policy = Path.Combine(directory, "fast.yaml");
        await File.WriteAllTextAsync(policy, "alerts:\n  - { alert: AzLocalNodeDown, for: 3s }\n");
        await using var rules = await RulesServer.StartAsync(alertmanager.BaseAddress, "--Policy:Files:0", policy, "--Alerting:ResendDelay", "00:00:05");
        await using var prometheus = await PrometheusServer.StartAsync((d, port) => ShippedPrometheusConfig.WriteAsync("prometheus", d, port, rules.Authority, null));
        using var http = new HttpClient();

        // As shipped, this Prometheus evaluates no alerting rules and knows no Alertmanager: it cannot page.
        Assert.Empty((await GetDataAsync(http, prometheus.BaseAddress, "/api/v1/rules")).GetProperty("groups").EnumerateArray());
        Assert.Empty((await GetDataAsync(http, prometheus.BaseAddress, "/api/v1/alertmanagers")).GetProperty("activeAlertmanagers").EnumerateArray());

        await using var collector = await RunClusterAsync(directory, cluster, rules.BaseAddress);
        await Poll.UntilAsync(() => Task.FromResult(Pages(sink, cluster).FirstOrDefault()), Patience, "a page for the node down", () => Diagnostics(sink, alertmanager, collector));
        await WaitUntilPrometheusSawTheIncidentAsync(http, prometheus, cluster, collector);

        var page = Assert.Single(Pages(sink, cluster));
        var alert = Assert.Single(page.Alerts);
        Assert.Equal(("AzLocalNodeDown", "node-2"), (alert.Name, alert.Labels["node"]));
        var held = await NodeDownAlertsAsync(http, alertmanager, cluster);
        Assert.True(held.Count == 1, $"Alertmanager holds {held.Count} AzLocalNodeDown alerts for {cluster}:\n{string.Join('\n', held)}");
        Assert.Contains("/api/v1/alerts", held[0], StringComparison.Ordinal); // Rules' generatorURL (Prometheus': /graph?g0.expr=…)
    }

    [Fact]
    public async Task PrometheusOnlyTopology_PrometheusAlerts_RulesDoesNot_OneNodeDownPagesOnce()
    {
        const string cluster = "shipped-prometheus-only";
        var directory = Directory.CreateTempSubdirectory("azlm-topology-").FullName;
        await using var sink = WebhookSink.Start();
        await using var alertmanager = await AlertmanagerServer.StartAsync(await AlertmanagerConfigAsync(directory, sink));
        // As documented for this topology: Rules without Alertmanager:Url (it ingests and exposes; its alerts stay in it).
        await using var rules = await RulesServer.StartAsync(null);
        await using var prometheus = await PrometheusServer.StartAsync((d, port) => ShippedPrometheusConfig.WriteAsync("prometheus-only", d, port, rules.Authority, alertmanager.BaseAddress));
        using var http = new HttpClient();

        var groups = (await GetDataAsync(http, prometheus.BaseAddress, "/api/v1/rules")).GetProperty("groups").EnumerateArray().ToList();
        Assert.Contains(groups.SelectMany(g => g.GetProperty("rules").EnumerateArray()), r => r.GetProperty("name").GetString() == "AzLocalNodeDown");

        await using var collector = await RunClusterAsync(directory, cluster, rules.BaseAddress);
        await Poll.UntilAsync(() => Task.FromResult(Pages(sink, cluster).FirstOrDefault()), Patience, "a page for the node down", () => Diagnostics(sink, alertmanager, collector) + prometheus.Output);
        await WaitUntilPrometheusSawTheIncidentAsync(http, prometheus, cluster, collector);

        var page = Assert.Single(Pages(sink, cluster));
        var alert = Assert.Single(page.Alerts);
        Assert.Equal(("AzLocalNodeDown", "node-2"), (alert.Name, alert.Labels["node"]));
        var held = await NodeDownAlertsAsync(http, alertmanager, cluster);
        Assert.True(held.Count == 1, $"Alertmanager holds {held.Count} AzLocalNodeDown alerts for {cluster}:\n{string.Join('\n', held)}");
        Assert.Contains("/graph?g0.expr=", held[0], StringComparison.Ordinal); // Prometheus' generatorURL (Rules': /api/v1/alerts…)
    }

    private static async Task<string> AlertmanagerConfigAsync(string directory, WebhookSink sink)
    {
        var file = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(file, ShippedAlertmanagerConfig.For(sink.BaseAddress).Text);
        return file;
    }

    /// <summary>A simulated 3-node cluster (no witness) whose node-2 goes down 2 s in and stays down.</summary>
    private static async Task<RunningCollector> RunClusterAsync(string directory, string cluster, Uri rules)
    {
        var scenario = Path.Combine(directory, "node-down.yaml");
        await File.WriteAllTextAsync(scenario, $"cluster: {cluster}\nnodes: 3\nwitness: none\nseed: 2\nevents:\n  - at: 2s\n    node-down: node-2\n");
        return new RunningCollector(["--source", "simulated", "--scenario", scenario, "--rules", rules.ToString(), "--interval", "2s", "--spool", Path.Combine(directory, "spool")]);
    }

    /// <summary>
    /// Waits until Prometheus has scraped node-2 down for 40 s. Had a shipped Prometheus loaded the generated rules
    /// (AzLocalNodeDown `for: 30s`, evaluated every second here), their alert would have reached Alertmanager by then.
    /// </summary>
    private static Task WaitUntilPrometheusSawTheIncidentAsync(HttpClient http, PrometheusServer prometheus, string cluster, RunningCollector collector) =>
        Poll.UntilAsync(
            async () => (await prometheus.QueryAsync(http, $"count_over_time((azlocal_node_state{{cluster=\"{cluster}\", node=\"node-2\", state=\"down\"}} == 1)[90s:1s]) >= 40")).Count > 0 ? "seen" : null,
            Patience, "40 s of node-2 down in Prometheus", () => collector.Output + prometheus.Output);

    private static List<WebhookNotification> Pages(WebhookSink sink, string cluster) =>
        [.. sink.Received.Where(n => n.Receiver == "pager" && n.Alerts.Any(a => a.Cluster == cluster))];

    /// <summary>The generatorURL of every AzLocalNodeDown Alertmanager holds for the cluster (active, inhibited or silenced).</summary>
    private static async Task<List<string>> NodeDownAlertsAsync(HttpClient http, AlertmanagerServer alertmanager, string cluster) =>
        [.. (await alertmanager.GetAlertsAsync(http))
            .Where(a => a.GetProperty("labels").TryGetProperty("alertname", out var n) && n.GetString() == "AzLocalNodeDown"
                && a.GetProperty("labels").TryGetProperty("cluster", out var c) && c.GetString() == cluster)
            .Select(a => a.GetProperty("generatorURL").GetString() ?? string.Empty)];

    private static async Task<JsonElement> GetDataAsync(HttpClient http, Uri server, string path)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(server, path)));
        return doc.RootElement.GetProperty("data").Clone();
    }

    private static string Diagnostics(WebhookSink sink, AlertmanagerServer alertmanager, RunningCollector collector) =>
        "received:\n" + string.Join('\n', sink.Received) + "\n" + alertmanager.Output + collector.Output;

    /// <summary>The collector in this process until disposed.</summary>
    private sealed class RunningCollector : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly StringWriter _output = new();
        private readonly Task<int> _run;

        public RunningCollector(string[] args) => _run = Task.Run(() => CollectorApp.RunAsync(args, _output, _output, _stop.Token));

        public string Output => _output.ToString();

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _run.WaitAsync(TimeSpan.FromSeconds(30));
            _stop.Dispose();
        }
    }
}
