using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// The reporting node's own measurements from its performance counters. Set and counter names compare
/// case-insensitively (Get-Counter prints them in lower case). A counter that is absent exports nothing.
/// </summary>
internal sealed class WindowsNodeMapper
{
    private readonly RunningCount _reads = new();
    private readonly RunningCount _writes = new();

    public NodeMetrics Map(WindowsSnapshot snapshot, string reportingNode)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var counters = snapshot.Counters;

        // CPU: the hypervisor's view of every logical processor; without Hyper-V, the OS's.
        var cpu = Single(counters, CounterNames.HypervisorLogicalProcessor, CounterNames.Total, CounterNames.TotalRunTime)
            ?? Single(counters, CounterNames.Processor, CounterNames.Total, CounterNames.ProcessorTime);

        // Cache: one Hybrid Disks instance per capacity drive; instances come and go with drives.
        var hits = Sum(counters, CounterNames.HybridDisks, CounterNames.CacheHitReads);
        var misses = Sum(counters, CounterNames.HybridDisks, CounterNames.CacheMissReads);
        double? hitRatio = hits is { } h && misses is { } m && h + m > 0 ? h / (h + m) : null;

        _reads.Update(Instances(counters, CounterNames.Csvfs, CounterNames.Reads).Select(s => (s.Instance, s.Raw)));
        _writes.Update(Instances(counters, CounterNames.Csvfs, CounterNames.Writes).Select(s => (s.Instance, s.Raw)));

        var available = Single(counters, CounterNames.Memory, string.Empty, CounterNames.AvailableBytes);
        var throughput = Throughput(snapshot, reportingNode);

        return new NodeMetrics
        {
            CpuUtilization = cpu is { } c ? Math.Clamp(c / 100, 0, 1) : null,
            MemorySizeBytes = snapshot.TotalPhysicalMemory,
            MemoryAvailableBytes = available is { } a ? (long)a : null,
            VmCount = snapshot.VirtualMachines.Count(v => v.EnabledState == 2 && !"Hosting Computer System".Equals(v.Caption, StringComparison.OrdinalIgnoreCase)),
            CacheHitRatio = hitRatio,
            ReadLatencySeconds = Single(counters, CounterNames.Csvfs, CounterNames.Total, CounterNames.AvgSecPerRead),
            WriteLatencySeconds = Single(counters, CounterNames.Csvfs, CounterNames.Total, CounterNames.AvgSecPerWrite),
            ReadOperations = _reads.Seen ? _reads.Total : null,
            WriteOperations = _writes.Seen ? _writes.Total : null,
            DegradedBytes = Sum(counters, CounterNames.SpacesDrt, CounterNames.DirtyBytes) is { } dirty ? (long)dirty : null,
            Disks = Disks(snapshot.PhysicalDisks),
            Throughput = throughput,
            Latencies = snapshot.PeerLatencies,
        };
    }

    private static List<DiskGroup> Disks(IEnumerable<PhysicalDiskRecord> disks) =>
        [.. disks
            .GroupBy(d => (Media: WindowsEnums.Media(d.MediaType, d.BusType), Usage: d.Usage == 5 ? "cache" : "capacity", State: WindowsEnums.Disk(d.Usage, d.HealthStatus)))
            .OrderBy(g => g.Key.Media, StringComparer.Ordinal).ThenBy(g => g.Key.Usage, StringComparer.Ordinal).ThenBy(g => g.Key.State)
            .Select(g => new DiskGroup(g.Key.Media, g.Key.Usage, g.Key.State, g.Count()))];

    // RDMA (SMB Direct) bytes bypass the NDIS stack, so they are added to the storage network's adapter bytes, not
    // counted twice. Each adapter counts on the network the cluster says it carries (NetworkSegments).
    private static List<NetworkThroughput> Throughput(WindowsSnapshot snapshot, string reportingNode)
    {
        var counters = snapshot.Counters;
        var rdmaInstances = Instances(counters, CounterNames.Rdma, CounterNames.RdmaInbound).Select(s => s.Instance);
        var segments = NetworkSegments.Classify(snapshot, reportingNode, rdmaInstances);
        var totals = new SortedDictionary<(string Network, string Direction), double>();
        void Add(string network, string direction, double value) =>
            totals[(network, direction)] = totals.GetValueOrDefault((network, direction)) + value;

        foreach (var (counter, direction) in new[] { (CounterNames.BytesReceived, "rx"), (CounterNames.BytesSent, "tx") })
        {
            foreach (var sample in Instances(counters, CounterNames.NetworkAdapter, counter))
            {
                if (segments.TryGetValue(sample.Instance, out var network))
                {
                    Add(network, direction, sample.Value);
                }
            }
        }

        foreach (var (counter, direction) in new[] { (CounterNames.RdmaInbound, "rx"), (CounterNames.RdmaOutbound, "tx") })
        {
            foreach (var sample in Instances(counters, CounterNames.Rdma, counter))
            {
                Add("storage", direction, sample.Value);
            }
        }

        return [.. totals.Select(t => new NetworkThroughput(t.Key.Network, t.Key.Direction, t.Value))];
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<PerfSample> Instances(IReadOnlyList<PerfSample> counters, string set, string counter) =>
        counters.Where(s => Is(s.Set, set) && Is(s.Counter, counter) && !Is(s.Instance, CounterNames.Total));

    private static double? Single(IReadOnlyList<PerfSample> counters, string set, string instance, string counter) =>
        counters.FirstOrDefault(s => Is(s.Set, set) && Is(s.Instance, instance) && Is(s.Counter, counter)) is { } sample && double.IsFinite(sample.Value)
            ? sample.Value
            : null;

    // Sum over the instances (not _Total, which some sets have and some do not); null when there are none.
    private static double? Sum(IReadOnlyList<PerfSample> counters, string set, string counter)
    {
        double? total = null;
        foreach (var sample in Instances(counters, set, counter))
        {
            total = (total ?? 0) + sample.Value;
        }

        return total;
    }
}
