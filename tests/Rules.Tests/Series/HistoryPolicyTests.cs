using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Series;

/// <summary>
/// State sets keep only their latest value; everything else keeps the short history. The oracle is the metric
/// reference (docs/reference/metrics.md): which metrics are state sets (no unit, one series per <c>state</c>).
/// </summary>
public class HistoryPolicyTests
{
    [Theory]
    [InlineData("azlocal_node_state")]
    [InlineData("azlocal_node_drain")]
    [InlineData("azlocal_storage_volume_health")]
    [InlineData("azlocal_storage_volume_operational")]
    [InlineData("azlocal_storage_pool_health")]
    [InlineData("azlocal_cluster_witness_state")]
    [InlineData("azlocal_replication_state")]
    public void StateSets_KeepNoHistory(string metric) => Assert.False(HistoryPolicy.KeepsHistory(metric));

    [Theory]
    [InlineData("azlocal_node_cpu_utilization_ratio")]
    [InlineData("azlocal_storage_repair_processed_bytes")]
    [InlineData("azlocal_cluster_quorum")]
    [InlineData("some_metric_not_in_the_catalog")]
    public void OtherSeries_KeepHistory(string metric) => Assert.True(HistoryPolicy.KeepsHistory(metric));

    [Fact]
    public void AStateSetSeries_HoldsItsLatestValue_ButNoPoints_WhileAGaugeHoldsItsPoints()
    {
        var cluster = new ClusterState("c1", historyLength: 32);
        var up = LabelSet.Of("cluster", "c1", "node", "n1", "state", "up");
        var cpu = LabelSet.Of("cluster", "c1", "node", "n1");
        for (var t = 1; t <= 3; t++)
        {
            cluster.Apply(new MappedSample("azlocal_node_state", MetricKind.Gauge, up, 1, t * 10_000L, null), t * 10_000L);
            cluster.Apply(new MappedSample("azlocal_node_cpu_utilization_ratio", MetricKind.Gauge, cpu, 0.1 * t, t * 10_000L, null), t * 10_000L);
        }

        var state = Assert.Single(cluster.SeriesOf("azlocal_node_state"));
        Assert.Equal(0, state.HistoryCount);
        Assert.Equal(1, state.Value);
        Assert.Equal(30_000L, state.TimestampMs);
        var gauge = Assert.Single(cluster.SeriesOf("azlocal_node_cpu_utilization_ratio"));
        Assert.Equal(3, gauge.HistoryCount);
        Assert.Equal((20_000L, 0.2), (gauge.Recent(1).TimestampMs, Math.Round(gauge.Recent(1).Value, 9)));
    }
}
