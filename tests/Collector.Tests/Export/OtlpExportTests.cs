using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using OtlpRequest = AzLocalMonitor.Telemetry.Otlp.Collector.ExportMetricsServiceRequest;

namespace AzLocalMonitor.Collector.Tests.Export;

/// <summary>Runs the real collector in-process against a real HTTP receiver and decodes what it posts.</summary>
public class OtlpExportTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private static IEnumerable<Metric> Metrics(OtlpRequest request) =>
        request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics);

    private static IEnumerable<NumberDataPoint> Points(OtlpRequest request, string instrument) =>
        Metrics(request).Where(m => m.Name == instrument).SelectMany(m => m.DataCase == Metric.DataOneofCase.Sum ? m.Sum.DataPoints : m.Gauge.DataPoints);

    private static string? Attribute(IEnumerable<KeyValue> attributes, string key) =>
        attributes.FirstOrDefault(a => a.Key == key)?.Value.StringValue;

    private static double Value(NumberDataPoint point) =>
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;

    private static long? Quorum(OtlpRequest request) =>
        Points(request, Instruments.ClusterQuorum).Select(p => (long?)Value(p)).FirstOrDefault();

    [Fact]
    public async Task RunAsync_QuorumLossScenario_ExportsQuorumLossAtOnceNotAtTheNextInterval()
    {
        using var receiver = new OtlpReceiver();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        string[] args =
        [
            "--source", "simulated", "--scenario", "quorum-loss", "--rules", receiver.BaseUrl,
            "--interval", "30s", "--cluster", "export-test", "--node", "reporter",
        ];
        var lossAt = ScenarioParser.Load("quorum-loss").Events[1].At;

        var run = CollectorApp.RunAsync(args, TextWriter.Null, TextWriter.Null, stop.Token);
        try
        {
            var first = await receiver.WaitForAsync(r => Quorum(r) == 1, Interval);
            var lost = await receiver.WaitForAsync(r => Quorum(r) == 0, Interval);

            // Pushed by the state change: it arrives after the event, and before the first periodic export is even due.
            Assert.InRange(lost.At, lossAt, first.At + Interval - TimeSpan.FromSeconds(5));

            Assert.Equal("/v1/metrics", lost.Path);
            Assert.Equal("application/x-protobuf", lost.ContentType);
            var resource = Assert.Single(lost.Request.ResourceMetrics).Resource.Attributes;
            Assert.Equal("azlocal-collector", Attribute(resource, "service.name"));
            Assert.Equal("export-test", Attribute(resource, ResourceAttributes.Cluster));
            Assert.Equal("reporter", Attribute(resource, ResourceAttributes.HostName));

            // Cluster-scope points never carry node; node-scope points always do.
            Assert.All(Points(lost.Request, Instruments.ClusterQuorum), p => Assert.Null(Attribute(p.Attributes, ResourceAttributes.NodeLabel)));
            var stateDown = Points(lost.Request, Instruments.NodeState)
                .Where(p => Attribute(p.Attributes, "state") == "down")
                .ToDictionary(p => Attribute(p.Attributes, ResourceAttributes.NodeLabel)!, Value);
            Assert.Equal(new Dictionary<string, double> { ["node-1"] = 0, ["node-2"] = 1, ["node-3"] = 1 }, stateDown);
            Assert.Equal(1, Value(Assert.Single(Points(lost.Request, Instruments.ClusterVotesPresent))));

            // A down node cannot report itself: only node-1's own measurements remain.
            var cpuNodes = Points(lost.Request, Instruments.NodeCpuUtilization).Select(p => Attribute(p.Attributes, ResourceAttributes.NodeLabel));
            Assert.Equal(["node-1"], cpuNodes);
            Assert.All(
                Metrics(lost.Request).Where(m => MetricCatalog.TryGet(m.Name, out var d) && d.Scope == MetricScope.Node),
                m => Assert.All(m.DataCase == Metric.DataOneofCase.Sum ? m.Sum.DataPoints : m.Gauge.DataPoints,
                    p => Assert.NotNull(Attribute(p.Attributes, ResourceAttributes.NodeLabel))));
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(ExitCodes.Success, await run);
    }

    [Fact]
    public async Task RunAsync_Once_LinuxSourceDeliversHostMetrics()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var receiver = new OtlpReceiver();
        var code = await CollectorApp.RunAsync(
            ["--source", "linux", "--rules", receiver.BaseUrl, "--once", "--node", "host-under-test"], TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(ExitCodes.Success, code);
        var (request, _, _, _) = await receiver.WaitForAsync(r => Points(r, Instruments.NodeMemorySize).Any(), TimeSpan.FromSeconds(10));
        Assert.InRange(Value(Assert.Single(Points(request, Instruments.NodeMemoryUtilization))), 0, 1);
        Assert.Equal("host-under-test", Attribute(Points(request, Instruments.NodeCpuUtilization).Single().Attributes, ResourceAttributes.NodeLabel));
        var up = Points(request, Instruments.NodeState).Single(p => Attribute(p.Attributes, "state") == "up");
        Assert.Equal(1, Value(up));
        Assert.Empty(Points(request, Instruments.ClusterQuorum));
    }

    [Fact]
    public async Task RunAsync_Once_NothingListening_ExitsWithFailure()
    {
        string unused;
        using (var receiver = new OtlpReceiver())
        {
            unused = receiver.BaseUrl;
        }

        var code = await CollectorApp.RunAsync(
            ["--source", "simulated", "--rules", unused, "--once"], TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, code);
    }
}
