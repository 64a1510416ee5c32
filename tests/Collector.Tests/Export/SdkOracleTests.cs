using System.Globalization;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Sources.Simulated.Model;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;
using AzLocalMonitor.Collector.Tests.Export.SdkOracle;
using AzLocalMonitor.Collector.Tests.Fakes;
using AzLocalMonitor.Collector.Tests.Sources.Windows;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using OtlpRequest = AzLocalMonitor.Telemetry.Otlp.Collector.ExportMetricsServiceRequest;

namespace AzLocalMonitor.Collector.Tests.Export;

/// <summary>
/// The agent collects its instruments without the OpenTelemetry SDK (<see cref="MeterCollector"/>) and encodes them
/// without Google.Protobuf (<see cref="Collector.Export.Otlp.OtlpBatch"/>); the SDK itself,
/// set up as the agent used to set it up (<see cref="SdkPipeline"/>), is the oracle. Both collect the same
/// <see cref="CatalogInstruments"/> over the same sequence of readings, one collection per reading, and must produce
/// the same OTLP (the agent's bytes decoded by Google.Protobuf): resource, scopes, metrics (name, unit, description, type, monotonicity, temporality) and points
/// (attributes in order, value and its type). Times cannot be equal (the SDK reads the wall clock, the agent its
/// TimeProvider), so they are checked for the same shape: one start time for every point of a run, one time per
/// collection, start before time.
/// </summary>
public sealed class SdkOracleTests
{
    private const string Cluster = "oracle-cluster";
    private const string Host = "oracle-host";

    /// <summary>
    /// A run through what the catalog can hold: a healthy generic cluster (counters, state sets, multi-attribute
    /// points), a node down (its values absent, points that disappear), a drive failure and repair, a stretched bank
    /// cluster (witness, sites, replication), real Windows captures (faults, unknown states, a suspended repair,
    /// a node that cannot query its cluster), an empty reading, and the healthy cluster again (points that return).
    /// </summary>
    private static List<(string Name, ClusterReading Reading)> Readings()
    {
        var at = TimeSpan.FromMinutes(5);
        var healthy = new SimulatedCluster(new Scenario());
        var nodeDown = new SimulatedCluster(new Scenario());
        nodeDown.Apply(new ScenarioEvent(TimeSpan.FromSeconds(1), ScenarioAction.NodeDown, "node-2", 1), DateTimeOffset.UnixEpoch);
        var driveFailed = new SimulatedCluster(new Scenario());
        driveFailed.Apply(new ScenarioEvent(TimeSpan.FromSeconds(1), ScenarioAction.DriveFail, "node-3", 1) { Drive = 2 }, DateTimeOffset.UnixEpoch);
        Assert.True(PresetCatalog.TryGet("bank", out var bank));
        var stretched = new SimulatedCluster(new Scenario { Topology = bank.Clusters });
        stretched.Apply(new ScenarioEvent(TimeSpan.FromSeconds(1), ScenarioAction.WitnessFail, null, 1), DateTimeOffset.UnixEpoch);

        return
        [
            ("healthy", healthy.Read(at)),
            ("node-2 down", nodeDown.Read(at)),
            ("node-2 down, as node-1 reports it", nodeDown.Read(at, "node-1")),
            ("drive failed", driveFailed.Read(at + TimeSpan.FromMinutes(30))),
            ("stretched bank, witness failed", stretched.Read(at)),
            (Captures.AllFlashHealthy, Captures.Replay(Captures.AllFlashHealthy)),
            (Captures.HybridWitnessFailed, Captures.Replay(Captures.HybridWitnessFailed)),
            (Captures.NodeDown, Captures.Replay(Captures.NodeDown)),
            (Captures.UnknownStates, Captures.Replay(Captures.UnknownStates)),
            (Captures.StretchedReplication, Captures.Replay(Captures.StretchedReplication)),
            (Captures.ClusterUnreachable, Captures.Replay(Captures.ClusterUnreachable)),
            ("empty", ClusterReading.Empty),
            ("healthy again", healthy.Read(at + TimeSpan.FromSeconds(10))),
        ];
    }

