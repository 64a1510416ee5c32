namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>The cluster's I/O workload at scenario start, for every node together.</summary>
/// <param name="ReadIops">Reads per second.</param>
/// <param name="WriteIops">Writes per second.</param>
/// <param name="IoSizeBytes">Average I/O size.</param>
/// <param name="CacheHitRatio">Share of reads served by the cache tier (when there is one).</param>
internal sealed record WorkloadSpec(double ReadIops = 45_000, double WriteIops = 18_000, int IoSizeBytes = 16 << 10, double CacheHitRatio = 0.92)
{
    public double WriteBytesPerSecond => WriteIops * IoSizeBytes;
}
