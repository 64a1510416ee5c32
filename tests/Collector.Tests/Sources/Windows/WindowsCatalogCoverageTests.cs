using System.Diagnostics.Metrics;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Records;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>Every catalog instrument gets points when the fixtures of a Windows node go through the mapper and the catalog instruments.</summary>
public class WindowsCatalogCoverageTests
{
    [Fact]
    public void FixtureCluster_EmitsEveryCatalogInstrument_WithPlausibleValues()
    {
        var mapper = new WindowsMapper("NODE1");
        mapper.Faults.Replace(WindowsFixtures.Load<HealthFaultRecord>("Get-HealthFault"));
        mapper.Map(WindowsFixtures.Snapshot());
        var reading = mapper.Map(WindowsFixtures.Snapshot() with { PeerLatencies = [new PeerLatency("storage", "NODE2", 0.0004)] });
        using var instruments = new CatalogInstruments(() => reading);
        var points = new List<(string Instrument, double Value, Dictionary<string, string?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == instruments.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => points.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => points.Add((i.Name, v, Tags(tags))));
        listener.Start();

        listener.RecordObservableInstruments();

        var missing = MetricCatalog.All.Select(d => d.Instrument).Except(points.Select(p => p.Instrument)).ToList();
        Assert.True(missing.Count == 0, "not emitted: " + string.Join(", ", missing));
        Assert.All(points.Where(p => MetricCatalog.TryGet(p.Instrument, out var d) && d.Scope == MetricScope.Cluster),
            p => Assert.False(p.Tags.ContainsKey(ResourceAttributes.NodeLabel), $"{p.Instrument} is cluster-scope but carries node"));
        Assert.Equal(1, points.Single(p => p.Instrument == Instruments.NodeState && p.Tags["node"] == "NODE2" && p.Tags["state"] == "down").Value);
        Assert.Equal(1, points.Single(p => p.Instrument == Instruments.StorageVolumeOperational && p.Tags["volume"] == "Backup" && p.Tags["state"] == "detached").Value);
        Assert.Equal(1, points.Single(p => p.Instrument == Instruments.ClusterWitnessState && p.Tags["state"] == "failed" && p.Tags["type"] == "cloud").Value);
        Assert.Equal(2, points.Single(p => p.Instrument == Instruments.NodeVmCount).Value);
        Assert.Equal(0.8, points.Single(p => p.Instrument == Instruments.StorageCacheHitRatio).Value, 9);
        Assert.Equal(2, points.Count(p => p.Instrument == Instruments.StorageRepairSize));
    }

    private static Dictionary<string, string?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = value?.ToString();
        }

        return result;
    }
}