    [Fact]
    public void Collect_SameReadingsAsTheSdk_SameOtlp()
    {
        var readings = Readings();
        var current = readings[0].Reading;
        using var instruments = new CatalogInstruments(() => current);
        var time = new FakeTimeProvider(TestClock.Start);
        var start = time.GetUtcNow();
        var resource = AgentResource.Build(ExportSession.ServiceName, Cluster, Host, fromEnvironment: null);
        using var collector = new MeterCollector(instruments.Meter, resource, start);
        using var sdk = new SdkPipeline(instruments.Meter, ExportSession.ServiceName, Cluster, Host, TimeSpan.FromHours(1));

        var sdkStarts = new Dictionary<string, HashSet<ulong>>();
        var sdkLastTime = 0UL;
        var compared = 0;
        foreach (var (name, reading) in readings)
        {
            current = reading;
            time.Advance(TimeSpan.FromSeconds(10));
            var expected = sdk.Collect();
            var actual = OtlpRequest.Parser.ParseFrom(collector.Collect(time.GetUtcNow(), out var errors).Encode());

            Assert.Null(errors);
            Assert.Equal(Resource(expected), Resource(actual));
            Assert.Equal(Canonical(expected), Canonical(actual));
            Assert.All(Times(actual), t => Assert.Equal((MeterCollector.UnixNanos(start), MeterCollector.UnixNanos(time.GetUtcNow())), t.Times));

            // The SDK stamps each metric on its own (microseconds apart): the same shape, per metric.
            var sdkTimes = expected is null ? [] : Times(expected).ToList();
            foreach (var (metric, (sdkStart, sdkTime)) in sdkTimes)
            {
                Assert.True(sdkStart < sdkTime, $"{name}: {metric} starts after its time");
                Assert.True(sdkTime > sdkLastTime, $"{name}: {metric} stamped before the previous collection");
                sdkStarts.TryAdd(metric, []);
                sdkStarts[metric].Add(sdkStart);
            }

            sdkLastTime = sdkTimes.Select(t => t.Times.Time).DefaultIfEmpty(sdkLastTime).Max();
            compared += Canonical(expected).Count;
        }

        // Cumulative: a metric's start never moves during a run (the agent's is the session's start).
        Assert.All(sdkStarts, s => Assert.Single(s.Value));
        Assert.True(compared > 1000, $"only {compared} points compared");
    }

    [Fact]
    public void Build_Resource_TheSdksAttributesForTheAgent()
    {
        var resource = AgentResource.Build(ExportSession.ServiceName, Cluster, Host, "deployment.environment=lab,host.name=ignored,team=storage%20ops");
        var attributes = resource.ToDictionary(a => a.Key, a => a.Value);

        Assert.Equal("lab", attributes["deployment.environment"]);
        Assert.Equal("storage ops", attributes["team"]);
        Assert.Equal(Host, attributes[ResourceAttributes.HostName]);
        Assert.Equal(Cluster, attributes[ResourceAttributes.Cluster]);
        Assert.Equal(ExportSession.ServiceName, attributes["service.name"]);
        Assert.True(Guid.TryParse(attributes["service.instance.id"], out _));
        Assert.Equal("dotnet", attributes["telemetry.sdk.language"]);
    }

    // The SDK's service.instance.id is a random GUID and its telemetry.sdk.* name the SDK, which the agent no longer
    // is (Build_Resource_TheSdksAttributesForTheAgent covers those); every other attribute must match.
    private static List<string> Resource(OtlpRequest? request) =>
        request is null
            ? []
            : [.. Assert.Single(request.ResourceMetrics).Resource.Attributes
                .Where(a => a.Key != "service.instance.id" && !a.Key.StartsWith("telemetry.sdk.", StringComparison.Ordinal))
                .Select(a => $"{a.Key}={Text(a.Value)}").Order(StringComparer.Ordinal)];

    /// <summary>One line per point: scope, metric and its type, attributes in their order, typed value. Sorted.</summary>
    private static List<string> Canonical(OtlpRequest? request)
    {
        var lines = new List<string>();
        foreach (var scope in request?.ResourceMetrics.SelectMany(r => r.ScopeMetrics) ?? [])
        {
            Assert.Equal(scope.Metrics.Count, scope.Metrics.Select(m => m.Name).Distinct().Count());
            foreach (var metric in scope.Metrics)
            {
                var type = metric.DataCase == Metric.DataOneofCase.Sum
                    ? $"sum monotonic={metric.Sum.IsMonotonic} {metric.Sum.AggregationTemporality}"
                    : metric.DataCase.ToString();
                var header = $"{scope.Scope.Name}@{scope.Scope.Version} {metric.Name} [{metric.Unit}] \"{metric.Description}\" {type}";
                var points = Points(metric).ToList();
                Assert.NotEmpty(points);
                lines.AddRange(points.Select(p =>
                    $"{header} {{{string.Join(", ", p.Attributes.Select(a => $"{a.Key}={Text(a.Value)}"))}}} " +
                    (p.ValueCase == NumberDataPoint.ValueOneofCase.AsInt
                        ? $"int {p.AsInt}"
                        : $"double {p.AsDouble.ToString("R", CultureInfo.InvariantCulture)}")));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static IEnumerable<(string Metric, (ulong Start, ulong Time) Times)> Times(OtlpRequest request) =>
        request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics)
            .SelectMany(m => Points(m).Select(p => (m.Name, (p.StartTimeUnixNano, p.TimeUnixNano))));

    private static IEnumerable<NumberDataPoint> Points(Metric metric) =>
        metric.DataCase == Metric.DataOneofCase.Sum ? metric.Sum.DataPoints : metric.Gauge.DataPoints;

    private static string Text(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => $"\"{value.StringValue}\"",
        AnyValue.ValueOneofCase.IntValue => $"int {value.IntValue}",
        AnyValue.ValueOneofCase.DoubleValue => $"double {value.DoubleValue.ToString("R", CultureInfo.InvariantCulture)}",
        AnyValue.ValueOneofCase.BoolValue => $"bool {value.BoolValue}",
        _ => value.ValueCase.ToString(),
    };
}
