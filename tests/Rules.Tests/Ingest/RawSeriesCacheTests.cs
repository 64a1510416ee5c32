using System.Text;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AzLocalMonitor.Rules.Tests.Ingest;

/// <summary>
/// The fast reader with a <see cref="RawSeriesCache"/>: requests written byte by byte per the OTLP protobuf schema
/// (opentelemetry-proto v1: metrics/v1/metrics.proto, common/v1/common.proto, resource/v1/resource.proto field
/// numbers, noted where written), the expected series from docs/reference/metrics.md. A point answered from the cache
/// carries the very label set object mapped the first time; a point mapped anew carries a fresh one.
/// </summary>
public class RawSeriesCacheTests
{
    private const long Now = 1_795_000_100_000;
    private const ulong NowNanos = Now * 1_000_000UL;

    [Fact]
    public void SameAttributeBytesAgain_MapToTheSameSeries_FromTheCache()
    {
        var cache = new RawSeriesCache(1000);
        var body = Request("c1", "node-1",
            Gauge("azlocal.node.cpu.utilization", "1", Point(0.25, NowNanos)),
            Gauge("azlocal.storage.volume.used", "By", Point(1e12, NowNanos, ("volume", "vol-01"), ("resiliency", "three_way_mirror"))));

        var first = Map(body, cache);
        var second = Map(Request("c1", "node-1",
            Gauge("azlocal.node.cpu.utilization", "1", Point(0.5, NowNanos + 1_000_000)),
            Gauge("azlocal.storage.volume.used", "By", Point(2e12, NowNanos + 1_000_000, ("volume", "vol-01"), ("resiliency", "three_way_mirror")))), cache);

        Assert.Equal(2, cache.Count);
        var cpu = second.ByCluster["c1"][0];
        Assert.Equal("azlocal_node_cpu_utilization_ratio", cpu.Metric);
        Assert.Equal(LabelSet.Of("cluster", "c1", "node", "node-1"), cpu.Labels);
        Assert.Equal(0.5, cpu.Value);
        Assert.Equal(Now + 1, cpu.TimestampMs);
        Assert.Equal("node-1", cpu.SelfReportNode);
        var volume = second.ByCluster["c1"][1];
        Assert.Equal("azlocal_storage_volume_used_bytes", volume.Metric);
        Assert.Equal(LabelSet.Of("cluster", "c1", "volume", "vol-01", "resiliency", "three_way_mirror"), volume.Labels);
        Assert.Equal(2e12, volume.Value);
        Assert.Null(volume.SelfReportNode);
        Assert.Same(first.ByCluster["c1"][0].Labels, cpu.Labels);
        Assert.Same(first.ByCluster["c1"][1].Labels, volume.Labels);
    }

    [Fact]
    public void NodeFromTheHost_IsNotReusedForAnotherHost_ButANodeAttributeIs()
    {
        var cache = new RawSeriesCache(1000);
        Map(Request("c1", "node-1",
            Gauge("azlocal.node.cpu.utilization", "1", Point(0.25, NowNanos)),
            Gauge("azlocal.node.state", string.Empty, Point(1, NowNanos, ("node", "node-3"), ("state", "up")))), cache);
        var fromNode1 = Map(Request("c1", "node-1", Gauge("azlocal.node.state", string.Empty, Point(1, NowNanos, ("node", "node-3"), ("state", "up")))), cache);

        var fromNode2 = Map(Request("c1", "node-2",
            Gauge("azlocal.node.cpu.utilization", "1", Point(0.75, NowNanos)),
            Gauge("azlocal.node.state", string.Empty, Point(1, NowNanos, ("node", "node-3"), ("state", "up")))), cache);

        var cpu = fromNode2.ByCluster["c1"][0];
        Assert.Equal(LabelSet.Of("cluster", "c1", "node", "node-2"), cpu.Labels);
        Assert.Equal("node-2", cpu.SelfReportNode);
        var state = fromNode2.ByCluster["c1"][1];
        Assert.Equal(LabelSet.Of("cluster", "c1", "node", "node-3", "state", "up"), state.Labels);
        Assert.Null(state.SelfReportNode); // membership is reported by peers: no self-report
        Assert.Same(fromNode1.ByCluster["c1"][0].Labels, state.Labels);
        Assert.Equal(3, cache.Count); // cpu for node-1 and node-2, the node-3 state once
    }

