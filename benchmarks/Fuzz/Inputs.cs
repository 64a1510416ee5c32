using System.Globalization;
using System.Text;
using System.Text.Json;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using AzLocalMonitor.Telemetry.Otlp.Resource;
using Google.Protobuf;

namespace AzLocalMonitor.Fuzz;

/// <summary>Seed inputs shaped like the real ones, and generators of random but well-formed ones.</summary>
public sealed class Inputs
{
    private static readonly string[] Clusters = ["c1", "c2", "retail-017", "", "*", "c1\n", "é-cluster", new string('x', 300), "a\"b", "__name__"];
    private static readonly string[] Hosts = ["node-1", "node-2", "", "n\u0000", new string('h', 200)];
    private static readonly string[] AttributeNames =
        ["state", "volume", "pool", "network", "peer", "direction", "op", "media", "usage", "job", "severity", "type", "resiliency",
         "__name__", "__meta", "le", "cluster", "node", "", "1abc", "a.b-c", "a b", "é", new string('k', 300)];

    private readonly Mutator _m;
    private readonly long _nowMs;

    public Inputs(Mutator mutator, long nowMs)
    {
        _m = mutator;
        _nowMs = nowMs;
        OtlpSeeds = [.. Enumerable.Range(0, 8).Select(i => RealisticRequest(i))];
        ProtobufSeeds = [.. OtlpSeeds.Select(r => r.ToByteArray())];
        JsonSeeds = [.. OtlpSeeds.Select(r => Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(r)))];
        PolicySeeds = [File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policy", "azlocal-policy.yaml")), .. SmallPolicies];
        ScenarioSeeds = [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        CsvSeeds = [.. CsvShapes()];
        MaintenanceSeeds = [.. Enumerable.Range(0, 6).Select(_ => MaintenanceBody(wellFormed: true))];
        SilenceSeeds = [.. Enumerable.Range(0, 6).Select(_ => SilenceBody(wellFormed: true))];
    }

    public IReadOnlyList<ExportMetricsServiceRequest> OtlpSeeds { get; }

    public IReadOnlyList<byte[]> ProtobufSeeds { get; }

    public IReadOnlyList<byte[]> JsonSeeds { get; }

    public IReadOnlyList<string> PolicySeeds { get; }

    public IReadOnlyList<string> ScenarioSeeds { get; }

    public IReadOnlyList<string> CsvSeeds { get; }

    public IReadOnlyList<string> MaintenanceSeeds { get; }

    public IReadOnlyList<string> SilenceSeeds { get; }

    private static readonly string[] SmallPolicies =
    [
        """
        alerts:
          - alert: AzLocalNodeDown
            severity: critical
            for: 1m
        clusters:
          c1:
            AzLocalVolumeFull: { threshold: 0.9, for: 5m }
        maintenance:
          - cluster: c1
            cron: "0 0 22 ? * TUE"
            duration: 2h
            reason: patching
        inhibit:
          - source: AzLocalQuorumLost
            targets: [AzLocalNodeDown]
            target_matchers: ['node=~"n[12]"']
            equal: [cluster]
        """,
        """
        base: &b { severity: warning, for: 5m }
        alerts:
          - alert: AzLocalCpuHigh
            <<: *b
            threshold: 0.8
        """,
    ];

    /// <summary>An export as an agent sends it: resource attributes, catalog instruments with their attributes.</summary>
    public ExportMetricsServiceRequest RealisticRequest(int variant)
    {
        var request = new ExportMetricsServiceRequest();
        var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = "AzLocalMonitor.Collector", Version = "1.0" } };
        var resource = new Resource { Attributes = { Kv(ResourceAttributes.Cluster, "c" + (variant % 3)), Kv(ResourceAttributes.HostName, "node-" + (variant % 4)), Kv("service.name", "azlocal-collector") } };
        request.ResourceMetrics.Add(new ResourceMetrics { Resource = resource, ScopeMetrics = { scope } });
        var time = (ulong)(_nowMs - variant * 1000) * 1_000_000UL;
        foreach (var definition in MetricCatalog.All.Skip(variant * 3).Take(6 + variant))
        {
            var point = new NumberDataPoint { TimeUnixNano = time, StartTimeUnixNano = time - 60_000_000_000UL };
            if (variant % 2 == 0)
            {
                point.AsDouble = 0.25 * variant;
            }
            else
            {
                point.AsInt = variant * 1_000_000L;
            }

            foreach (var attribute in definition.Attributes)
            {
                point.Attributes.Add(Kv(attribute, attribute == "state" ? "up" : attribute + "-1"));
            }

            var metric = new Metric { Name = definition.Instrument, Unit = definition.Unit, Description = definition.Help };
            if (definition.Kind == MetricKind.Counter)
            {
                metric.Sum = new Sum { IsMonotonic = true, AggregationTemporality = AggregationTemporality.Cumulative, DataPoints = { point } };
            }
            else
            {
                metric.Gauge = new Gauge { DataPoints = { point } };
            }

            scope.Metrics.Add(metric);
        }

