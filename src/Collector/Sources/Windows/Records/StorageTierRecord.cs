namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\Microsoft\Windows\Storage MSFT_StorageTier: a tiered virtual disk's resiliency lives here, not on the disk.</summary>
internal sealed record StorageTierRecord
{
    public string FriendlyName { get; init; } = string.Empty;

    public string? ResiliencySettingName { get; init; }

    public int NumberOfDataCopies { get; init; }

    public int PhysicalDiskRedundancy { get; init; }
}
