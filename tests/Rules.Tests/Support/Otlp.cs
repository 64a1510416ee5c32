using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using AzLocalMonitor.Telemetry.Otlp.Resource;

namespace AzLocalMonitor.Rules.Tests.Support;

/// <summary>Builds OTLP export requests for tests, the way an SDK would send them.</summary>
public sealed class Otlp
{
    private readonly ScopeMetrics _scope = new() { Scope = new InstrumentationScope { Name = "tests" } };
    private readonly ExportMetricsServiceRequest _request = new();

    public Otlp(string? cluster = "c1", string? host = "node-1")
    {
        var resource = new Resource();
        if (cluster is not null)
        {
            resource.Attributes.Add(Kv("azlocal.cluster", cluster));
        }

        if (host is not null)
        {
            resource.Attributes.Add(Kv("host.name", host));
        }

        _request.ResourceMetrics.Add(new ResourceMetrics { Resource = resource, ScopeMetrics = { _scope } });
    }

    public static KeyValue Kv(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static NumberDataPoint Point(double value, long timeMs = 1_795_000_000_000, params (string Key, string Value)[] attributes)
    {
        var point = new NumberDataPoint { AsDouble = value, TimeUnixNano = (ulong)timeMs * 1_000_000UL };
        foreach (var (k, v) in attributes)
        {
            point.Attributes.Add(Kv(k, v));
        }

        return point;
    }

    public Otlp Gauge(string name, string unit, params NumberDataPoint[] points)
    {
        var gauge = new Gauge();
        gauge.DataPoints.AddRange(points);
        _scope.Metrics.Add(new Metric { Name = name, Unit = unit, Gauge = gauge });
        return this;
    }

    public Otlp Gauge(string name, double value, params (string Key, string Value)[] attributes) =>
        Gauge(name, string.Empty, Point(value, 1_795_000_000_000, attributes));

    public Otlp Sum(string name, string unit, bool monotonic, params NumberDataPoint[] points)
    {
        var sum = new Sum { IsMonotonic = monotonic, AggregationTemporality = AggregationTemporality.Cumulative };
        sum.DataPoints.AddRange(points);
        _scope.Metrics.Add(new Metric { Name = name, Unit = unit, Sum = sum });
        return this;
    }

    /// <summary>Adds every state of a state set: 1 for <paramref name="current"/>, 0 for the others.</summary>
    public Otlp StateSet(string name, IEnumerable<string> states, string current, params (string Key, string Value)[] attributes)
    {
        var points = states.Select(s => Point(s == current ? 1 : 0, 1_795_000_000_000, [.. attributes, ("state", s)])).ToArray();
        return Gauge(name, string.Empty, points);
    }

    public ExportMetricsServiceRequest Build() => _request;
}
