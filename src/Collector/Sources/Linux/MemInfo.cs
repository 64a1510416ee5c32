namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>Physical memory from /proc/meminfo, in bytes.</summary>
/// <param name="AvailableBytes">MemAvailable: what can be given to new work without swapping.</param>
internal readonly record struct MemInfo(long TotalBytes, long AvailableBytes);
