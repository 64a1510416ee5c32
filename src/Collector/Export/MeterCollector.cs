using System.Diagnostics.Metrics;
using AzLocalMonitor.Collector.Export.Otlp;
using Tag = System.Collections.Generic.KeyValuePair<string, object?>;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// Collects one meter's observable instruments (<see cref="CatalogInstruments"/>) with a <see cref="MeterListener"/>
/// and turns them straight into an OTLP request (<see cref="OtlpBatch"/>): gauges as Gauge, observable counters as monotonic cumulative Sum,
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
    private readonly IReadOnlyList<KeyValuePair<string, string>> _resource;
    private readonly ulong _startUnixNano;
    private readonly List<(Instrument Instrument, OtlpMetric Metric, Dictionary<string, OtlpPoint> Points)> _collected = [];
    private ulong _timeUnixNano;

    /// <param name="meter">The meter whose observable instruments are collected; instruments of other meters are ignored.</param>
    /// <param name="resource">The resource every request carries (<see cref="AgentResource"/>).</param>
    /// <param name="start">Start of the cumulative sums (the SDK used its reader's start): when the agent started.</param>
    public MeterCollector(Meter meter, IReadOnlyList<KeyValuePair<string, string>> resource, DateTimeOffset start)
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
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, tags).Set(value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, tags).Set(value));
        _listener.Start();
    }

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public static ulong UnixNanos(DateTimeOffset time) => (ulong)(time.ToUnixTimeMilliseconds() * 1_000_000L) + (ulong)(time.Ticks % TimeSpan.TicksPerMillisecond * 100);

    /// <summary>
    /// Runs every instrument's callback once and returns what they observed, stamped <paramref name="time"/>.
    /// Callbacks that throw are reported in <paramref name="errors"/>; the other instruments' points are kept, and so
    /// are the points a failing callback yielded before it threw (as the SDK does).
    /// </summary>
    public OtlpBatch Collect(DateTimeOffset time, out AggregateException? errors)
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

        var batch = new OtlpBatch();
        batch.Resource.AddRange(_resource);
        if (_collected.Count > 0)
        {
            batch.Scopes.Add(new OtlpScope(_meter.Name, _meter.Version ?? string.Empty, [.. _collected.Select(c => c.Metric)]));
        }

        _collected.Clear();
        return batch;
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>The point for this instrument and attribute set in the current collection (a repeated set is overwritten).</summary>
    private OtlpPoint Add(Instrument instrument, ReadOnlySpan<Tag> tags)
    {
        var entry = _collected.FindLast(c => c.Instrument == instrument);
        if (entry.Metric is null)
        {
            var kind = KindOf(instrument) switch
            {
                Kind.Gauge => OtlpMetricKind.Gauge,
                Kind.Counter => OtlpMetricKind.MonotonicSum, // observable counters report running totals: cumulative
                _ => OtlpMetricKind.Sum,
            };
            entry = (instrument, new OtlpMetric(instrument.Name, instrument.Unit ?? string.Empty, instrument.Description ?? string.Empty, kind, []), new Dictionary<string, OtlpPoint>(StringComparer.Ordinal));
            _collected.Add(entry);
        }

        var sorted = tags.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u001f', sorted.Select(t => $"{t.Key}\u001e{t.Value}"));
        if (!entry.Points.TryGetValue(key, out var point))
        {
            point = new OtlpPoint(_startUnixNano, _timeUnixNano, sorted);
            entry.Points.Add(key, point);
            entry.Metric.Points.Add(point);
        }

        return point;
    }

    private static Kind KindOf(Instrument instrument) => instrument switch
    {
        ObservableGauge<long> or ObservableGauge<double> => Kind.Gauge,
        ObservableCounter<long> or ObservableCounter<double> => Kind.Counter,
        ObservableUpDownCounter<long> or ObservableUpDownCounter<double> => Kind.UpDownCounter,
        _ => Kind.Unsupported,
    };

    private enum Kind
    {
        Unsupported,
        Gauge,
        Counter,
        UpDownCounter,
    }
}
