using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OtlpMetric = AzLocalMonitor.Telemetry.Otlp.Metrics.Metric;
using OtlpResource = AzLocalMonitor.Telemetry.Otlp.Resource.Resource;
using Proto = AzLocalMonitor.Telemetry.Otlp.Metrics;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// Turns one batch the OpenTelemetry SDK collected into an OTLP <see cref="ExportMetricsServiceRequest"/>, keeping
/// each point's own start and end times, so that a batch replayed from the spool hours later still says when
/// it was measured. Gauges and sums only (the catalog has no histograms); other types are skipped.
/// </summary>
internal static class OtlpBatchEncoder
{
    /// <summary>Encodes <paramref name="batch"/> under <paramref name="resource"/>, plus <paramref name="extra"/> metrics in their own scope.</summary>
    public static ExportMetricsServiceRequest Encode(in Batch<Metric> batch, OtlpResource resource, ScopeMetricsSpec? extra = null)
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

        if (extra is { } spec)
        {
            var scope = new Proto.ScopeMetrics { Scope = new InstrumentationScope { Name = spec.Name } };
            scope.Metrics.AddRange(spec.Metrics);
            resourceMetrics.ScopeMetrics.Add(scope);
        }

        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resourceMetrics);
        return request;
    }

    /// <summary>The latest end time of any point in the request (Unix ns); 0 when it has none.</summary>
    public static ulong LatestTime(ExportMetricsServiceRequest request) =>
        request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics)
            .SelectMany(m => m.DataCase == OtlpMetric.DataOneofCase.Sum ? m.Sum.DataPoints : m.Gauge?.DataPoints ?? [])
            .Select(p => p.TimeUnixNano).DefaultIfEmpty(0UL).Max();

    /// <summary>Converts a resource's attributes (from the SDK) to the OTLP resource.</summary>
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

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public static ulong UnixNanos(DateTimeOffset time) => (ulong)(time.ToUnixTimeMilliseconds() * 1_000_000L) + (ulong)(time.Ticks % TimeSpan.TicksPerMillisecond * 100);

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
