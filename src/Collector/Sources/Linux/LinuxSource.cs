using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>
/// This host's CPU and memory from /proc. It sees no cluster, so it reports only itself: state up, CPU busy
/// (from /proc/stat deltas between readings; the first reading is the average since boot) and memory.
/// </summary>
internal sealed class LinuxSource : IMetricSource
{
    private readonly string _node;
    private readonly string _statPath;
    private readonly string _meminfoPath;
    private readonly ProcFileReader _reader = new();
    private readonly Lock _lock = new();
    private CpuTimes _previousCpu;
    private double? _lastCpu;

    /// <param name="procRoot">Where procfs is mounted (a fixture folder in tests).</param>
    public LinuxSource(string node, string procRoot = "/proc")
    {
        _node = node;
        _statPath = Path.Combine(procRoot, "stat");
        _meminfoPath = Path.Combine(procRoot, "meminfo");
    }

    public string Description => $"linux ({_statPath}, {_meminfoPath})";

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

            var metrics = new NodeMetrics { CpuUtilization = cpu, MemorySizeBytes = size, MemoryAvailableBytes = available };
            return new ClusterReading([new NodeReading(_node, NodeState.Up, DrainState.None, metrics)], null);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
