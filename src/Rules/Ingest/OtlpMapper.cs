using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// Maps OTLP resource and data-point attributes to Prometheus series (PRODUCT.md §3): the metric name by the
/// catalog (or the generic OTLP→Prometheus translation), <c>cluster</c> from the point else the resource's
/// <c>azlocal.cluster</c>, <c>node</c> (node scope only) from the point else the resource's <c>host.name</c>.
/// </summary>
public static class OtlpMapper
{
    private const uint NoRecordedValueFlag = 1;

    /// <summary>Maps every number data point of a request; <paramref name="nowMs"/> stands in for missing timestamps.</summary>
    public static MappingResult Map(ExportMetricsServiceRequest request, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new MappingResult();
        var labels = new List<KeyValuePair<string, string>>(8);
        foreach (var rm in request.ResourceMetrics)
        {
            var resourceCluster = Find(rm.Resource?.Attributes, ResourceAttributes.Cluster);
            var hostName = Find(rm.Resource?.Attributes, ResourceAttributes.HostName);
            foreach (var sm in rm.ScopeMetrics)
            {
                foreach (var metric in sm.Metrics)
                {
                    MapMetric(metric, resourceCluster, hostName, nowMs, labels, result);
                }
            }
        }

        return result;
    }

    private static void MapMetric(Metric metric, string? resourceCluster, string? hostName, long nowMs,
        List<KeyValuePair<string, string>> labels, MappingResult result)
    {
        IEnumerable<NumberDataPoint> points;
        bool monotonicSum;
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                points = metric.Gauge.DataPoints;
                monotonicSum = false;
                break;
            case Metric.DataOneofCase.Sum:
                points = metric.Sum.DataPoints;
                monotonicSum = metric.Sum.IsMonotonic;
                break;
            case Metric.DataOneofCase.Histogram:
                result.Reject(RejectReason.UnsupportedType, metric.Histogram.DataPoints.Count);
                return;
            case Metric.DataOneofCase.ExponentialHistogram:
                result.Reject(RejectReason.UnsupportedType, metric.ExponentialHistogram.DataPoints.Count);
                return;
            case Metric.DataOneofCase.Summary:
                result.Reject(RejectReason.UnsupportedType, metric.Summary.DataPoints.Count);
                return;
            default:
                return;
        }

        MetricCatalog.TryGet(metric.Name, out var definition);
        var promName = definition?.PrometheusName ?? PrometheusNaming.Translate(metric.Name, metric.Unit, monotonicSum);
        var kind = definition?.Kind ?? (monotonicSum ? MetricKind.Counter : MetricKind.Gauge);
        var scope = definition?.Scope ?? MetricScope.Node;
        var isMembership = metric.Name is Instruments.NodeState or Instruments.NodeDrain;

        foreach (var point in points)
        {
            if ((point.Flags & NoRecordedValueFlag) != 0 || point.ValueCase == NumberDataPoint.ValueOneofCase.None)
            {
                result.Reject(RejectReason.NoValue);
                continue;
            }

            string? cluster = resourceCluster;
            string? node = null;
            labels.Clear();
            foreach (var attribute in point.Attributes)
            {
                var text = ToLabelValue(attribute.Value);
                switch (attribute.Key)
                {
                    case ResourceAttributes.ClusterLabel:
                        cluster = text;
                        break;
                    case ResourceAttributes.NodeLabel:
                        node = text;
                        break;
                    default:
                        labels.Add(new(PrometheusNaming.SanitizeLabelName(attribute.Key), text));
                        break;
                }
            }

            if (string.IsNullOrEmpty(cluster))
            {
                result.Reject(RejectReason.NoCluster);
                continue;
            }

            string? selfReport = null;
            if (scope == MetricScope.Node)
            {
                node = string.IsNullOrEmpty(node) ? hostName : node;
                if (!string.IsNullOrEmpty(node))
                {
                    labels.Add(new(ResourceAttributes.NodeLabel, node));
                    selfReport = isMembership ? null : node;
                }
            }

            labels.Add(new(ResourceAttributes.ClusterLabel, cluster));
            var value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsDouble ? point.AsDouble : point.AsInt;
            var timestampMs = point.TimeUnixNano == 0 ? nowMs : (long)(point.TimeUnixNano / 1_000_000UL);
            result.Add(cluster, new MappedSample(promName, kind, LabelSet.From(labels), value, timestampMs, selfReport));
        }
    }

    private static string? Find(IEnumerable<KeyValue>? attributes, string key)
    {
        if (attributes is null)
        {
            return null;
        }

        foreach (var attribute in attributes)
        {
            if (attribute.Key == key)
            {
                return ToLabelValue(attribute.Value);
            }
        }

        return null;
    }

    /// <summary>Renders an attribute value as a label value (strings as they are, others invariantly).</summary>
    internal static string ToLabelValue(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(",", value.ArrayValue.Values.Select(ToLabelValue)) + "]",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(",", value.KvlistValue.Values.Select(kv => kv.Key + "=" + ToLabelValue(kv.Value))) + "}",
        _ => string.Empty,
    };
}
