using System.Text;
using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>
/// This host from /proc: CPU busy (/proc/stat deltas between readings; the first reading is the average since
/// boot), memory (/proc/meminfo), whole-disk read and write latency and operation counts (/proc/diskstats),
/// md RAID rebuilds (/proc/mdstat, as repair jobs and degraded bytes) and the round trip to configured peers.
/// It sees no cluster, so it reports only itself, state up.
/// </summary>
internal sealed class LinuxSource : IMetricSource
{
    private readonly string _node;
    private readonly string _statPath;
    private readonly string _meminfoPath;
    private readonly string _diskstatsPath;
    private readonly string _mdstatPath;
    private readonly string _sysBlock;
    private readonly ProcFileReader _reader = new();
    private readonly DiskActivity _disks = new();
    private readonly PeerProber _prober;
    private readonly Lock _lock = new();
    private CpuTimes _previousCpu;
    private double? _lastCpu;

    /// <param name="procRoot">Where procfs is mounted (a fixture folder in tests).</param>
    /// <param name="sysRoot">Where sysfs is mounted: /sys/block lists the whole disks (partitions are not there).</param>
    public LinuxSource(string node, string procRoot = "/proc", string sysRoot = "/sys", IReadOnlyList<PeerTarget>? peers = null,
        TimeSpan? probeInterval = null, TimeProvider? time = null)
    {
        _node = node;
        _statPath = Path.Combine(procRoot, "stat");
        _meminfoPath = Path.Combine(procRoot, "meminfo");
        _diskstatsPath = Path.Combine(procRoot, "diskstats");
        _mdstatPath = Path.Combine(procRoot, "mdstat");
        _sysBlock = Path.Combine(sysRoot, "block");
        _prober = new PeerProber(peers ?? [], probeInterval ?? TimeSpan.FromSeconds(10), time ?? TimeProvider.System);
    }

    public string Description => $"linux ({Path.GetDirectoryName(_statPath)})";

    // A host source never changes cluster state; the event exists for the interface.
    public event EventHandler<StateChange>? StateChanged
    {
        add { }
        remove { }
    }

    /// <summary>Reads once so that a missing or unreadable /proc fails at start, not at the first export.</summary>
    public void Start()
    {
        foreach (var path in new[] { _statPath, _meminfoPath })
        {
            if (!File.Exists(path))
            {
                throw new SourceUnavailableException($"The linux source reads {path}, which does not exist (is this Linux?).");
            }
        }

        _ = Read();
        _prober.Start();
    }

    public ClusterReading Read()
    {
        lock (_lock)
        {
            double? cpu = null;
            if (ProcStatParser.TryParse(_reader.Read(_statPath), out var times))
            {
                // Readings closer together than a clock tick (10 ms) see no change: repeat the last value and keep
                // the older baseline, so the next delta spans the whole gap.
                if (CpuTimes.Utilization(_previousCpu, times) is { } utilization)
                {
                    (_lastCpu, _previousCpu) = (utilization, times);
                }

                cpu = _lastCpu;
            }

            long? size = null, available = null;
            if (MemInfoParser.TryParse(_reader.Read(_meminfoPath), out var memory))
            {
                size = memory.TotalBytes;
                available = memory.AvailableBytes;
            }

            var diskstats = File.Exists(_diskstatsPath);
            if (diskstats)
            {
                _disks.Update(DiskStatsParser.Parse(_reader.Read(_diskstatsPath)), IsWholeDisk);
            }

            var rebuilds = File.Exists(_mdstatPath) ? MdStatParser.Parse(Encoding.ASCII.GetString(_reader.Read(_mdstatPath))) : [];
            var metrics = new NodeMetrics
            {
                CpuUtilization = cpu,
                MemorySizeBytes = size,
                MemoryAvailableBytes = available,
                ReadLatencySeconds = _disks.ReadLatencySeconds,
                WriteLatencySeconds = _disks.WriteLatencySeconds,
                ReadOperations = diskstats ? _disks.TotalReads : null,
                WriteOperations = diskstats ? _disks.TotalWrites : null,
                DegradedBytes = File.Exists(_mdstatPath) ? rebuilds.Sum(r => r.TotalBytes - r.DoneBytes) : null,
                LocalRepairJobs = [.. rebuilds.Select(r => new RepairJob(r.JobName, r.TotalBytes, r.DoneBytes))],
                Latencies = _prober.Latest,
            };
            return new ClusterReading([new NodeReading(_node, NodeState.Up, DrainState.None, metrics)], null);
        }
    }

    public ValueTask DisposeAsync() => _prober.DisposeAsync();

    // Whole disks are the entries of /sys/block (partitions are below them); without sysfs, all but virtual devices.
    private bool IsWholeDisk(string name) =>
        !DiskActivity.IsVirtual(name) && (!Directory.Exists(_sysBlock) || Directory.Exists(Path.Combine(_sysBlock, name)));
}
