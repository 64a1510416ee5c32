using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using AzLocalMonitor.Telemetry.Otlp.Resource;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Ingest;

/// <summary>
/// The fast protobuf reader against the message path: on everything it accepts it must map exactly the same
/// samples and rejections; on what it declines, the message path decides.
/// </summary>
public class OtlpProtobufReaderTests
{
    private const long Now = 1_795_000_100_000;

    private static void AssertSameAsMessagePath(byte[] body)
    {
        Assert.True(OtlpProtobufReader.TryMap(body, Now, out var fast), "the fast reader declined a plain request");
        var slow = OtlpMapper.Map(ExportMetricsServiceRequest.Parser.ParseFrom(body), Now);
        AssertEqual(slow, fast);
    }

    private static void AssertEqual(MappingResult expected, MappingResult actual)
    {
        Assert.Equal(expected.Accepted, actual.Accepted);
        foreach (var reason in Enum.GetValues<RejectReason>())
        {
            Assert.Equal(expected.Rejected(reason), actual.Rejected(reason));
        }

        Assert.Equal(expected.ByCluster.Keys.Order(), actual.ByCluster.Keys.Order());
        foreach (var (cluster, samples) in expected.ByCluster)
        {
            Assert.Equal(samples, actual.ByCluster[cluster]);
        }
    }

