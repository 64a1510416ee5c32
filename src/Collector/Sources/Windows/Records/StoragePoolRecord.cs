namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\Microsoft\Windows\Storage MSFT_StoragePool.</summary>
internal sealed record StoragePoolRecord
{
    public string FriendlyName { get; init; } = string.Empty;

    /// <summary>The primordial pool lists unpooled disks; it is not a pool anyone allocates from.</summary>
    public bool IsPrimordial { get; init; }

    public long Size { get; init; }

    public long AllocatedSize { get; init; }

    public int HealthStatus { get; init; } = 5;
}
