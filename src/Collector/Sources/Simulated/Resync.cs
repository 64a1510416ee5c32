namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>
/// The repair job of one node's absence. While the node is down the writes it misses pile up (dirty region
/// tracking, so the job only grows with what changed); once it returns they are copied back at the rebuild rate.
/// Times are scenario time since start.
/// </summary>
internal sealed class Resync
{
    /// <summary>Bytes written while the node was away, per second of absence.</summary>
    public const long DirtyBytesPerSecond = 256L << 20;

    /// <summary>Even a short absence leaves some regions to resync.</summary>
    public const long MinimumBytes = 1L << 30;

    public required string Node { get; init; }

    /// <summary>When the node (last) went down.</summary>
    public required TimeSpan DownAt { get; set; }

    /// <summary>Bytes dirtied in earlier absences that are not yet resynced.</summary>
    public long CarriedBytes { get; set; }

    /// <summary>When the node came back and copying started; null while it is down.</summary>
    public TimeSpan? ResyncFrom { get; set; }

    /// <summary>Total bytes to resync (grows while the node is down).</summary>
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
}