    [Fact]
    public void CatalogRequest_MapsTheSameAsTheMessagePath()
    {
        var request = new Otlp("c1", "node-1")
            .Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.42))
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "down", ("node", "node-2"))
            .Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, 0, ("node", "ignored-for-cluster-scope")))
            .Sum(Instruments.StorageOperations, "{op}", true, Otlp.Point(10, 1_795_000_000_000, ("op", "read")))
            .Sum("vendor.bytes", "By", false, Otlp.Point(5))
            .Gauge(Instruments.StorageRepairSize, "By", Otlp.Point(7, 1_795_000_000_000, ("job", "db-Repair"), ("state", "running")))
            .Gauge("vendor.fan.speed", "Hz", Otlp.Point(1200, 1_795_000_000_000, ("cluster", "override"), ("net.peer-name", "x")))
            .Build();

        AssertSameAsMessagePath(request.ToByteArray());
    }

    [Fact]
    public void AttributeTypes_IntegersAsValues_FlagsAndMissingValues_MapTheSame()
    {
        var point = new NumberDataPoint { AsInt = -7, TimeUnixNano = 0 };
        point.Attributes.Add(new KeyValue { Key = "b", Value = new AnyValue { BoolValue = true } });
        point.Attributes.Add(new KeyValue { Key = "i", Value = new AnyValue { IntValue = -42 } });
        point.Attributes.Add(new KeyValue { Key = "d", Value = new AnyValue { DoubleValue = 0.1 } });
        point.Attributes.Add(new KeyValue { Key = "empty" });
        point.Attributes.Add(new KeyValue { Key = "dup", Value = new AnyValue { StringValue = "first" } });
        point.Attributes.Add(new KeyValue { Key = "dup", Value = new AnyValue { StringValue = "second" } });
        var request = new Otlp("c1", "node-1")
            .Gauge("custom", string.Empty, point, new NumberDataPoint { AsDouble = 1, Flags = 1 }, new NumberDataPoint())
            .Build();
        request.ResourceMetrics[0].ScopeMetrics[0].Metrics.Add(new Metric { Name = "nothing", Description = "no data" });

        AssertSameAsMessagePath(request.ToByteArray());
    }

    [Fact]
    public void SeveralResources_AndAResourceAfterItsMetrics_MapTheSame()
    {
        var first = new Otlp("c1", "node-1").Gauge(Instruments.NodeVmCount, "{vm}", Otlp.Point(3)).Build();
        var second = new Otlp(cluster: null, host: "lonely").Gauge(Instruments.NodeVmCount, "{vm}", Otlp.Point(4)).Build();
        var body = first.ToByteArray().Concat(second.ToByteArray()).ToArray(); // two ResourceMetrics, as merged messages are

        AssertSameAsMessagePath(body);

        // Field order: scope metrics (2) first, then the resource (1).
        var rm = first.ResourceMetrics[0];
        var reordered = new List<byte>();
        var scopeBytes = rm.ScopeMetrics[0].ToByteArray();
        var resourceBytes = rm.Resource.ToByteArray();
        var inner = new List<byte> { 0x12 };
        inner.AddRange(Varint(scopeBytes.Length));
        inner.AddRange(scopeBytes);
        inner.Add(0x0A);
        inner.AddRange(Varint(resourceBytes.Length));
        inner.AddRange(resourceBytes);
        reordered.Add(0x0A);
        reordered.AddRange(Varint(inner.Count));
        reordered.AddRange(inner);
        AssertSameAsMessagePath([.. reordered]);
    }

    [Fact]
    public void Histograms_Exemplars_AndMetadata_AreLeftToTheMessagePath()
    {
        var histogram = new Otlp().Build();
        histogram.ResourceMetrics[0].ScopeMetrics[0].Metrics.Add(new Metric { Name = "h", Histogram = new Histogram { DataPoints = { new HistogramDataPoint() } } });
        var exemplar = Otlp.Point(1);
        exemplar.Exemplars.Add(new Exemplar { AsDouble = 1 });
        var metadata = new Otlp().Gauge("m", string.Empty, Otlp.Point(1)).Build();
        metadata.ResourceMetrics[0].ScopeMetrics[0].Metrics[0].Metadata.Add(new KeyValue { Key = "k" });

        Assert.False(OtlpProtobufReader.TryMap(histogram.ToByteArray(), Now, out _));
        Assert.False(OtlpProtobufReader.TryMap(new Otlp().Gauge("m", string.Empty, exemplar).Build().ToByteArray(), Now, out _));
        Assert.False(OtlpProtobufReader.TryMap(metadata.ToByteArray(), Now, out _));
    }

    [Fact]
    public void ArrayAttribute_IsLeftToTheMessagePath()
    {
        var point = Otlp.Point(1);
        point.Attributes.Add(new KeyValue { Key = "list", Value = new AnyValue { ArrayValue = new ArrayValue { Values = { new AnyValue { StringValue = "a" } } } } });
        var body = new Otlp().Gauge("m", string.Empty, point).Build().ToByteArray();

        Assert.False(OtlpProtobufReader.TryMap(body, Now, out _));
    }

    [Fact]
    public void MutatedAndRandomBodies_AreEitherDeclinedOrMappedExactlyAsTheMessagePath()
    {
        var random = new Random(Environment.GetEnvironmentVariable("AZLM_FUZZ_SEED") is { } seed ? int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture) : 7);
        var valid = new Otlp("c1", "node-1")
            .Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.42))
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "up", ("node", "node-2"))
            .Build()
            .ToByteArray();
        var accepted = 0;
        var known = new RawSeriesCache(100_000);
        Assert.True(OtlpProtobufReader.TryMap(valid, Now, IngestLimits.Default, known, out _));
        for (var i = 0; i < (Environment.GetEnvironmentVariable("AZLM_FUZZ_SEED") is null ? 3000 : 100_000); i++)
        {
            var body = i % 3 == 0 ? RandomBytes(random) : Mutate(valid, random);
            MappingResult? slow = null;
            try
            {
                slow = OtlpMapper.Map(ExportMetricsServiceRequest.Parser.ParseFrom(body), Now);
            }
            catch (InvalidProtocolBufferException ex)
            {
                if (OtlpProtobufReader.TryMap(body, Now, out _))
                {
                    Assert.Fail($"accepted a body the message path rejects ({ex.Message}): {Convert.ToHexString(body)}");
                }
            }

            if (OtlpProtobufReader.TryMap(body, Now, out var fast))
            {
                Assert.NotNull(slow); // never accept what the message path rejects
                AssertEqual(slow, fast);
                accepted++;
            }

            // Differential against the message path as well: with the raw series cache shared by every body so far
            // (warmed with the valid body), a body mapped from remembered attribute bytes maps exactly the same.
            if (OtlpProtobufReader.TryMap(body, Now, IngestLimits.Default, known, out var cached))
            {
                Assert.NotNull(slow);
                AssertEqual(slow, cached);
            }
        }

        Assert.True(accepted > 100, $"the fast reader should take most mutated-but-valid bodies; it took {accepted}");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 200)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var body = (byte[])valid.Clone();
        var changes = random.Next(0, 3);
        for (var c = 0; c < changes; c++)
        {
            body[random.Next(body.Length)] = (byte)random.Next(256);
        }

        return random.Next(4) == 0 ? body[..random.Next(body.Length)] : body;
    }

    private static IEnumerable<byte> Varint(int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            yield return (byte)(v | 0x80);
            v >>= 7;
        }

        yield return (byte)v;
    }
}
