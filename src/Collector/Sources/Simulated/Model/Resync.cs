namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// The repair job of one node's absence. While the node is away the writes it misses pile up (dirty region
/// tracking: only the changed data lost a copy, the rest is intact on its drives); once it returns they are copied
/// back at the repair rate. Times are scenario time since start. Closed-form: no per-tick work.
/// </summary>
internal sealed class Resync
{
    /// <summary>Even a short absence leaves some regions to resync.</summary>
    public const long MinimumBytes = 1L << 30;

    public required string Node { get; init; }

    /// <summary>Bytes written while the node is away, per second of absence (the cluster's write throughput).</summary>
    public required double DirtyBytesPerSecond { get; init; }

    /// <summary>When the node (last) went away.</summary>
    public required TimeSpan DownAt { get; set; }

    /// <summary>Bytes dirtied in earlier absences that are not yet resynced.</summary>
    public long CarriedBytes { get; set; }

    /// <summary>When the node came back and copying started; null while it is away.</summary>
    public TimeSpan? ResyncFrom { get; set; }

    /// <summary>Total bytes to resync (grows while the node is away).</summary>
    public long Size(TimeSpan now)
    {
        var end = ResyncFrom ?? now;
        var dirty = (long)(Math.Max(0, (end - DownAt).TotalSeconds) * DirtyBytesPerSecond);
        return CarriedBytes + Math.Max(MinimumBytes, dirty);
    }

    /// <summary>Bytes copied back so far.</summary>
    public long Processed(TimeSpan now, long bytesPerSecond) =>
        ResyncFrom is { } from ? Math.Min(Size(now), (long)(Math.Max(0, (now - from).TotalSeconds) * bytesPerSecond)) : 0;

    public bool IsDone(TimeSpan now, long bytesPerSecond) => ResyncFrom is not null && Processed(now, bytesPerSecond) >= Size(now);

    /// <summary>The node left again: what was not copied back is still owed, and new writes pile up.</summary>
    public void WentAwayAgain(TimeSpan now, long bytesPerSecond)
    {
        var owed = Size(now) - Processed(now, bytesPerSecond);
        CarriedBytes = owed > 0 && ResyncFrom is not null ? owed : CarriedBytes;
        DownAt = now;
        ResyncFrom = null;
    }
}
