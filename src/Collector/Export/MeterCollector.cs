using System.Diagnostics.Metrics;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using OtlpMetric = AzLocalMonitor.Telemetry.Otlp.Metrics.Metric;
using OtlpResource = AzLocalMonitor.Telemetry.Otlp.Resource.Resource;
using Proto = AzLocalMonitor.Telemetry.Otlp.Metrics;
using Tag = System.Collections.Generic.KeyValuePair<string, object?>;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// Collects one meter's observable instruments (<see cref="CatalogInstruments"/>) with a <see cref="MeterListener"/>
/// and encodes them straight into an OTLP request: gauges as Gauge, observable counters as monotonic cumulative Sum,
/// every point with the start time given here and the collection's time. This is what the agent used the
/// OpenTelemetry SDK's MeterProvider for; doing it here keeps the SDK (and its aggregation machinery) out of the
/// agent's binary (docs/agent-footprint.md). It keeps the SDK's observable semantics for this catalog, which
/// tests/Collector.Tests/Export/SdkOracleTests.cs checks against the SDK itself: a collection exports only what the
/// callbacks observed in it, an instrument with no point is left out, a repeated attribute set keeps its last
/// value, and attributes are ordered by key.
/// </summary>
/// <remarks>Not thread-safe: one collection at a time (<see cref="CollectionLoop"/> serializes them).</remarks>
internal sealed class MeterCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Meter _meter;
    private readonly OtlpResource _resource;
    private readonly ulong _startUnixNano;
    private readonly List<(Instrument Instrument, OtlpMetric Metric, Dictionary<string, Proto.NumberDataPoint> Points)> _collected = [];
    private ulong _timeUnixNano;

    /// <param name="meter">The meter whose observable instruments are collected; instruments of other meters are ignored.</param>
    /// <param name="resource">The resource every request carries (<see cref="AgentResource"/>).</param>
    /// <param name="start">Start of the cumulative sums (the SDK used its reader's start): when the agent started.</param>
    public MeterCollector(Meter meter, OtlpResource resource, DateTimeOffset start)
    {
        _meter = meter;
        _resource = resource;
        _startUnixNano = UnixNanos(start);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _meter && KindOf(instrument) is not Kind.Unsupported)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };

        // The catalog's instruments are long or double (CatalogInstruments); other value types are not enabled.
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, tags).AsInt = value);
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, tags).AsDouble = value);
        _listener.Start();
    }

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public static ulong UnixNanos(DateTimeOffset time) => (ulong)(time.ToUnixTimeMilliseconds() * 1_000_000L) + (ulong)(time.Ticks % TimeSpan.TicksPerMillisecond * 100);

    /// <summary>
    /// Runs every instrument's callback once and returns what they observed, stamped <paramref name="time"/>.
    /// Callbacks that throw are reported in <paramref name="errors"/>; the other instruments' points are kept, and so
    /// are the points a failing callback yielded before it threw (as the SDK does).
    /// </summary>
    public ExportMetricsServiceRequest Collect(DateTimeOffset time, out AggregateException? errors)
    {
        _collected.Clear();
        _timeUnixNano = UnixNanos(time);
        errors = null;
        try
        {
            _listener.RecordObservableInstruments();
        }
        catch (AggregateException e)
        {
            errors = e;
        }

        var scope = new Proto.ScopeMetrics { Scope = new InstrumentationScope { Name = _meter.Name, Version = _meter.Version ?? string.Empty } };
        foreach (var (_, metric, _) in _collected)
        {
            scope.Metrics.Add(metric);
        }

        var resourceMetrics = new Proto.ResourceMetrics { Resource = _resource };
        if (scope.Metrics.Count > 0)
        {
            resourceMetrics.ScopeMetrics.Add(scope);
        }

        _collected.Clear();
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resourceMetrics);
        return request;
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>The point for this instrument and attribute set in the current collection (a repeated set is overwritten).</summary>
    private Proto.NumberDataPoint Add(Instrument instrument, ReadOnlySpan<Tag> tags)
    {
        var entry = _collected.FindLast(c => c.Instrument == instrument);
        if (entry.Metric is null)
        {
            entry = (instrument, NewMetric(instrument), new Dictionary<string, Proto.NumberDataPoint>(StringComparer.Ordinal));
            _collected.Add(entry);
        }

        var sorted = tags.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u001f', sorted.Select(t => $"{t.Key}\u001e{t.Value}"));
        if (entry.Points.TryGetValue(key, out var point))
        {
            return point;
        }

        point = new Proto.NumberDataPoint { StartTimeUnixNano = _startUnixNano, TimeUnixNano = _timeUnixNano };
        foreach (var (name, value) in sorted)
        {
            point.Attributes.Add(new KeyValue { Key = name, Value = Value(value) });
        }

        entry.Points.Add(key, point);
        (entry.Metric.DataCase == OtlpMetric.DataOneofCase.Sum ? entry.Metric.Sum.DataPoints : entry.Metric.Gauge.DataPoints).Add(point);
        return point;
    }

    private static OtlpMetric NewMetric(Instrument instrument)
    {
        var metric = new OtlpMetric { Name = instrument.Name, Unit = instrument.Unit ?? string.Empty, Description = instrument.Description ?? string.Empty };
        var kind = KindOf(instrument);
        if (kind is Kind.Gauge)
        {
            metric.Gauge = new Proto.Gauge();
        }
        else
        {
            // Observable counters report the running total, so cumulative is their natural temporality.
            metric.Sum = new Proto.Sum { IsMonotonic = kind is Kind.Counter, AggregationTemporality = Proto.AggregationTemporality.Cumulative };
        }

        return metric;
    }

    private static Kind KindOf(Instrument instrument) => instrument switch
    {
        ObservableGauge<long> or ObservableGauge<double> => Kind.Gauge,
        ObservableCounter<long> or ObservableCounter<double> => Kind.Counter,
        ObservableUpDownCounter<long> or ObservableUpDownCounter<double> => Kind.UpDownCounter,
        _ => Kind.Unsupported,
    };

    private static AnyValue Value(object? value) => value switch
    {
        null => new AnyValue { StringValue = string.Empty },
        string s => new AnyValue { StringValue = s },
        bool b => new AnyValue { BoolValue = b },
        int or long or short or byte or uint or ushort or sbyte => new AnyValue { IntValue = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) },
        double or float or decimal => new AnyValue { DoubleValue = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) },
        _ => new AnyValue { StringValue = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty },
    };

    private enum Kind
    {
        Unsupported,
        Gauge,
        Counter,
        UpDownCounter,
    }
}
