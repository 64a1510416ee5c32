using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OtlpMetric = AzLocalMonitor.Telemetry.Otlp.Metrics.Metric;
using OtlpResource = AzLocalMonitor.Telemetry.Otlp.Resource.Resource;
using Proto = AzLocalMonitor.Telemetry.Otlp.Metrics;

namespace AzLocalMonitor.Collector.Tests.Export.SdkOracle;

/// <summary>
/// The agent's encoder from when it collected through the OpenTelemetry SDK (src/Collector/Export/OtlpBatchEncoder.cs
/// before the SDK was removed from the agent), kept as it was: one SDK batch → one OTLP request, each point with the
/// SDK's own start and end times.
/// </summary>
internal static class SdkBatchEncoder
{
    public static ExportMetricsServiceRequest Encode(in Batch<Metric> batch, OtlpResource resource)
    {
        var resourceMetrics = new Proto.ResourceMetrics { Resource = resource };
        var scopes = new Dictionary<string, Proto.ScopeMetrics>(StringComparer.Ordinal);
        foreach (var metric in batch)
        {
            if (Encode(metric) is not { } encoded)
            {
                continue;
            }

            if (!scopes.TryGetValue(metric.MeterName, out var scope))
            {
                scope = new Proto.ScopeMetrics { Scope = new InstrumentationScope { Name = metric.MeterName, Version = metric.MeterVersion ?? string.Empty } };
                scopes.Add(metric.MeterName, scope);
                resourceMetrics.ScopeMetrics.Add(scope);
            }

            scope.Metrics.Add(encoded);
        }

        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resourceMetrics);
        return request;
    }

    public static OtlpResource Resource(IEnumerable<KeyValuePair<string, object>> attributes)
    {
        var resource = new OtlpResource();
        foreach (var (key, value) in attributes)
        {
            resource.Attributes.Add(new KeyValue { Key = key, Value = Value(value) });
        }

        return resource;
    }

    private static OtlpMetric? Encode(Metric metric)
    {
        var result = new OtlpMetric { Name = metric.Name, Unit = metric.Unit ?? string.Empty, Description = metric.Description ?? string.Empty };
        switch (metric.MetricType)
        {
            case MetricType.LongGauge:
            case MetricType.DoubleGauge:
                result.Gauge = new Proto.Gauge();
                result.Gauge.DataPoints.AddRange(Points(metric, isSum: false));
                break;
            case MetricType.LongSum:
            case MetricType.DoubleSum:
            case MetricType.LongSumNonMonotonic:
            case MetricType.DoubleSumNonMonotonic:
                result.Sum = new Proto.Sum
                {
                    IsMonotonic = metric.MetricType is MetricType.LongSum or MetricType.DoubleSum,
                    AggregationTemporality = metric.Temporality == AggregationTemporality.Delta
                        ? Proto.AggregationTemporality.Delta
                        : Proto.AggregationTemporality.Cumulative,
                };
                result.Sum.DataPoints.AddRange(Points(metric, isSum: true));
                break;
            default:
                return null;
        }

        return result;
    }

    private static List<Proto.NumberDataPoint> Points(Metric metric, bool isSum)
    {
        var isLong = metric.MetricType is MetricType.LongGauge or MetricType.LongSum or MetricType.LongSumNonMonotonic;
        var points = new List<Proto.NumberDataPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var encoded = new Proto.NumberDataPoint
            {
                StartTimeUnixNano = UnixNanos(point.StartTime),
                TimeUnixNano = UnixNanos(point.EndTime),
            };
            if (isLong)
            {
                encoded.AsInt = isSum ? point.GetSumLong() : point.GetGaugeLastValueLong();
            }
            else
            {
                encoded.AsDouble = isSum ? point.GetSumDouble() : point.GetGaugeLastValueDouble();
            }

            foreach (var tag in point.Tags)
            {
                encoded.Attributes.Add(new KeyValue { Key = tag.Key, Value = Value(tag.Value) });
            }

            points.Add(encoded);
        }

        return points;
    }

    private static ulong UnixNanos(DateTimeOffset time) => (ulong)(time.ToUnixTimeMilliseconds() * 1_000_000L) + (ulong)(time.Ticks % TimeSpan.TicksPerMillisecond * 100);

    private static AnyValue Value(object? value) => value switch
    {
        null => new AnyValue { StringValue = string.Empty },
        string s => new AnyValue { StringValue = s },
        bool b => new AnyValue { BoolValue = b },
        int or long or short or byte or uint or ushort or sbyte => new AnyValue { IntValue = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) },
        double or float or decimal => new AnyValue { DoubleValue = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) },
        _ => new AnyValue { StringValue = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty },
    };
}
