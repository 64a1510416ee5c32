namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>Capacity-tier media: all-flash (NVMe/SSD) or hybrid (HDD capacity behind a flash cache).</summary>
public enum MediaKind
{
    /// <summary>Capacity drives are flash (NVMe or SSD).</summary>
    AllFlash,

    /// <summary>Capacity drives are HDD with a flash cache: dual parity uses different codes (docs/capacity.md).</summary>
    Hybrid,
}
