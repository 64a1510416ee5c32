using System.Diagnostics.Metrics;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Sources.Simulated.Model;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Collector.Tests.Export;

public sealed class CatalogInstrumentsTests : IDisposable
{
    private readonly SimulatedCluster _cluster = new(new Scenario());
    private readonly CatalogInstruments _instruments;
    private readonly MeterListener _listener = new();
    private readonly List<(Instrument Instrument, double Value, Dictionary<string, object?> Tags)> _points = [];

    public CatalogInstrumentsTests()
    {
        _instruments = new CatalogInstruments(() => _cluster.Read(TimeSpan.FromSeconds(30)));
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _instruments.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _instruments.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _points.Add((instrument, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    private List<(Instrument Instrument, double Value, Dictionary<string, object?> Tags)> Collect()
    {
        _points.Clear();
        _listener.RecordObservableInstruments();
        return _points;
    }

    [Fact]
    public void Collect_SimulatedClusterWithANodeDown_ReportsEveryCatalogInstrumentWithItsUnit()
    {
        // node-3 is back and resyncing (a running repair job), node-2 is down.
        _cluster.Apply(new ScenarioEvent(TimeSpan.FromSeconds(0), ScenarioAction.NodeDown, "node-3", 1), DateTimeOffset.UnixEpoch);
        _cluster.Apply(new ScenarioEvent(TimeSpan.FromSeconds(29), ScenarioAction.NodeUp, "node-3", 1), DateTimeOffset.UnixEpoch);
        _cluster.Apply(new ScenarioEvent(TimeSpan.FromSeconds(1), ScenarioAction.NodeDown, "node-2", 1), DateTimeOffset.UnixEpoch);

        var points = Collect();

        foreach (var definition in MetricCatalog.All.Where(d => !TopologyOnly.Contains(d.Instrument)))
        {
            var instrument = points.Select(p => p.Instrument).FirstOrDefault(i => i.Name == definition.Instrument);
            Assert.True(instrument is not null, $"{definition.Instrument} was not reported");
            Assert.Equal(definition.Unit, instrument.Unit ?? string.Empty);
        }
    }

    /// <summary>Instruments only a cluster with a witness, several sites or replication reports (the default cluster has none).</summary>
    private static readonly string[] TopologyOnly =
        [Instruments.ClusterWitnessLatency, Instruments.ClusterSiteLatency, Instruments.ReplicationLag, Instruments.ReplicationState, Instruments.ClusterOperations];

    [Fact]
    public void Collect_StretchedBank_ReportsWitnessSiteAndReplicationInstruments()
    {
        Assert.True(AzLocalMonitor.Collector.Sources.Simulated.Topology.PresetCatalog.TryGet("bank", out var bank));
        var cluster = new SimulatedCluster(new Scenario { Topology = bank.Clusters });
        using var instruments = new CatalogInstruments(() => cluster.Read(TimeSpan.FromSeconds(30)));
        var points = new List<(string Name, string? Unit, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter == instruments.Meter)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => points.Add((i.Name, i.Unit, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => points.Add((i.Name, i.Unit, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        listener.RecordObservableInstruments();

        foreach (var name in TopologyOnly.Where(n => n != Instruments.ClusterOperations))
        {
            Assert.Contains(points, p => p.Name == name);
        }

        // The module's figures for the bank: cross-site latency under 5 ms, synchronous replication in sync (no lag).
        var site = Assert.Single(points, p => p.Name == Instruments.ClusterSiteLatency);
        Assert.True(site.Value < 0.005, $"cross-site {site.Value} s");
        Assert.Equal(("hq", "secondary"), ((string?)site.Tags["site"], (string?)site.Tags["peer_site"]));
        Assert.All(points.Where(p => p.Name == Instruments.ReplicationLag), p => Assert.Equal(0, p.Value));
        Assert.Equal(2, points.Count(p => p.Name == Instruments.ReplicationState && p.Value == 1 && (string?)p.Tags["state"] == "in_sync"));
    }

    [Fact]
    public void Collect_NodeScopePointsCarryNode_ClusterScopePointsNever()
    {
        var points = Collect();

        foreach (var (instrument, _, tags) in points)
        {
            Assert.True(MetricCatalog.TryGet(instrument.Name, out var definition));
            Assert.Equal(definition.Scope == MetricScope.Node, tags.ContainsKey(ResourceAttributes.NodeLabel));
            Assert.All(tags.Keys.Where(k => k != ResourceAttributes.NodeLabel), k => Assert.Contains(k, definition.Attributes));
        }
    }

    [Fact]
    public void Collect_NodeDown_StateSetShowsDownAndItsOwnMetricsStop()
    {
        _cluster.Apply(new ScenarioEvent(TimeSpan.FromSeconds(1), ScenarioAction.NodeDown, "node-2", 1), DateTimeOffset.UnixEpoch);

        var points = Collect();

        var node2State = points.Where(p => p.Instrument.Name == Instruments.NodeState && (string?)p.Tags["node"] == "node-2")
            .ToDictionary(p => (string)p.Tags["state"]!, p => p.Value);
        Assert.Equal(MetricCatalog.States.Node.Count, node2State.Count);
        Assert.Equal(1, node2State["down"]);
        Assert.Equal(0, node2State["up"]);
        Assert.DoesNotContain(points, p => p.Instrument.Name == Instruments.NodeCpuUtilization && (string?)p.Tags["node"] == "node-2");
        Assert.Contains(points, p => p.Instrument.Name == Instruments.NodeCpuUtilization && (string?)p.Tags["node"] == "node-1");
        Assert.DoesNotContain(points, p => p.Instrument.Name == Instruments.StorageRepairSize && (string?)p.Tags["job"] == "repair-node-2");
    }
}
