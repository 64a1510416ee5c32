using System.Text.Json.Nodes;
using AzLocalMonitor.Dashboard.Tests.Support;

namespace AzLocalMonitor.Dashboard.Tests.Dashboards;

public class ClusterOverviewDashboardTests
{
    private const string File = "cluster-overview.json";

    private static double?[] Steps(JsonObject panel) =>
        [.. panel["fieldConfig"]!["defaults"]!["thresholds"]!["steps"]!.AsArray().Select(s => (double?)s!["value"])];

    private static string Unit(JsonObject panel) => (string)panel["fieldConfig"]!["defaults"]!["unit"]!;

    [Fact]
    public void Uses_EverySeriesIssue2AsksFor()
    {
        var used = GeneratedDashboards.Exprs(GeneratedDashboards.Json(File)).SelectMany(PromQlNames.MetricNames).ToHashSet();

        Assert.Subset(used, new HashSet<string>
        {
            "azlocal_cluster_quorum", "azlocal_node_state", "azlocal_cluster_votes_present", "azlocal_cluster_votes_configured",
            "azlocal_storage_volume_operational", "azlocal_storage_pool_size_bytes", "azlocal_storage_pool_allocated_bytes",
            "azlocal_storage_volume_size_bytes", "azlocal_storage_volume_used_bytes", "azlocal_storage_repair_size_bytes",
            "azlocal_storage_repair_processed_bytes", "azlocal_node_cpu_utilization_ratio", "azlocal_node_memory_utilization_ratio",
            "azlocal_storage_cache_hit_ratio", "azlocal_storage_latency_seconds", "azlocal_network_latency_seconds", "ALERTS",
        });
    }

    [Theory]
    [InlineData("CPU per node")]
    [InlineData("Memory per node")]
    [InlineData("Pool capacity used")]
    [InlineData("Volume capacity used")]
    public void Utilisation_WarnsAt80AndIsRedAt90Percent(string title)
    {
        var panel = GeneratedDashboards.Panel(File, title);

        Assert.Equal("percentunit", Unit(panel));
        Assert.Equal([null, 0.8, 0.9], Steps(panel));
        Assert.Equal("red", (string?)panel["fieldConfig"]!["defaults"]!["thresholds"]!["steps"]![2]!["color"]);
    }

    [Theory]
    [InlineData("Network latency: storage", 0.0005)]
    [InlineData("Network latency: management", 0.001)]
    [InlineData("Network latency: cluster", 0.005)]
    [InlineData("Storage latency", 0.01)]
    public void Latency_IsRedFromItsBudget(string title, double budget)
    {
        var panel = GeneratedDashboards.Panel(File, title);

        Assert.Equal("s", Unit(panel));
        Assert.Equal([null, budget], Steps(panel));
    }

    [Fact]
    public void CacheHitRatio_IsRedBelowPolicy()
    {
        var panel = GeneratedDashboards.Panel(File, "Cache hit ratio");

        Assert.Equal([null, 0.8], Steps(panel));
        Assert.Equal("red", (string?)panel["fieldConfig"]!["defaults"]!["thresholds"]!["steps"]![0]!["color"]);
    }

    [Fact]
    public void NetworkLatency_FiltersEachPanelToItsNetwork()
    {
        var expr = (string)GeneratedDashboards.Panel(File, "Network latency: storage")["targets"]![0]!["expr"]!;

        Assert.Contains("network=\"storage\"", expr, StringComparison.Ordinal);
    }
}
