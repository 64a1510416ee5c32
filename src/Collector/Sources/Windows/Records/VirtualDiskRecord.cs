namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\Microsoft\Windows\Storage MSFT_VirtualDisk.</summary>
internal sealed record VirtualDiskRecord
{
    public string FriendlyName { get; init; } = string.Empty;

    /// <summary>Mirror, Parity, Simple; empty on a tiered (mirror-accelerated parity) disk.</summary>
    public string? ResiliencySettingName { get; init; }

    public int NumberOfDataCopies { get; init; }

    public int PhysicalDiskRedundancy { get; init; }

    public string? ObjectId { get; init; }

    /// <summary>The disk's storage tiers (MSFT_StorageTier through MSFT_VirtualDiskToStorageTier), for tiered disks.</summary>
    public IReadOnlyList<StorageTierRecord> Tiers { get; init; } = [];

    public long Size { get; init; }

    public long AllocatedSize { get; init; }

    /// <summary>0 Healthy, 1 Warning, 2 Unhealthy, 5 Unknown.</summary>
    public int HealthStatus { get; init; } = 5;

    /// <summary>2 OK, 3 Degraded, 11 In Service, 0xD002 Detached, 0xD003 Incomplete, 0xD024 No Redundancy, ...</summary>
    public IReadOnlyList<int> OperationalStatus { get; init; } = [];
}
