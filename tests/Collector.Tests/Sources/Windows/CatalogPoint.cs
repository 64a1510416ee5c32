using System.Diagnostics.Metrics;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>The catalog points a reading exports (through the real <see cref="CatalogInstruments"/>).</summary>
internal sealed record CatalogPoint(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
{
    public static List<CatalogPoint> Of(ClusterReading reading)
    {
        using var instruments = new CatalogInstruments(() => reading);
        var points = new List<CatalogPoint>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == instruments.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => points.Add(new(i.Name, v, Copy(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => points.Add(new(i.Name, v, Copy(tags))));
        listener.Start();
        listener.RecordObservableInstruments();
        return points;
    }

    public bool Has(params (string Key, string Value)[] tags) => tags.All(t => Tags.TryGetValue(t.Key, out var v) && v == t.Value);

    private static Dictionary<string, string?> Copy(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = value?.ToString();
        }

        return result;
    }
}
