namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>Performance counter sets and counters the Windows source reads (docs/windows-sources.md §1).</summary>
internal static class CounterNames
{
    public const string HybridDisks = "Cluster Storage Hybrid Disks";
    public const string CacheHitReads = "Cache Hit Reads/sec";
    public const string CacheMissReads = "Cache Miss Reads/sec";

    public const string Csvfs = "Cluster CSVFS";
    public const string AvgSecPerRead = "Avg. sec/Read";
    public const string AvgSecPerWrite = "Avg. sec/Write";
    public const string Reads = "Reads/sec";
    public const string Writes = "Writes/sec";

    public const string HypervisorLogicalProcessor = "Hyper-V Hypervisor Logical Processor";
    public const string TotalRunTime = "% Total Run Time";
    public const string Processor = "Processor";
    public const string ProcessorTime = "% Processor Time";

    public const string Memory = "Memory";
    public const string AvailableBytes = "Available Bytes";

    public const string Rdma = "RDMA Activity";
    public const string RdmaInbound = "RDMA Inbound Bytes/sec";
    public const string RdmaOutbound = "RDMA Outbound Bytes/sec";

    public const string NetworkAdapter = "Network Adapter";
    public const string BytesReceived = "Bytes Received/sec";
    public const string BytesSent = "Bytes Sent/sec";

    public const string SpacesDrt = "Storage Spaces Drt";
    public const string DirtyBytes = "Dirty Bytes";

    public const string Total = "_Total";

    /// <summary>
    /// The counter paths a capture records (deploy/windows/Save-AzLocalCapture.ps1 lists the same, checked by a test):
    /// every counter the mapping reads, all instances.
    /// </summary>
    public static IReadOnlyList<string> CapturePaths { get; } =
    [
        $@"\{HypervisorLogicalProcessor}(_Total)\{TotalRunTime}",
        $@"\{Processor}(_Total)\{ProcessorTime}",
        $@"\{Memory}\{AvailableBytes}",
        $@"\{Csvfs}(*)\{AvgSecPerRead}",
        $@"\{Csvfs}(*)\{AvgSecPerWrite}",
        $@"\{Csvfs}(*)\{Reads}",
        $@"\{Csvfs}(*)\{Writes}",
        $@"\{HybridDisks}(*)\{CacheHitReads}",
        $@"\{HybridDisks}(*)\{CacheMissReads}",
        $@"\{Rdma}(*)\{RdmaInbound}",
        $@"\{Rdma}(*)\{RdmaOutbound}",
        $@"\{NetworkAdapter}(*)\{BytesReceived}",
        $@"\{NetworkAdapter}(*)\{BytesSent}",
        $@"\{SpacesDrt}(*)\{DirtyBytes}",
    ];

    /// <summary>Every set the reader collects, with whether it has instances.</summary>
    public static IReadOnlyList<string> Sets { get; } = [HybridDisks, Csvfs, HypervisorLogicalProcessor, Processor, Memory, Rdma, NetworkAdapter, SpacesDrt];
}