        return request;
    }

    /// <summary>A well-formed request with random field values: names, units, attribute values, times and numbers at edges.</summary>
    public ExportMetricsServiceRequest RandomRequest()
    {
        var r = _m.Random;
        var request = new ExportMetricsServiceRequest();
        for (var i = r.Next(0, 4); i > 0; i--)
        {
            var resource = new Resource();
            if (r.Next(8) != 0)
            {
                resource.Attributes.Add(Kv(ResourceAttributes.Cluster, _m.Pick(Clusters)));
            }

            if (r.Next(8) != 0)
            {
                resource.Attributes.Add(Kv(ResourceAttributes.HostName, _m.Pick(Hosts)));
            }

            for (var a = r.Next(0, 3); a > 0; a--)
            {
                resource.Attributes.Add(new KeyValue { Key = _m.Pick(AttributeNames), Value = RandomValue(0) });
            }

            var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = _m.Token() } };
            for (var m = r.Next(0, 6); m > 0; m--)
            {
                scope.Metrics.Add(RandomMetric());
            }

            request.ResourceMetrics.Add(new ResourceMetrics { Resource = resource, ScopeMetrics = { scope } });
        }

        return request;
    }

    private Metric RandomMetric()
    {
        var r = _m.Random;
        var definition = _m.Pick(MetricCatalog.All);
        var metric = new Metric
        {
            Name = r.Next(5) == 0 ? _m.Pick(["", "__name__", "a b", "x.y.z", "é", "1metric", new string('m', 500), definition.Instrument + "." + _m.Token()]) : definition.Instrument,
            Unit = r.Next(4) == 0 ? _m.Token() : definition.Unit,
        };
        switch (r.Next(6))
        {
            case 0:
                metric.Sum = new Sum { IsMonotonic = r.Next(2) == 0, AggregationTemporality = (AggregationTemporality)r.Next(-1, 4) };
                AddPoints(metric.Sum.DataPoints, definition);
                break;
            case 1:
                metric.Histogram = new Histogram { DataPoints = { new HistogramDataPoint { Count = (ulong)r.NextInt64(), Sum = RandomDouble(), TimeUnixNano = RandomTime(), BucketCounts = { 1, 2 }, ExplicitBounds = { RandomDouble() } } } };
                break;
            case 2:
                metric.Summary = new Summary { DataPoints = { new SummaryDataPoint { Count = 3, Sum = RandomDouble(), TimeUnixNano = RandomTime() } } };
                break;
            case 3:
                break;
            default:
                metric.Gauge = new Gauge();
                AddPoints(metric.Gauge.DataPoints, definition);
                break;
        }

        return metric;
    }

    private void AddPoints(Google.Protobuf.Collections.RepeatedField<NumberDataPoint> points, MetricDefinition definition)
    {
        var r = _m.Random;
        var count = r.Next(20) == 0 ? r.Next(50, 400) : r.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            var point = new NumberDataPoint { TimeUnixNano = RandomTime(), Flags = r.Next(10) == 0 ? (uint)r.Next() : 0 };
            if (r.Next(3) == 0)
            {
                point.AsInt = r.Next(4) == 0 ? _m.Pick([long.MinValue, long.MaxValue, 0L, -1L]) : r.NextInt64(-1000, 1000);
            }
            else if (r.Next(10) != 0)
            {
                point.AsDouble = RandomDouble();
            }

            foreach (var attribute in definition.Attributes)
            {
                if (r.Next(6) != 0)
                {
                    point.Attributes.Add(Kv(attribute, _m.Pick(["up", "down", "paused", "ok", "degraded", "read", "write", "", "v-" + r.Next(100000), _m.Token()])));
                }
            }

            for (var a = r.Next(20) == 0 ? r.Next(20, 200) : r.Next(0, 3); a > 0; a--)
            {
                point.Attributes.Add(new KeyValue { Key = r.Next(3) == 0 ? _m.Pick(AttributeNames) : "a" + r.Next(1000), Value = RandomValue(0) });
            }

            points.Add(point);
        }
    }

    private AnyValue RandomValue(int depth)
    {
        var r = _m.Random;
        return r.Next(depth > 2 ? 6 : 9) switch
        {
            0 => new AnyValue { IntValue = r.NextInt64(long.MinValue, long.MaxValue) },
            1 => new AnyValue { DoubleValue = RandomDouble() },
            2 => new AnyValue { BoolValue = r.Next(2) == 0 },
            3 => new AnyValue { BytesValue = ByteString.CopyFrom([.. Enumerable.Range(0, r.Next(0, 8)).Select(_ => (byte)r.Next(256))]) },
            4 => new AnyValue(),
            6 => new AnyValue { ArrayValue = new ArrayValue { Values = { RandomValue(depth + 1), RandomValue(depth + 1) } } },
            7 => new AnyValue { KvlistValue = new KeyValueList { Values = { new KeyValue { Key = _m.Token(), Value = RandomValue(depth + 1) } } } },
            _ => new AnyValue { StringValue = r.Next(30) == 0 ? new string('v', r.Next(1000, 20000)) : _m.Token() },
        };
    }

    private double RandomDouble() => _m.Random.Next(6) switch
    {
        0 => _m.Pick([double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.MaxValue, double.MinValue, double.Epsilon, 1e300, -1e-300]),
        1 => _m.Random.NextDouble(),
        2 => _m.Random.Next(-10, 200),
        _ => (_m.Random.NextDouble() - 0.5) * Math.Pow(10, _m.Random.Next(-10, 20)),
    };

    private ulong RandomTime()
    {
        var now = (ulong)_nowMs * 1_000_000UL;
        return _m.Random.Next(8) switch
        {
            0 => 0,
            1 => ulong.MaxValue,
            2 => now + (ulong)_m.Random.NextInt64(0, 100L * 365 * 86_400_000_000_000L),
            3 => now - (ulong)_m.Random.NextInt64(0, 50L * 365 * 86_400_000_000_000L),
            4 => (ulong)_m.Random.NextInt64(),
            _ => now - (ulong)_m.Random.NextInt64(0, 30_000_000_000L),
        };
    }

    private static KeyValue Kv(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    /// <summary>CSV series in the shapes the forecast command documents.</summary>
    private static IEnumerable<string> CsvShapes()
    {
        var inv = CultureInfo.InvariantCulture;
        yield return "month,passengers\n" + string.Join('\n', Enumerable.Range(0, 48).Select(i => string.Create(inv, $"{new DateTime(1949, 1, 1).AddMonths(i):yyyy-MM},{112 + i * 3 + (i % 12) * 5}")));
        yield return "timestamp,value\n" + string.Join('\n', Enumerable.Range(0, 24 * 6).Select(i => string.Create(inv, $"{new DateTime(2025, 1, 1).AddHours(i):yyyy-MM-ddTHH:mm:ssZ},{Math.Sin(i / 3.0) + i * 0.01:R}")));
        yield return string.Join('\n', Enumerable.Range(0, 40).Select(i => string.Create(inv, $"{new DateTime(2025, 1, 1).AddDays(i):yyyy-MM-dd},{(i % 7 == 3 ? "NA" : (100 + i).ToString(inv))}")));
        yield return "date,used (GB),free\n" + string.Join('\n', Enumerable.Range(0, 30).Select(i => string.Create(inv, $"{new DateTime(2025, 3, 1).AddDays(i):yyyy-MM-dd},{500 + i * 7},{1000 - i}")));
        yield return "ds,cpu_percent\n" + string.Join('\n', Enumerable.Range(0, 30).Select(i => string.Create(inv, $"{new DateTime(2025, 3, 1).AddMinutes(i * 5):O},{(i * 3) % 100}")));
        yield return "# capacity\ntime,value_TiB\n" + string.Join('\n', Enumerable.Range(0, 20).Select(i => string.Create(inv, $"\"{new DateTime(2024, 1, 1).AddDays(i * 7):yyyy/MM/dd}\",{1.5 + i * 0.1:R}")));
    }

    /// <summary>A maintenance request body: recurring or one-off, with values from plausible to hostile.</summary>
    public string MaintenanceBody(bool wellFormed)
    {
        var r = _m.Random;
        var now = DateTimeOffset.FromUnixTimeMilliseconds(_nowMs);
        var fields = new Dictionary<string, object?>();
        Field(fields, "name", () => _m.Pick(["patch", "", "x", new string('n', 2000)]), wellFormed);
        Field(fields, "cluster", () => _m.Pick(Clusters), wellFormed);
        Field(fields, "node", () => _m.Pick(Hosts), wellFormed: false);
        if (r.Next(2) == 0)
        {
            Field(fields, "cron", () => _m.Pick(["0 0 22 ? * TUE", "* * * * * ?", "0 0/5 * * * ?", "0 0 0 29 2 ? 2100", "0 0 0 31 12 ? 1970", "bad", "", "* * * * * * * *", "0 0 22 ? * MON-FRI", "L W #"]), wellFormed);
            Field(fields, "duration", () => _m.Pick(["2h", "1s", "0s", "-1h", "30d", "3650d", "99999999999999d", "1.5h", "P1D", "abc", "00:30:00", _m.NumberLike()]), wellFormed);
            Field(fields, "timeZone", () => _m.Pick(["UTC", "Europe/Paris", "America/New_York", "Not/AZone", "", "../../etc/passwd", "+14:00"]), wellFormed: false);
        }
        else
        {
            Field(fields, "start", () => Time(now), wellFormed);
            Field(fields, "end", () => Time(now.AddHours(2)), wellFormed);
        }

        Field(fields, "reason", () => _m.Pick(["patching", "", new string('r', 5000), "\u0000"]), wellFormed);
        return Serialize(fields);
    }

    /// <summary>A silence request body: Alertmanager matchers, an end or a duration, a comment.</summary>
    public string SilenceBody(bool wellFormed)
    {
        var r = _m.Random;
        var now = DateTimeOffset.FromUnixTimeMilliseconds(_nowMs);
        var fields = new Dictionary<string, object?>();
        var matchers = Enumerable.Range(0, r.Next(wellFormed ? 1 : 0, 4)).Select(_ => _m.Pick(
            ["cluster=\"c1\"", "alertname=\"AzLocalCpuHigh\"", "node=~\"n[12]\"", "alertname=~\".*\"", "cluster!=\"\"", "x=~\"(\"", "=\"\"", "a", "node=~\"" + new string('(', 50) + "\"", "node=~\"(a+)+$\"", "severity!~\"info|warning\"", _m.Token()])).ToArray();
        Field(fields, "matchers", () => matchers, wellFormed);
        if (r.Next(2) == 0)
        {
            Field(fields, "duration", () => _m.Pick(["1h", "0s", "-1h", "30d", "90d", "99999999999999d", "1.5h", _m.NumberLike()]), wellFormed);
        }
        else
        {
            Field(fields, "startsAt", () => Time(now), wellFormed: false);
            Field(fields, "endsAt", () => Time(now.AddHours(1)), wellFormed);
        }

        Field(fields, "comment", () => _m.Pick(["maintenance", "", new string('c', 5000)]), wellFormed);
        return Serialize(fields);
    }

    private string Time(DateTimeOffset plausible) => _m.Random.Next(4) == 0
        ? _m.Pick(["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2100-01-01T00:00:00+14:00", "1970-01-01T00:00:00Z", "not a time", _m.NumberLike()])
        : plausible.AddMinutes(_m.Random.Next(-120, 600)).ToString("O", CultureInfo.InvariantCulture);

    private void Field(Dictionary<string, object?> fields, string name, Func<object?> value, bool wellFormed)
    {
        var r = _m.Random;
        if (!wellFormed && r.Next(6) == 0)
        {
            return;
        }

        fields[name] = wellFormed || r.Next(8) != 0 ? value() : _m.Pick<object?>([null, 42, -1.5e300, true, Array.Empty<string>(), new Dictionary<string, object?> { ["x"] = 1 }, _m.Token()]);
    }

    private static string Serialize(Dictionary<string, object?> fields) => JsonSerializer.Serialize(fields, Compact);

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };
}
