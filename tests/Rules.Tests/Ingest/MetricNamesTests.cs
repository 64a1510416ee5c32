using System.Text;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Ingest;

/// <summary>
/// Metric descriptions remembered by their name and unit bytes; expected names from docs/reference/metrics.md (catalog)
/// and the generic OTLP→Prometheus translation described there (unit suffix, <c>_total</c> for monotonic sums).
/// </summary>
public class MetricNamesTests
{
    [Fact]
    public void RemembersADescription_ByNameAndUnitBytes_GaugeAndMonotonicSumApart()
    {
        var name = Encoding.UTF8.GetBytes("vendor.queue.wait" + Guid.NewGuid().ToString("N"));
        var unit = "s"u8;
        Assert.False(MetricNames.TryGet(name, unit, out _));

        var added = MetricNames.Add(name, unit);

        Assert.True(MetricNames.TryGet(name, unit, out var found));
        Assert.Same(added, found);
        var expected = "vendor_queue_wait" + Encoding.UTF8.GetString(name)["vendor.queue.wait".Length..];
        Assert.Equal(expected + "_seconds", found.Get(monotonicSum: false).PrometheusName);
        Assert.Equal(expected + "_seconds_total", found.Get(monotonicSum: true).PrometheusName);
        Assert.Equal(MetricKind.Counter, found.Get(monotonicSum: true).Kind);
    }

    [Fact]
    public void NameAndUnit_DoNotRunTogether()
    {
        var suffix = Guid.NewGuid().ToString("N");
        MetricNames.Add(Encoding.UTF8.GetBytes("m" + suffix + "B"), "y"u8);

        Assert.False(MetricNames.TryGet(Encoding.UTF8.GetBytes("m" + suffix), "By"u8, out _));
    }

    [Fact]
    public void CatalogMetric_IsDescribedAsTheCatalogSays()
    {
        var described = MetricNames.Add(Encoding.UTF8.GetBytes(Instruments.NodeCpuUtilization), "1"u8);

        Assert.Equal("azlocal_node_cpu_utilization_ratio", described.Get(monotonicSum: false).PrometheusName);
        Assert.Equal(MetricScope.Node, described.Get(monotonicSum: false).Scope);
    }
}
