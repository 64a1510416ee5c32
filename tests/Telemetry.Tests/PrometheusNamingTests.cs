using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Telemetry.Tests;

public class PrometheusNamingTests
{
    [Theory]
    [InlineData("azlocal.node.cpu.utilization", "1", false, "azlocal_node_cpu_utilization_ratio")]
    [InlineData("azlocal.node.memory.size", "By", false, "azlocal_node_memory_size_bytes")]
    [InlineData("azlocal.network.latency", "s", false, "azlocal_network_latency_seconds")]
    [InlineData("azlocal.network.throughput", "By/s", false, "azlocal_network_throughput_bytes_per_second")]
    [InlineData("azlocal.node.vm.count", "{vm}", false, "azlocal_node_vm_count")]
    [InlineData("azlocal.storage.operations", "{op}", true, "azlocal_storage_operations_total")]
    [InlineData("azlocal.node.state", "", false, "azlocal_node_state")]
    [InlineData("http.requests-in.flight", "", false, "http_requests_in_flight")]
    [InlineData("9lives", "", false, "_9lives")]
    public void Translate_FollowsOtlpToPrometheusConvention(string instrument, string unit, bool monotonic, string expected)
    {
        Assert.Equal(expected, PrometheusNaming.Translate(instrument, unit, monotonic));
    }

    [Fact]
    public void Catalog_PrometheusNames_MatchProductContract()
    {
        // The Prometheus names of docs/reference/metrics.md, written out so a change to the translation cannot go unnoticed.
        string[] contract =
        [
            "azlocal_node_cpu_utilization_ratio", "azlocal_node_memory_utilization_ratio", "azlocal_node_memory_size_bytes",
            "azlocal_node_memory_available_bytes", "azlocal_node_state", "azlocal_node_drain", "azlocal_node_vm_count",
            "azlocal_network_latency_seconds", "azlocal_network_throughput_bytes_per_second", "azlocal_storage_cache_hit_ratio",
            "azlocal_storage_latency_seconds", "azlocal_storage_operations_total", "azlocal_cluster_quorum",
            "azlocal_cluster_votes_configured", "azlocal_cluster_votes_present", "azlocal_cluster_witness_state",
            "azlocal_storage_pool_size_bytes", "azlocal_storage_pool_allocated_bytes", "azlocal_storage_pool_health",
            "azlocal_storage_volume_size_bytes", "azlocal_storage_volume_used_bytes", "azlocal_storage_volume_health",
            "azlocal_storage_volume_operational", "azlocal_storage_disk_count", "azlocal_storage_repair_size_bytes",
            "azlocal_storage_repair_processed_bytes", "azlocal_storage_degraded_bytes", "azlocal_health_faults",

            // Issue 15 (docs/sites-witness-faults.md, in the metric reference's style): seconds → _seconds; a state set and a
            // {annotation} unit add nothing.
            "azlocal_cluster_witness_latency_seconds", "azlocal_cluster_site_latency_seconds", "azlocal_replication_lag_seconds",
            "azlocal_replication_state", "azlocal_cluster_operations",
        ];
        Assert.Equal(contract, MetricCatalog.All.Select(d => d.PrometheusName));
    }

    [Fact]
    public void Catalog_ClusterScopeInstruments_AreTheOnesTheContractNames()
    {
        var cluster = MetricCatalog.All.Where(d => d.Scope == MetricScope.Cluster).Select(d => d.Instrument).ToHashSet();
        Assert.Contains(Instruments.ClusterQuorum, cluster);
        Assert.Contains(Instruments.StorageVolumeOperational, cluster);
        Assert.DoesNotContain(Instruments.NodeState, cluster);
        Assert.DoesNotContain(Instruments.StorageDiskCount, cluster);
    }
}
