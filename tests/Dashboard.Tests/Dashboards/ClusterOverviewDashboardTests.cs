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

    private static IEnumerable<string> Exprs(JsonObject panel) => panel["targets"]!.AsArray().Select(t => (string)t!["expr"]!);

    [Fact]
    public void VolumeUtilisation_WarnsAt80AndIsRedAt90Percent()
    {
        // AzLocalVolumeCapacityHigh: warning 0.8, critical 0.9 (deploy/rules/azlocal-policy.yaml).
        var panel = GeneratedDashboards.Panel(File, "Volume capacity used");

        Assert.Equal("percentunit", Unit(panel));
        Assert.Equal([null, 0.8, 0.9], Steps(panel));
        Assert.Equal("red", (string?)panel["fieldConfig"]!["defaults"]!["thresholds"]!["steps"]![2]!["color"]);
    }

    [Theory]
    [InlineData("CPU per node", "AzLocalCpuHigh")]
    [InlineData("Memory per node", "AzLocalMemoryHigh")]
    [InlineData("Storage latency", "AzLocalStorageLatencyHigh")]
    [InlineData("Cache hit ratio (hybrid nodes)", "AzLocalCacheHitRatioLow")]
    public void Budgets_AreThePolicysOwnThresholdPerCluster_NotConstants(string title, string alert)
    {
        // Issue 16: per-cluster overrides must reach the dashboards, and memory has no 90% line (no alert has it).
        var panel = GeneratedDashboards.Panel(File, title);

        Assert.Contains(Exprs(panel), e => e.Contains("azlocal_policy_threshold{", StringComparison.Ordinal) && e.Contains($"alert=\"{alert}\"", StringComparison.Ordinal) && e.Contains("max by (cluster)", StringComparison.Ordinal));
        Assert.Equal([null], Steps(panel));
        Assert.Contains(panel["fieldConfig"]!["overrides"]!.AsArray(), o => (string?)o!["matcher"]!["id"] == "byRegexp");
    }

    [Fact]
    public void PoolBars_AreMeasuredAgainstTheRebuildReserve()
    {
        var panel = GeneratedDashboards.Panel(File, "Pool allocated of what may be allocated");

        Assert.Contains(Exprs(panel), e => e.Contains("azlocal_capacity_reserve_bytes", StringComparison.Ordinal));
        Assert.Equal([null, 0.9, 1], Steps(panel));
    }

    [Theory]
    [InlineData("Network latency: storage", 0.0005)]
    [InlineData("Network latency: management", 0.001)]
    [InlineData("Network latency: cluster", 0.005)]
    public void Latency_IsRedFromItsBudget(string title, double budget)
    {
        var panel = GeneratedDashboards.Panel(File, title);

        Assert.Equal("s", Unit(panel));
        Assert.Equal([null, budget], Steps(panel));
    }

    [Fact]
    public void CacheHitRatio_IsDrawnOnlyForNodesWithCacheDrives()
    {
        // An all-flash node has no cache tier: its ratio (or its absence) must not be judged against the hybrid policy.
        var panel = GeneratedDashboards.Panel(File, "Cache hit ratio (hybrid nodes)");

        Assert.Contains(Exprs(panel), e => e.Contains("usage=\"cache\"", StringComparison.Ordinal) && e.Contains(" and on (cluster, node) ", StringComparison.Ordinal));
    }

    [Fact]
    public void AlertCounts_CountOnlyWhatPages_AndNeverReadGreenWithRulesDown()
    {
        var panel = GeneratedDashboards.Panel(File, "Alerts paging");
        var expr = Assert.Single(Exprs(panel));

        Assert.Contains("muted_by=\"\"", expr, StringComparison.Ordinal);
        Assert.Contains("severity=~\"critical|warning\"", expr, StringComparison.Ordinal);
        Assert.EndsWith("and on () (max(up{job=\"azlocalmonitor-rules\"}) == 1)", expr, StringComparison.Ordinal);
        Assert.Equal("unknown", (string?)panel["fieldConfig"]!["defaults"]!["noValue"]);
    }

    [Fact]
    public void NetworkLatency_FiltersEachPanelToItsNetwork()
    {
        var expr = (string)GeneratedDashboards.Panel(File, "Network latency: storage")["targets"]![0]!["expr"]!;

        Assert.Contains("network=\"storage\"", expr, StringComparison.Ordinal);
    }
}
