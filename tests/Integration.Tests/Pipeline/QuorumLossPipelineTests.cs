using System.Text.Json;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Pipeline;

/// <summary>
/// The whole pipeline with real peers: the collector (simulated 3-node cluster) → Rules → a real Alertmanager,
/// and a real Prometheus scraping Rules. The scenario loses quorum 4 s in.
/// </summary>
public sealed class QuorumLossPipelineTests
{
    [Fact]
    public async Task SimulatedQuorumLoss_ReachesAlertmanager_AndPrometheusScrapesTheSeries()
    {
        await using var alertmanager = await AlertmanagerServer.StartAsync();
        await using var rules = await RulesServer.StartAsync(alertmanager.BaseAddress);
        await using var prometheus = await PrometheusServer.StartAsync(rules.Authority);
        using var http = new HttpClient();
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var collector = Task.Run(() => CollectorApp.RunAsync(
            ["--source", "simulated", "--scenario", "quorum-loss", "--rules", rules.BaseAddress.ToString(), "--interval", "2s"],
            output, output, stop.Token));

        var alert = await Poll.UntilAsync(
            async () => (await alertmanager.GetAlertsAsync(http)).Where(a => Label(a, "alertname") == "AzLocalQuorumLost").Select(a => new Box(a)).FirstOrDefault(),
            TimeSpan.FromSeconds(60), "AzLocalQuorumLost in Alertmanager", () => output + alertmanager.Output);
        Assert.Equal("critical", Label(alert.Value, "severity"));
        Assert.Equal("quorum-loss-cluster", Label(alert.Value, "cluster"));
        Assert.Contains("1 of 3 votes present", alert.Value.GetProperty("annotations").GetProperty("description").GetString(), StringComparison.Ordinal);

        var scraped = await Poll.UntilAsync(
            async () =>
            {
                // Prometheus may first scrape the cluster before it lost quorum: wait for the scrape that shows it.
                var result = await prometheus.QueryAsync(http, "azlocal_cluster_quorum{job=\"azlocalmonitor-rules\", cluster=\"quorum-loss-cluster\"} == 0");
                return result.Count > 0 ? new Box(result[0]) : null;
            },
            TimeSpan.FromSeconds(60), "azlocal_ series scraped by Prometheus", () => prometheus.Output);
        Assert.Equal("0", scraped.Value.GetProperty("value")[1].GetString());
        var names = await prometheus.QueryAsync(http, "count by (__name__) ({__name__=~\"azlocal_.+\", job=\"azlocalmonitor-rules\"})");
        Assert.True(names.Count >= 10, $"expected many azlocal_ metric names in Prometheus, got {names.Count}");
        var firing = await prometheus.QueryAsync(http, "ALERTS{alertname=\"AzLocalQuorumLost\", alertstate=\"firing\"}");
        Assert.NotEmpty(firing);

        await stop.CancelAsync();
        Assert.Equal(0, await collector.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static string? Label(JsonElement alert, string name) =>
        alert.GetProperty("labels").TryGetProperty(name, out var value) ? value.GetString() : null;

    private sealed record Box(JsonElement Value);
}
