using AzLocalMonitor.Rules.Alerting.Conditions;
using AzLocalMonitor.Rules.Capacity.Model;
using AzLocalMonitor.Rules.History;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>Derives a <see cref="CapacitySnapshot"/> from one cluster's fresh series. Call under the cluster's lock; no I/O.</summary>
public static class CapacitySnapshotBuilder
{
    private static readonly string PoolSize = Name(Instruments.StoragePoolSize);
    private static readonly string PoolAllocated = Name(Instruments.StoragePoolAllocated);
    private static readonly string VolumeSize = Name(Instruments.StorageVolumeSize);
    private static readonly string VolumeUsed = Name(Instruments.StorageVolumeUsed);
    private static readonly string MemorySize = Name(Instruments.NodeMemorySize);
    private static readonly string MemoryAvailable = Name(Instruments.NodeMemoryAvailable);
    private static readonly string Cpu = Name(Instruments.NodeCpuUtilization);
    private static readonly string VmCount = Name(Instruments.NodeVmCount);
    private static readonly string DiskCount = Name(Instruments.StorageDiskCount);
    private static readonly string Witness = Name(Instruments.ClusterWitnessState);

    /// <summary>The snapshot, or null when the cluster reports neither pool nor memory.</summary>
    public static CapacitySnapshot? Build(ClusterState cluster, long nowMs, long staleMs)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var newest = long.MinValue;
        List<TimeSeries> Fresh(string metric)
        {
            var list = cluster.SeriesOf(metric).Where(s => s.IsFresh(nowMs, staleMs)).ToList();
            foreach (var s in list)
            {
                newest = Math.Max(newest, s.TimestampMs);
            }

            return list;
        }

        var notes = new List<string>();
        var raw = Fresh(PoolSize).Sum(s => s.Value);
        var allocated = Fresh(PoolAllocated).Sum(s => s.Value);
        var sizes = Newest(Fresh(MemorySize).Where(s => s.Labels.Get("node") is not null), s => s.Labels.Get("node")!);
        var available = Newest(Fresh(MemoryAvailable).Where(s => s.Labels.Get("node") is not null), s => s.Labels.Get("node")!);
        var memory = sizes.Select(kv => new NodeMemory(kv.Key, kv.Value, kv.Value - available.GetValueOrDefault(kv.Key, kv.Value))).OrderBy(m => m.Node, StringComparer.Ordinal).ToList();
        if (raw <= 0 && memory.Count == 0)
        {
            return null;
        }

        var disks = Fresh(DiskCount).Where(s => s.Labels.Get("usage") == "capacity" && s.Labels.Get("state") != "retired").ToList();
        var nodes = new HashSet<string>(sizes.Keys, StringComparer.Ordinal);
        nodes.UnionWith(disks.Select(d => d.Labels.Get("node")).OfType<string>());
        nodes.UnionWith(cluster.SeriesOf(CatalogNames.NodeState).Select(s => s.Labels.Get("node")).OfType<string>());
        var media = disks.Any(d => d.Labels.Get("media") == "hdd" && d.Value > 0) ? MediaKind.Hybrid : MediaKind.AllFlash;
        var drives = disks.Sum(d => d.Value);
        var reserve = 0.0;
        if (drives > 0 && raw > 0)
        {
            reserve = CapacityCalculator.ReserveBytes(nodes.Count, raw / drives);
        }
        else if (raw > 0)
        {
            notes.Add("Capacity drive counts are not reported: the repair reserve is taken as 0.");
        }

        var used = Newest(Fresh(VolumeUsed), s => s.Labels.Get("volume") ?? string.Empty);
        var volumes = new List<VolumeSpec>();
        var footprint = 0.0;
        foreach (var series in Fresh(VolumeSize))
        {
            var name = series.Labels.Get("volume") ?? string.Empty;
            var resiliency = ResiliencyTable.Parse(series.Labels.Get("resiliency")) ?? Resiliency.TwoWayMirror;
            volumes.Add(new VolumeSpec(name, series.Value, resiliency));
            var efficiency = ResiliencyTable.TryResolve(resiliency, Math.Max(1, nodes.Count), media, out _)?.Efficiency ?? 1;
            footprint += used.GetValueOrDefault(name) / efficiency;
        }

