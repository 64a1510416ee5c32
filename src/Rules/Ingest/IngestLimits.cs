namespace AzLocalMonitor.Rules.Ingest;

/// <summary>The per-point limits of <see cref="IngestOptions"/>, in the units the mapping compares (shared by both protobuf paths).</summary>
internal sealed record IngestLimits(long MaxFutureSkewMs, long MaxPointAgeMs, int MaxAttributesPerPoint, int MaxNameLength, int MaxLabelValueLength, int MaxClusterNameLength)
{
    /// <summary>The defaults of <see cref="IngestOptions"/>.</summary>
    public static IngestLimits Default { get; } = From(new IngestOptions());

    public static IngestLimits From(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new IngestLimits(
            (long)options.MaxFutureSkew.TotalMilliseconds,
            options.MaxPointAge is { } age ? (long)age.TotalMilliseconds : long.MaxValue,
            options.MaxAttributesPerPoint,
            options.MaxNameLength,
            options.MaxLabelValueLength,
            options.MaxClusterNameLength);
    }
}
