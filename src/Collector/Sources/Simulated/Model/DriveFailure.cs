namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// One failed capacity drive: unhealthy until S2D retires it (retire-after, 15 min by default), then its data is
/// rebuilt into the pool's free space (the reserve) at the repair rate — if the pool, one drive smaller, still has
/// room for it. Otherwise the pool cannot heal until the drive is replaced.
/// </summary>
internal sealed class DriveFailure
{
    public required int Node { get; init; }

    /// <summary>1-based capacity drive number on the node.</summary>
    public required int Drive { get; init; }

    public required TimeSpan FailedAt { get; init; }

    public required TimeSpan RetiredAt { get; init; }

    /// <summary>Data that was on the drive (its share of the written footprint), fixed at failure.</summary>
    public required long DataBytes { get; init; }

    /// <summary>Whether the smaller pool had room to rebuild the drive's data when it was retired.</summary>
    public required bool ReserveSuffices { get; init; }

    /// <summary>When a new drive was put in; null while not replaced.</summary>
    public TimeSpan? ReplacedAt { get; set; }

    public string JobName => $"rebuild-node-{Node + 1}-disk-{Drive}";

    public bool IsRetired(TimeSpan now) => now >= RetiredAt && !IsReplaced(now);

    public bool IsUnhealthy(TimeSpan now) => now < RetiredAt && !IsReplaced(now);

    public bool IsReplaced(TimeSpan now) => ReplacedAt is { } at && now >= at;

    /// <summary>When rebuilding starts: at retirement if the reserve suffices, else when the drive is replaced; null if never.</summary>
    public TimeSpan? RebuildFrom =>
        ReserveSuffices ? (ReplacedAt is { } r && r < RetiredAt ? r : RetiredAt) : ReplacedAt;

    public long Processed(TimeSpan now, long bytesPerSecond) =>
        RebuildFrom is { } from && now > from ? Math.Min(DataBytes, (long)((now - from).TotalSeconds * bytesPerSecond)) : 0;

    /// <summary>True once the drive's data has its full number of copies again.</summary>
    public bool IsRebuilt(TimeSpan now, long bytesPerSecond) => RebuildFrom is { } from && now > from && Processed(now, bytesPerSecond) >= DataBytes;

    /// <summary>True while its data is rebuilding (a repair job runs).</summary>
    public bool IsRebuilding(TimeSpan now, long bytesPerSecond) => RebuildFrom is { } from && now >= from && !IsRebuilt(now, bytesPerSecond);

    /// <summary>True when retired with no room to rebuild and not replaced: the pool cannot heal.</summary>
    public bool CannotHeal(TimeSpan now) => !ReserveSuffices && now >= RetiredAt && !IsReplaced(now);
}
