using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Series;

/// <summary>Storing samples in a cluster's state: grouped by metric, found again by labels, forgotten when silent.</summary>
public class ClusterStateTests
{
    private static MappedSample Sample(string metric, string node, double value, long timestampMs) =>
        new(metric, MetricKind.Gauge, LabelSet.Of("cluster", "c1", "node", node), value, timestampMs, null);

    [Fact]
    public void SamplesOfSeveralMetrics_Interleaved_LandInTheirOwnSeries()
    {
        var state = new ClusterState("c1", historyLength: 0);

        state.Apply(Sample("a", "n1", 1, 1000), receivedMs: 1000);
        state.Apply(Sample("b", "n1", 2, 1000), receivedMs: 1000);
        state.Apply(Sample("a", "n2", 3, 1000), receivedMs: 1000);
        state.Apply(Sample("a", "n1", 4, 2000), receivedMs: 2000);

        Assert.Equal(3, state.SeriesCount);
        Assert.Equal([3.0, 4.0], state.SeriesOf("a").Select(s => s.Value).Order());
        Assert.Equal(2.0, Assert.Single(state.SeriesOf("b")).Value);
    }

    [Fact]
    public void AMetricForgottenWhole_IsHeldAgainWhenItReturns()
    {
        var state = new ClusterState("c1", historyLength: 0);
        state.Apply(Sample("a", "n1", 1, 1000), receivedMs: 1000);

        state.Forget(nowMs: 100_000, forgetAfterMs: 10_000);
        Assert.Equal(0, state.SeriesCount);
        Assert.Empty(state.Metrics);

        state.Apply(Sample("a", "n1", 2, 100_000), receivedMs: 100_000);

        Assert.Equal(1, state.SeriesCount);
        Assert.Equal(2.0, Assert.Single(state.SeriesOf("a")).Value);
        Assert.Equal(["a"], state.Metrics);
    }
}
