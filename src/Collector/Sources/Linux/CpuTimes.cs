namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>Cumulative CPU time from the aggregate <c>cpu</c> line of /proc/stat, in clock ticks.</summary>
/// <param name="Busy">Every tick that was not idle or waiting for I/O.</param>
/// <param name="Total">Every tick (guest time is already inside user time, so it is not added again).</param>
internal readonly record struct CpuTimes(ulong Busy, ulong Total)
{
    /// <summary>Busy share between two readings, 0..1; null when no tick passed (or the counters went back).</summary>
    public static double? Utilization(CpuTimes previous, CpuTimes current)
    {
        if (current.Total <= previous.Total || current.Busy < previous.Busy)
        {
            return null;
        }

        var busy = (double)(current.Busy - previous.Busy);
        return Math.Clamp(busy / (current.Total - previous.Total), 0, 1);
    }
}
