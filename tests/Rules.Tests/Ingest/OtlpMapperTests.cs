using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Metrics;

namespace AzLocalMonitor.Rules.Tests.Ingest;

public class OtlpMapperTests
{
    private const long Now = 1_795_000_100_000;

    [Fact]
    public void Map_NodeScope_TakesClusterFromResourceAndNodeFromHostName()
    {
        var request = new Otlp("c1", "node-7").Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.42)).Build();

        var result = OtlpMapper.Map(request, Now);

        var sample = Assert.Single(result.ByCluster["c1"]);
        Assert.Equal("azlocal_node_cpu_utilization_ratio", sample.Metric);
        Assert.Equal(LabelSet.Of("cluster", "c1", "node", "node-7"), sample.Labels);
        Assert.Equal(0.42, sample.Value);
        Assert.Equal(1_795_000_000_000, sample.TimestampMs);
        Assert.Equal("node-7", sample.SelfReportNode);
    }

    [Fact]
    public void Map_DataPointAttributes_WinOverResourceAttributes()
    {
        var request = new Otlp("resource-cluster", "reporter")
            .Gauge(Instruments.NodeVmCount, "{vm}", Otlp.Point(3, 1_795_000_000_000, ("cluster", "point-cluster"), ("node", "node-2")))
            .Build();

        var sample = Assert.Single(OtlpMapper.Map(request, Now).ByCluster["point-cluster"]);

        Assert.Equal(LabelSet.Of("cluster", "point-cluster", "node", "node-2"), sample.Labels);
    }

    [Fact]
    public void Map_MembershipState_IsNotASelfReportOfItsSubject()
    {
        // Peers report a down node's state: that must not make the down node look alive.
        var request = new Otlp("c1", "node-1")
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "down", ("node", "node-2"))
            .Build();

        var samples = OtlpMapper.Map(request, Now).ByCluster["c1"];

        Assert.Equal(5, samples.Count);
        Assert.All(samples, s => Assert.Null(s.SelfReportNode));
        Assert.Contains(samples, s => s.Labels.Get("state") == "down" && s.Labels.Get("node") == "node-2" && s.Value == 1);
    }

    [Fact]
    public void Map_RepairJobAttribute_BecomesRepairJobLabel_NotPrometheusReservedJob()
    {
        // docs/reference/metrics.md: the agent's attribute is `job`; on /metrics it is `repair_job`, because Prometheus owns `job`
        // (the scrape job) and would rename ours `exported_job`. A foreign metric's `job` is left to Prometheus' rules.
        var request = new Otlp("c1", "node-1")
            .Gauge(Instruments.StorageRepairSize, "By", Otlp.Point(100, 1_795_000_000_000, ("job", "UserStorage_1-Repair"), ("state", "running")))
            .Gauge("vendor.queue", string.Empty, Otlp.Point(1, 1_795_000_000_000, ("job", "backup")))
            .Build();

        var samples = OtlpMapper.Map(request, Now).ByCluster["c1"];

        Assert.Equal(LabelSet.Of("cluster", "c1", "repair_job", "UserStorage_1-Repair", "state", "running"), samples[0].Labels);
        Assert.Null(samples[0].Labels.Get("job"));
        Assert.Equal("backup", samples[1].Labels.Get("job"));
    }

    [Fact]
    public void Map_ClusterScope_NeverCarriesNode()
    {
        var request = new Otlp("c1", "node-1")
            .Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, 1_795_000_000_000, ("node", "node-3")))
            .Gauge(Instruments.StorageVolumeHealth, string.Empty, Otlp.Point(1, 1_795_000_000_000, ("volume", "db"), ("state", "healthy")))
            .Build();

        var samples = OtlpMapper.Map(request, Now).ByCluster["c1"];

        Assert.Equal(LabelSet.Of("cluster", "c1"), samples[0].Labels);
        Assert.Equal(LabelSet.Of("cluster", "c1", "state", "healthy", "volume", "db"), samples[1].Labels);
        Assert.All(samples, s => Assert.Null(s.SelfReportNode));
    }

    [Fact]
    public void Map_WithoutAnyCluster_RejectsThePoint()
    {
        var request = new Otlp(cluster: null, host: "n1").Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.1)).Build();

        var result = OtlpMapper.Map(request, Now);

        Assert.Empty(result.ByCluster);
        Assert.Equal(1, result.Rejected(RejectReason.NoCluster));
        Assert.Contains("azlocal.cluster", result.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_MonotonicSum_GetsTotalSuffixAndCounterKind()
    {
        var request = new Otlp().Sum(Instruments.StorageOperations, "{op}", true, Otlp.Point(10, 1_795_000_000_000, ("op", "read"))).Build();

        var sample = Assert.Single(OtlpMapper.Map(request, Now).ByCluster["c1"]);

        Assert.Equal("azlocal_storage_operations_total", sample.Metric);
        Assert.Equal(MetricKind.Counter, sample.Kind);
    }

    [Fact]
    public void Map_UnknownMetric_UsesGenericTranslation()
    {
        var request = new Otlp().Gauge("vendor.fan.speed", "Hz", Otlp.Point(1200)).Build();

        var sample = Assert.Single(OtlpMapper.Map(request, Now).ByCluster["c1"]);

        Assert.Equal("vendor_fan_speed_hertz", sample.Metric);
        Assert.Equal("node-1", sample.Labels.Get("node"));
    }

    [Fact]
    public void Map_HistogramAndNoRecordedValue_AreRejectedWithReasons()
    {
        var request = new Otlp().Gauge("azlocal.node.cpu.utilization", "1", new NumberDataPoint { AsDouble = 1, Flags = 1 }).Build();
        request.ResourceMetrics[0].ScopeMetrics[0].Metrics.Add(new Metric
        {
            Name = "latency",
            Histogram = new Histogram { DataPoints = { new HistogramDataPoint { Count = 1 } } },
        });

        var result = OtlpMapper.Map(request, Now);

        Assert.Equal(0, result.Accepted);
        Assert.Equal(1, result.Rejected(RejectReason.NoValue));
        Assert.Equal(1, result.Rejected(RejectReason.UnsupportedType));
    }

    [Fact]
    public void Map_MissingTimestamp_UsesReceiveTime()
    {
        var request = new Otlp().Gauge(Instruments.ClusterQuorum, string.Empty, new NumberDataPoint { AsInt = 1 }).Build();

        var sample = Assert.Single(OtlpMapper.Map(request, Now).ByCluster["c1"]);

        Assert.Equal(Now, sample.TimestampMs);
        Assert.Equal(1, sample.Value);
    }

    [Fact]
    public void Map_AttributeNamesAreSanitizedForPrometheus()
    {
        var request = new Otlp().Gauge("x", string.Empty, Otlp.Point(1, 1_795_000_000_000, ("net.peer-name", "a"))).Build();

        var sample = Assert.Single(OtlpMapper.Map(request, Now).ByCluster["c1"]);

        Assert.Equal("a", sample.Labels.Get("net_peer_name"));
    }
}
