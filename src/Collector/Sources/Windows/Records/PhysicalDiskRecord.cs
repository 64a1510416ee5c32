namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\Microsoft\Windows\Storage MSFT_PhysicalDisk (the reader keeps those physically connected to this node).</summary>
internal sealed record PhysicalDiskRecord
{
    public string FriendlyName { get; init; } = string.Empty;

    public string? SerialNumber { get; init; }

    public string? ObjectId { get; init; }

    /// <summary>2 = In a Pool (MSFT_PhysicalDisk MOF): what tells a pooled drive from the boot disk.</summary>
    public IReadOnlyList<int> CannotPoolReason { get; init; } = [];

    /// <summary>0 Unspecified, 3 HDD, 4 SSD, 5 SCM.</summary>
    public int MediaType { get; init; }

    /// <summary>17 NVMe, 11 SATA, 10 SAS, ...</summary>
    public int BusType { get; init; }

    /// <summary>1 Auto-Select, 2 Manual-Select, 3 Hot Spare, 4 Retired, 5 Journal (cache).</summary>
    public int Usage { get; init; }

    public int HealthStatus { get; init; } = 5;
}
