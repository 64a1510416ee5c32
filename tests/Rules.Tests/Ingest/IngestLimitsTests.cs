using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Ingest;

/// <summary>
/// Hostile input is bounded, identically on the fast protobuf reader and the message path: each limit of
/// <see cref="IngestOptions"/> refuses the point with its own reason, and a point Prometheus could not parse is renamed.
/// </summary>
public class IngestLimitsTests
{
    private const long Now = 1_795_000_100_000;

    private static readonly IngestLimits Small = IngestLimits.From(new IngestOptions
    {
        MaxFutureSkew = TimeSpan.FromMinutes(5),
        MaxPointAge = TimeSpan.FromDays(1),
        MaxAttributesPerPoint = 4,
        MaxNameLength = 48,
        MaxLabelValueLength = 64,
        MaxClusterNameLength = 16,
    });

    private static (MappingResult Fast, MappingResult Slow) MapBoth(ExportMetricsServiceRequest request)
    {
        var body = request.ToByteArray();
        Assert.True(OtlpProtobufReader.TryMap(body, Now, Small, out var fast), "the fast reader declined a plain request");
        return (fast, OtlpMapper.Map(ExportMetricsServiceRequest.Parser.ParseFrom(body), Now, Small));
    }

    [Fact]
    public void EachLimit_RefusesItsPoint_WithItsReason_OnBothPaths()
    {
        var year2100 = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var request = new Otlp("c1", "n1")
            .Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, Now))
            .Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, year2100))
            .Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, Now + (5 * 60_000) + 1))
            .Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, Now - (2 * 86_400_000L)))
            .Gauge("vendor.m", string.Empty, Otlp.Point(1, Now, ("a", "1"), ("b", "2"), ("c", "3"), ("d", "4"), ("e", "5")))
            .Gauge("vendor.m", string.Empty, Otlp.Point(1, Now, (new string('k', 49), "1")))
            .Gauge("vendor." + new string('m', 42), string.Empty, Otlp.Point(1, Now))
            .Gauge("vendor.m", string.Empty, Otlp.Point(1, Now, ("v", new string('x', 65))))
            .Gauge("vendor.m", string.Empty, Otlp.Point(1, Now, ("cluster", new string('c', 17))))
            .Gauge("azlm.ingest.samples", string.Empty, Otlp.Point(1, Now))
            .Gauge("ALERTS", string.Empty, Otlp.Point(1, Now))
            .Gauge("azlm.agent.spool.batches", string.Empty, Otlp.Point(1, Now))
            .Build();

        var (fast, slow) = MapBoth(request);

        foreach (var result in new[] { fast, slow })
        {
            Assert.Equal(2, result.Accepted); // the honest quorum point and the agent's own azlm_agent_ metric
            Assert.Equal(2, result.Rejected(RejectReason.FutureTimestamp));
            Assert.Equal(1, result.Rejected(RejectReason.TooOld));
            Assert.Equal(1, result.Rejected(RejectReason.TooManyAttributes));
            Assert.Equal(2, result.Rejected(RejectReason.NameTooLong));
            Assert.Equal(1, result.Rejected(RejectReason.ValueTooLong));
            Assert.Equal(1, result.Rejected(RejectReason.ClusterNameTooLong));
            Assert.Equal(2, result.Rejected(RejectReason.ReservedName));
            Assert.Contains("Ingest:MaxFutureSkew", result.Explain(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AHostNameOverTheValueLimit_IsRefused_OnBothPaths()
    {
        var (fast, slow) = MapBoth(new Otlp("c1", new string('h', 65)).Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.5, Now)).Build());

        Assert.Equal(1, fast.Rejected(RejectReason.ValueTooLong));
        Assert.Equal(1, slow.Rejected(RejectReason.ValueTooLong));
    }

    [Theory]
    [InlineData("__name__", "key__name__")]
    [InlineData("__meta_x", "key__meta_x")]
    [InlineData("_private", "_private")]
    [InlineData("net.peer-name", "net_peer_name")]
    [InlineData("2xx", "_2xx")]
    public void ReservedAndInvalidAttributeNames_AreRenamed(string attribute, string label)
    {
        var (fast, slow) = MapBoth(new Otlp("c1", "n1").Gauge("vendor.m", string.Empty, Otlp.Point(1, Now, (attribute, "v"))).Build());

        foreach (var result in new[] { fast, slow })
        {
            var sample = Assert.Single(result.ByCluster["c1"]);
            Assert.Equal("v", sample.Labels.Get(label));
            Assert.DoesNotContain(sample.Labels, l => l.Key.StartsWith("__", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AFutureExport_DoesNotResolveAFiringQuorumLost_NorBlockTheRealReportsAfterIt()
    {
        var harness = new AlertingHarness();
        harness.Ingest(new Otlp("c1", "n1").Gauge(Instruments.ClusterQuorum, 0).Build());
        Assert.Equal(Rules.Alerting.AlertState.Firing, harness.Alert("AzLocalQuorumLost")!.State);

        var fake = new Otlp("c1", "n1").Gauge(Instruments.ClusterQuorum, string.Empty,
            Otlp.Point(1, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds())).Build();
        var refused = harness.IngestAsIs(fake);
        harness.Run(TimeSpan.FromSeconds(5));
        var real = harness.Ingest(new Otlp("c1", "n1").Gauge(Instruments.ClusterQuorum, 0).Build());

        Assert.Equal(1, refused.Rejected(RejectReason.FutureTimestamp));
        Assert.Equal(0, real.Rejected(RejectReason.OutOfOrder));
        Assert.Equal(1, real.Accepted);
        Assert.Equal(Rules.Alerting.AlertState.Firing, harness.Alert("AzLocalQuorumLost")!.State);
        Assert.DoesNotContain(harness.Notifier.Named("AzLocalQuorumLost"), n => n.EndsAt <= harness.Time.GetUtcNow());
    }

    [Fact]
    public void SeriesAndClusterLimits_RefuseNewSeriesAndClusters_ButKeepUpdatingKnownOnes()
    {
        var harness = new AlertingHarness(ingest: new IngestOptions { MaxSeriesPerCluster = 3, MaxSeries = 5, MaxClusters = 2 });
        ExportMetricsServiceRequest Flood(string cluster, int from, int count)
        {
            var otlp = new Otlp(cluster, "n1");
            for (var i = from; i < from + count; i++)
            {
                otlp.Gauge("vendor.m", 1, ("i", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            return otlp.Build();
        }

        var first = harness.Ingest(Flood("a", 0, 10));
        var second = harness.Ingest(Flood("b", 0, 10));
        var third = harness.Ingest(Flood("c", 0, 10));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var again = harness.Ingest(Flood("a", 0, 3));

        Assert.Equal((3, 7), (first.Accepted, first.Rejected(RejectReason.SeriesLimit)));
        Assert.Equal((2, 8), (second.Accepted, second.Rejected(RejectReason.SeriesLimit))); // the total (5) binds first
        Assert.Equal((0, 10), (third.Accepted, third.Rejected(RejectReason.ClusterLimit)));
        Assert.Equal((3, 0), (again.Accepted, again.Rejected(RejectReason.SeriesLimit)));
        Assert.Equal(5, harness.Store.SeriesCount);
        Assert.Equal(2, harness.Store.ClusterCount);
    }
}
