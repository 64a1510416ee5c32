using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// Maps OTLP resource and data-point attributes to Prometheus series (docs/reference/metrics.md): the metric name by the
/// catalog (or the generic OTLP→Prometheus translation), <c>cluster</c> from the point else the resource's
/// <c>azlocal.cluster</c>, <c>node</c> (node scope only) from the point else the resource's <c>host.name</c>.
/// </summary>
public static class OtlpMapper
{
    private const uint NoRecordedValueFlag = 1;

    /// <summary>
    /// Maps every number data point of a request; <paramref name="nowMs"/> stands in for missing timestamps and bounds
    /// future ones; the limits (default: <see cref="IngestOptions"/>' defaults) bounds what one point may carry.
    /// </summary>
    public static MappingResult Map(ExportMetricsServiceRequest request, long nowMs) => Map(request, nowMs, IngestLimits.Default);

    internal static MappingResult Map(ExportMetricsServiceRequest request, long nowMs, IngestLimits limits)
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
                    MapMetric(metric, resourceCluster, hostName, nowMs, limits, labels, result);
                }
            }
        }

        return result;
    }

    private static void MapMetric(Metric metric, string? resourceCluster, string? hostName, long nowMs, IngestLimits limits,
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

        var info = MetricInfo.Describe(metric.Name, metric.Unit, monotonicSum);
        var attributes = new List<KeyValuePair<string, string>>(8);
        foreach (var point in points)
        {
            attributes.Clear();
            foreach (var attribute in point.Attributes)
            {
                attributes.Add(new(attribute.Key, ToLabelValue(attribute.Value)));
            }

            var hasValue = point.ValueCase != NumberDataPoint.ValueOneofCase.None;
            var value = point.ValueCase == NumberDataPoint.ValueOneofCase.AsDouble ? point.AsDouble : point.AsInt;
            AddPoint(info, resourceCluster, hostName, attributes, hasValue, point.Flags, value, point.TimeUnixNano, nowMs, limits, labels, result);
        }
    }

    /// <summary>
    /// Maps one number data point (its attributes as key/text pairs in wire order) and adds it to
    /// <paramref name="result"/>: the one place the identity rules of docs/reference/metrics.md are applied, shared by the
    /// message-based path and the fast protobuf reader, so both enforce the same <paramref name="limits"/>.
    /// </summary>
    /// <returns>What the point mapped to when it was accepted (for <see cref="RawSeriesCache"/>), else null.</returns>
    internal static MappedIdentity? AddPoint(MetricInfo info, string? resourceCluster, string? hostName, List<KeyValuePair<string, string>> attributes,
        bool hasValue, uint flags, double value, ulong timeUnixNano, long nowMs, IngestLimits limits, List<KeyValuePair<string, string>> labels, MappingResult result)
    {
        if (HasNoValue(hasValue, flags))
        {
            result.Reject(RejectReason.NoValue);
            return null;
        }

        if (Refuse(info, attributes, timeUnixNano, nowMs, limits) is { } refused)
        {
            result.Reject(refused);
            return null;
        }

        var cluster = resourceCluster;
        string? node = null;
        labels.Clear();
        foreach (var (key, text) in attributes)
        {
            switch (key)
            {
                case ResourceAttributes.ClusterLabel:
                    cluster = text;
                    break;
                case ResourceAttributes.NodeLabel:
                    node = text;
                    break;
                default:
                    labels.Add(new(info.InCatalog ? CatalogLabelName(key) : LabelName(key), text));
                    break;
            }
        }

        if (string.IsNullOrEmpty(cluster))
        {
            result.Reject(RejectReason.NoCluster);
            return null;
        }

        if (cluster.Length > limits.MaxClusterNameLength)
        {
            result.Reject(RejectReason.ClusterNameTooLong);
            return null;
        }

        if (HostTooLong(hostName, limits))
        {
            result.Reject(RejectReason.ValueTooLong);
            return null;
        }

        string? selfReport = null;
        var fromHost = false;
        if (info.Scope == MetricScope.Node)
        {
            fromHost = string.IsNullOrEmpty(node);
            node = fromHost ? hostName : node;
            if (!string.IsNullOrEmpty(node))
            {
                labels.Add(new(ResourceAttributes.NodeLabel, node));
                selfReport = info.IsMembership || !info.InCatalog ? null : node;
            }
        }

        labels.Add(new(ResourceAttributes.ClusterLabel, cluster));
        var identity = new MappedIdentity(cluster, LabelSet.From(labels), selfReport, fromHost);
        Add(info, identity, value, timeUnixNano, nowMs, result);
        return identity;
    }

    /// <summary>Adds a point whose identity is known (mapped before, or just now): the one place a mapped point's sample is made.</summary>
    internal static void Add(MetricInfo info, in MappedIdentity identity, double value, ulong timeUnixNano, long nowMs, MappingResult result)
    {
        var timestampMs = timeUnixNano == 0 ? nowMs : (long)(timeUnixNano / 1_000_000UL);
        result.Add(identity.Cluster, new MappedSample(info.PrometheusName, info.Kind, identity.Labels, value, timestampMs, identity.SelfReportNode));
    }

    /// <summary>True when a point carries no value (none set, or flagged as having no recorded value).</summary>
    internal static bool HasNoValue(bool hasValue, uint flags) => (flags & NoRecordedValueFlag) != 0 || !hasValue;

    /// <summary>True when the resource's host name is over the label value limit (every point of that resource is refused).</summary>
    internal static bool HostTooLong(string? hostName, IngestLimits limits) => hostName is { Length: > 0 } && hostName.Length > limits.MaxLabelValueLength;

    /// <summary>Why a point's metric, attributes or time are refused outright, or null when they are within the limits.</summary>
    private static RejectReason? Refuse(MetricInfo info, List<KeyValuePair<string, string>> attributes, ulong timeUnixNano, long nowMs, IngestLimits limits)
    {
        if (info.IsReserved)
        {
            return RejectReason.ReservedName;
        }

        if (info.PrometheusName.Length > limits.MaxNameLength)
        {
            return RejectReason.NameTooLong;
        }

        if (attributes.Count > limits.MaxAttributesPerPoint)
        {
            return RejectReason.TooManyAttributes;
        }

        foreach (var (key, text) in attributes)
        {
            if (key.Length > limits.MaxNameLength)
            {
                return RejectReason.NameTooLong;
            }

            if (text.Length > limits.MaxLabelValueLength)
            {
                return RejectReason.ValueTooLong;
            }
        }

        return RefuseTime(timeUnixNano, nowMs, limits);
    }

    /// <summary>Why a point's time is refused (too far ahead, too old), or null; the last of <see cref="Refuse"/>'s checks.</summary>
    internal static RejectReason? RefuseTime(ulong timeUnixNano, long nowMs, IngestLimits limits)
    {
        if (timeUnixNano != 0)
        {
            var timestampMs = (long)(timeUnixNano / 1_000_000UL);
            if (timestampMs - nowMs > limits.MaxFutureSkewMs)
            {
                return RejectReason.FutureTimestamp;
            }

            if (nowMs - timestampMs > limits.MaxPointAgeMs)
            {
                return RejectReason.TooOld;
            }
        }

        return null;
    }

    /// <summary>
    /// The Prometheus label name of an attribute key: invalid characters become <c>_</c>, and names Prometheus reserves
    /// (<c>__name__</c>, any <c>__*</c>) get a <c>key</c> prefix, so a point can never carry a second metric name and
    /// break the scrape of /metrics for every cluster.
    /// </summary>
    /// <summary>A catalog point's label: as <see cref="LabelName"/>, but the repair jobs' attribute <c>job</c> becomes <c>repair_job</c>.</summary>
    internal static string CatalogLabelName(string key) =>
        key == "job" ? PrometheusNaming.RepairJobLabel : LabelName(key);

    internal static string LabelName(string key)
    {
        var name = PrometheusNaming.SanitizeLabelName(key);
        return name.StartsWith("__", StringComparison.Ordinal) ? "key" + name : name;
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