        var cpu = Fresh(Cpu).Select(s => s.Value).DefaultIfEmpty(double.NaN).Average();
        var vms = Fresh(VmCount).Sum(s => s.Value);
        var witness = Fresh(Witness).Any(s => s.Value == 1 && s.Labels.Get("type") is { } type && type != "none");
        var perNode = disks.Where(d => d.Labels.Get("node") is not null).GroupBy(d => d.Labels.Get("node")!, StringComparer.Ordinal)
            .Select(g => new NodeStorage(g.Key, drives > 0 ? g.Sum(d => d.Value) * raw / drives : 0)).OrderBy(n => n.Node, StringComparer.Ordinal).ToList();
        return new CapacitySnapshot(cluster.Name, newest == long.MinValue ? nowMs : newest, nodes.Count, witness, media, raw, allocated, reserve,
            footprint, volumes.OrderBy(v => v.Name, StringComparer.Ordinal).ToList(), memory, cpu, vms, notes)
        {
            NodeRaw = perNode.Count == nodes.Count && raw > 0 ? perNode : [],
            VolumeUsedBytes = used,
        };
    }

    /// <summary>The history points of a snapshot (see <see cref="HistorySeries"/>).</summary>
    public static IEnumerable<HistorySample> ToSamples(CapacitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var c = snapshot.Cluster;
        var t = snapshot.TimestampMs;
        if (snapshot.RawBytes > 0)
        {
            yield return new(c, HistorySeries.StorageRaw, t, snapshot.RawBytes);
            yield return new(c, HistorySeries.StorageCapacity, t, snapshot.RawBytes - snapshot.ReserveBytes);
            yield return new(c, HistorySeries.StorageAllocated, t, snapshot.AllocatedBytes);
            yield return new(c, HistorySeries.StorageUsedFootprint, t, snapshot.UsedFootprintBytes);
            yield return new(c, HistorySeries.StorageNodeRawMax, t, snapshot.NodeRawBytes);
        }

        var n1 = snapshot.NPlusOne;
        if (double.IsFinite(n1.StorageNeededBytes) && double.IsFinite(n1.StorageLeftBytes))
        {
            yield return new(c, HistorySeries.StorageNPlusOneNeeded, t, n1.StorageNeededBytes);
            yield return new(c, HistorySeries.StorageNPlusOneLeft, t, n1.StorageLeftBytes);
        }

        if (double.IsFinite(n1.CpuRatio))
        {
            yield return new(c, HistorySeries.CpuNPlusOne, t, n1.CpuRatio);
        }

        if (snapshot.Memory.Count > 0)
        {
            yield return new(c, HistorySeries.MemorySize, t, snapshot.Memory.Sum(m => m.SizeBytes));
            yield return new(c, HistorySeries.MemoryUsed, t, snapshot.Memory.Sum(m => m.UsedBytes));
            yield return new(c, HistorySeries.MemoryLargestNode, t, snapshot.Memory.Max(m => m.SizeBytes));
            yield return new(c, HistorySeries.VmCount, t, snapshot.VmCount);
        }

        if (!double.IsNaN(snapshot.CpuUtilization))
        {
            yield return new(c, HistorySeries.CpuUtilization, t, snapshot.CpuUtilization);
        }
    }

    private static string Name(string instrument) =>
        MetricCatalog.TryGet(instrument, out var definition) ? definition.PrometheusName : throw new InvalidOperationException(instrument);

    /// <summary>
    /// One value per key (node, volume): the newest sample's. Several series can share a key when an agent adds
    /// attributes of its own (or a hostile one does); that must not throw, or the capacity job fails every cycle.
    /// </summary>
    private static Dictionary<string, double> Newest(IEnumerable<TimeSeries> series, Func<TimeSeries, string> key) =>
        series.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(s => s.TimestampMs)!.Value, StringComparer.Ordinal);
}
