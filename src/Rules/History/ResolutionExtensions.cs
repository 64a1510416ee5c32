namespace AzLocalMonitor.Rules.History;

/// <summary>Bucket arithmetic of <see cref="Resolution"/>.</summary>
public static class ResolutionExtensions
{
    /// <summary>Every resolution, finest first.</summary>
    public static IReadOnlyList<Resolution> All { get; } = [Resolution.FiveMinutes, Resolution.Hour, Resolution.Day];

    /// <summary>Bucket length in milliseconds.</summary>
    public static long Milliseconds(this Resolution resolution) => resolution switch
    {
        Resolution.FiveMinutes => 5 * 60_000L,
        Resolution.Hour => 3_600_000L,
        Resolution.Day => 86_400_000L,
        _ => throw new ArgumentOutOfRangeException(nameof(resolution)),
    };

    /// <summary>Start of the bucket holding <paramref name="timestampMs"/> (UTC-aligned).</summary>
    public static long BucketStart(this Resolution resolution, long timestampMs)
    {
        var size = resolution.Milliseconds();
        return timestampMs - (((timestampMs % size) + size) % size);
    }
}