    [Fact]
    public void AnotherResourceCluster_OrAClusterAttribute_MapsToItsOwnCluster()
    {
        var cache = new RawSeriesCache(1000);
        Map(Request("c1", "node-1", Gauge("azlocal.cluster.quorum", string.Empty, Point(1, NowNanos))), cache);
        var other = Map(Request("c2", "node-1", Gauge("azlocal.cluster.quorum", string.Empty, Point(1, NowNanos))), cache);
        Map(Request("c1", "node-1", Gauge("vendor.fan", "Hz", Point(5, NowNanos, ("cluster", "c9")))), cache);
        var overridden = Map(Request("c1", "node-1", Gauge("vendor.fan", "Hz", Point(6, NowNanos, ("cluster", "c9")))), cache);

        Assert.Equal(LabelSet.Of("cluster", "c2"), Assert.Single(other.ByCluster["c2"]).Labels);
        var fan = Assert.Single(overridden.ByCluster["c9"]);
        Assert.Equal("vendor_fan_hertz", fan.Metric);
        Assert.Equal(LabelSet.Of("cluster", "c9", "node", "node-1"), fan.Labels);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void CachedPoints_StillRefuseMissingValues_AndTimesOutOfBounds()
    {
        var cache = new RawSeriesCache(1000);
        var limits = IngestLimits.From(new IngestOptions { MaxPointAge = TimeSpan.FromHours(1) }); // future skew: 5 min by default
        Map(Request("c1", "node-1", Gauge("azlocal.node.cpu.utilization", "1", Point(0.25, NowNanos))), cache, limits);
        var noValue = Gauge("azlocal.node.cpu.utilization", "1", Message(Fixed64(3, NowNanos)));
        var flagged = Gauge("azlocal.node.cpu.utilization", "1", Message(Fixed64(3, NowNanos), Double(4, 1), Varint(8, 1)));
        var future = Gauge("azlocal.node.cpu.utilization", "1", Point(0.5, NowNanos + (3_600_000UL * 1_000_000)));
        var old = Gauge("azlocal.node.cpu.utilization", "1", Point(0.5, 1_000_000));
        var noTime = Gauge("azlocal.node.cpu.utilization", "1", Point(0.5, 0));

        var result = Map(Request("c1", "node-1", noValue, flagged, future, old, noTime), cache, limits);

        Assert.Equal(2, result.Rejected(RejectReason.NoValue));
        Assert.Equal(1, result.Rejected(RejectReason.FutureTimestamp));
        Assert.Equal(1, result.Rejected(RejectReason.TooOld));
        Assert.Equal(Now, Assert.Single(result.ByCluster["c1"]).TimestampMs); // no time: the receive time
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void AnOverlongHost_IsRefusedEvenForAttributesMappedBefore()
    {
        var cache = new RawSeriesCache(1000);
        Map(Request("c1", "node-1", Gauge("azlocal.cluster.quorum", string.Empty, Point(1, NowNanos))), cache);

        var result = Map(Request("c1", new string('h', IngestLimits.Default.MaxLabelValueLength + 1), Gauge("azlocal.cluster.quorum", string.Empty, Point(1, NowNanos))), cache);

        Assert.Equal(1, result.Rejected(RejectReason.ValueTooLong));
        Assert.Empty(result.ByCluster);
    }

    [Fact]
    public void AttributesSplitByAnotherField_AreMappedWithoutTheCache()
    {
        var cache = new RawSeriesCache(1000);
        // NumberDataPoint: attributes (7), time_unix_nano (3), attributes (7), as_double (4): fields may come in any order.
        var split = Message(KeyValue(7, "volume", "vol-01"), Fixed64(3, NowNanos), KeyValue(7, "resiliency", "mirror"), Double(4, 3));

        var first = Map(Request("c1", "node-1", Gauge("azlocal.storage.volume.used", "By", split)), cache);
        var second = Map(Request("c1", "node-1", Gauge("azlocal.storage.volume.used", "By", split)), cache);

        Assert.Equal(LabelSet.Of("cluster", "c1", "volume", "vol-01", "resiliency", "mirror"), Assert.Single(second.ByCluster["c1"]).Labels);
        Assert.NotSame(first.ByCluster["c1"][0].Labels, second.ByCluster["c1"][0].Labels);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void PastTheBound_NothingNewIsRemembered_UntilTheHourlyRefill()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var cache = new RawSeriesCache(2, time);
        byte[] Quorum(string cluster) => Request(cluster, "node-1", Gauge("azlocal.cluster.quorum", string.Empty, Point(1, NowNanos)));
        var c1 = Map(Quorum("c1"), cache);
        Map(Quorum("c2"), cache);

        var c3 = Map(Quorum("c3"), cache);
        var c3Again = Map(Quorum("c3"), cache);
        var c1Again = Map(Quorum("c1"), cache);

        Assert.Equal(2, cache.Count); // full: c3 mapped, not remembered; c1 still remembered
        Assert.Equal(LabelSet.Of("cluster", "c3"), Assert.Single(c3Again.ByCluster["c3"]).Labels);
        Assert.NotSame(c3.ByCluster["c3"][0].Labels, c3Again.ByCluster["c3"][0].Labels);
        Assert.Same(c1.ByCluster["c1"][0].Labels, c1Again.ByCluster["c1"][0].Labels);

        time.Advance(RawSeriesCache.RefillAfter);
        Map(Quorum("c3"), cache); // full and due: everything dropped
        Assert.Equal(0, cache.Count);
        var c3Refilled = Map(Quorum("c3"), cache);
        var c1Refilled = Map(Quorum("c1"), cache);

        Assert.Equal(2, cache.Count);
        Assert.Same(c3Refilled.ByCluster["c3"][0].Labels, Map(Quorum("c3"), cache).ByCluster["c3"][0].Labels);
        Assert.NotSame(c1.ByCluster["c1"][0].Labels, c1Refilled.ByCluster["c1"][0].Labels);
        Assert.Equal(LabelSet.Of("cluster", "c1"), c1Refilled.ByCluster["c1"][0].Labels);
    }

    private static MappingResult Map(byte[] body, RawSeriesCache cache, IngestLimits? limits = null)
    {
        Assert.True(OtlpProtobufReader.TryMap(body, Now, limits ?? IngestLimits.Default, cache, out var result));
        return result;
    }

    // ExportMetricsServiceRequest.resource_metrics = 1; ResourceMetrics.resource = 1, .scope_metrics = 2;
    // Resource.attributes = 1; ScopeMetrics.metrics = 2.
    private static byte[] Request(string cluster, string host, params byte[][] metrics) =>
        Field(1, Message(
            Field(1, Message(KeyValue(1, "azlocal.cluster", cluster), KeyValue(1, "host.name", host))),
            Field(2, Message(metrics.Select(m => Field(2, m)).ToArray()))));

    // Metric.name = 1, .unit = 3, .gauge = 5; Gauge.data_points = 1.
    private static byte[] Gauge(string name, string unit, params byte[][] points) =>
        Message(Text(1, name), Text(3, unit), Field(5, Message(points.Select(p => Field(1, p)).ToArray())));

    // NumberDataPoint.time_unix_nano = 3 (fixed64), .as_double = 4 (double), .attributes = 7.
    private static byte[] Point(double value, ulong timeNanos, params (string Key, string Value)[] attributes) =>
        Message([Fixed64(3, timeNanos), Double(4, value), .. attributes.Select(a => KeyValue(7, a.Key, a.Value))]);

    // KeyValue.key = 1, .value = 2; AnyValue.string_value = 1.
    private static byte[] KeyValue(int field, string key, string value) => Field(field, Message(Text(1, key), Field(2, Text(1, value))));

    private static byte[] Message(params byte[][] fields) => [.. fields.SelectMany(f => f)];

    private static byte[] Text(int field, string text) => Field(field, Encoding.UTF8.GetBytes(text));

    private static byte[] Field(int field, byte[] content) => [.. VarintBytes(((ulong)field << 3) | 2), .. VarintBytes((ulong)content.Length), .. content];

    private static byte[] Fixed64(int field, ulong value) => [.. VarintBytes(((ulong)field << 3) | 1), .. BitConverter.GetBytes(value)];

    private static byte[] Double(int field, double value) => Fixed64(field, BitConverter.DoubleToUInt64Bits(value));

    private static byte[] Varint(int field, ulong value) => [.. VarintBytes((ulong)field << 3), .. VarintBytes(value)];

    private static byte[] VarintBytes(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }
}
