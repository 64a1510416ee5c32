namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\Microsoft\Windows\Storage MSFT_PhysicalDisk of this node (the reader follows MSFT_StorageNodeToPhysicalDisk).</summary>
internal sealed record PhysicalDiskRecord
{
    public string FriendlyName { get; init; } = string.Empty;

    public string? SerialNumber { get; init; }

    /// <summary>0 Unspecified, 3 HDD, 4 SSD, 5 SCM.</summary>
    public int MediaType { get; init; }

    /// <summary>17 NVMe, 11 SATA, 10 SAS, ...</summary>
    public int BusType { get; init; }

    /// <summary>1 Auto-Select, 2 Manual-Select, 3 Hot Spare, 4 Retired, 5 Journal (cache).</summary>
    public int Usage { get; init; }

    public int HealthStatus { get; init; } = 5;
}
