using System.Globalization;
using Tag = System.Collections.Generic.KeyValuePair<string, object?>;

namespace AzLocalMonitor.Collector.Export.Otlp;

/// <summary>
/// One OTLP ExportMetricsServiceRequest with one resource, as the agent builds it, and its protobuf encoding.
/// Written by hand (field numbers from opentelemetry-proto's metrics, common and resource .proto files, the copies in
/// src/Telemetry/Protos) instead of through Google.Protobuf's generated classes: the agent only ever encodes
/// gauges and cumulative sums of number points, and the generated classes bring the protobuf runtime and its
/// descriptor reflection into the agent's binary (docs/agent-footprint.md). The encoding is the one Google.Protobuf
/// gives the same request, byte for byte (tests/Collector.Tests/Export/Otlp/OtlpBatchTests.cs).
/// </summary>
internal sealed class OtlpBatch
{
    /// <summary>Resource attributes (string values).</summary>
    public List<KeyValuePair<string, string>> Resource { get; } = [];

    public List<OtlpScope> Scopes { get; } = [];

    /// <summary>The latest point time (Unix ns); 0 when the batch has no point.</summary>
    public ulong LatestTime()
    {
        var latest = 0UL;
        foreach (var scope in Scopes)
        {
            foreach (var metric in scope.Metrics)
            {
                foreach (var point in metric.Points)
                {
                    latest = Math.Max(latest, point.TimeUnixNano);
                }
            }
        }

        return latest;
    }

    /// <summary>The request's protobuf bytes (OTLP/HTTP's application/x-protobuf body).</summary>
    public byte[] Encode()
    {
        var writer = new ProtobufWriter();
        var resourceMetrics = writer.BeginMessage(1); // ExportMetricsServiceRequest.resource_metrics
        var resource = writer.BeginMessage(1); // ResourceMetrics.resource
        foreach (var (key, value) in Resource)
        {
            var attribute = writer.BeginMessage(1); // Resource.attributes
            WriteKeyValue(writer, key, value);
            writer.EndMessage(attribute);
        }

        writer.EndMessage(resource);
        foreach (var scope in Scopes)
        {
            var scopeMetrics = writer.BeginMessage(2); // ResourceMetrics.scope_metrics
            var instrumentationScope = writer.BeginMessage(1); // ScopeMetrics.scope
            OptionalString(writer, 1, scope.Name);
            OptionalString(writer, 2, scope.Version);
            writer.EndMessage(instrumentationScope);
            foreach (var metric in scope.Metrics)
            {
                var encoded = writer.BeginMessage(2); // ScopeMetrics.metrics
                WriteMetric(writer, metric);
                writer.EndMessage(encoded);
            }

            writer.EndMessage(scopeMetrics);
        }

        writer.EndMessage(resourceMetrics);
        return writer.ToArray();
    }

    private static void WriteMetric(ProtobufWriter writer, OtlpMetric metric)
    {
        OptionalString(writer, 1, metric.Name);
        OptionalString(writer, 2, metric.Description);
        OptionalString(writer, 3, metric.Unit);
        var data = writer.BeginMessage(metric.Kind == OtlpMetricKind.Gauge ? 5 : 7); // Metric.gauge / Metric.sum
        foreach (var point in metric.Points)
        {
            var encoded = writer.BeginMessage(1); // Gauge.data_points / Sum.data_points
            WritePoint(writer, point);
            writer.EndMessage(encoded);
        }

        if (metric.Kind != OtlpMetricKind.Gauge)
        {
            writer.Varint(2, 2); // Sum.aggregation_temporality = AGGREGATION_TEMPORALITY_CUMULATIVE
            if (metric.Kind == OtlpMetricKind.MonotonicSum)
            {
                writer.Varint(3, 1); // Sum.is_monotonic
            }
        }

        writer.EndMessage(data);
    }

    private static void WritePoint(ProtobufWriter writer, OtlpPoint point)
    {
        // NumberDataPoint, in field-number order as protobuf encoders write it.
        if (point.StartTimeUnixNano != 0)
        {
            writer.Fixed64(2, point.StartTimeUnixNano);
        }

        if (point.TimeUnixNano != 0)
        {
            writer.Fixed64(3, point.TimeUnixNano);
        }

        if (point.IsInt)
        {
            writer.Fixed64(6, (ulong)point.IntValue); // as_int, sfixed64
        }
        else
        {
            writer.Double(4, point.DoubleValue); // as_double
        }

        foreach (var (key, value) in point.Attributes)
        {
            var attribute = writer.BeginMessage(7); // NumberDataPoint.attributes
            WriteKeyValue(writer, key, value);
            writer.EndMessage(attribute);
        }
    }

    private static void WriteKeyValue(ProtobufWriter writer, string key, object? value)
    {
        OptionalString(writer, 1, key);
        var any = writer.BeginMessage(2); // KeyValue.value: AnyValue, a oneof (written even when default)
        switch (value)
        {
            case bool b:
                writer.Varint(2, b ? 1UL : 0UL);
                break;
            case int or long or short or byte or uint or ushort or sbyte:
                writer.Varint(3, (ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                writer.Double(4, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            default:
                writer.String(1, value is null ? string.Empty : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }

        writer.EndMessage(any);
    }

    // Proto3: a string equal to its default ("") is not written.
    private static void OptionalString(ProtobufWriter writer, int field, string value)
    {
        if (value.Length > 0)
        {
            writer.String(field, value);
        }
    }
}

/// <summary>One instrumentation scope's metrics.</summary>
internal sealed record OtlpScope(string Name, string Version, List<OtlpMetric> Metrics);

/// <summary>A gauge or a cumulative sum.</summary>
internal sealed record OtlpMetric(string Name, string Unit, string Description, OtlpMetricKind Kind, List<OtlpPoint> Points);

internal enum OtlpMetricKind
{
    Gauge,

    /// <summary>Sum, cumulative, monotonic (a counter).</summary>
    MonotonicSum,

    /// <summary>Sum, cumulative, not monotonic (an up-down counter).</summary>
    Sum,
}

/// <summary>A number data point; attributes in the order they are written.</summary>
internal sealed class OtlpPoint(ulong startTimeUnixNano, ulong timeUnixNano, IReadOnlyList<Tag> attributes)
{
    public ulong StartTimeUnixNano { get; } = startTimeUnixNano;

    public ulong TimeUnixNano { get; } = timeUnixNano;

    public IReadOnlyList<Tag> Attributes { get; } = attributes;

    public bool IsInt { get; private set; }

    public long IntValue { get; private set; }

    public double DoubleValue { get; private set; }

    public OtlpPoint Set(long value)
    {
        (IsInt, IntValue) = (true, value);
        return this;
    }

    public OtlpPoint Set(double value)
    {
        (IsInt, DoubleValue) = (false, value);
        return this;
    }
}
